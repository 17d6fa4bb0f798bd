/**
 * The Moodle course backup ({@code .mbz}): {@link
 * io.github.coursepack.format.moodle.MoodleBackupFormat} writes a course that Moodle 4.1 and later
 * restore as it is, and {@link io.github.coursepack.format.moodle.MbzCheck} checks any backup
 * against what restore needs.
 */
package io.github.coursepack.format.moodle;
