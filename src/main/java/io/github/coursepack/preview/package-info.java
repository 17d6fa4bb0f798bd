/**
 * {@code coursepack preview}: a local HTTP server that plays each unit under a SCORM 1.2 LMS
 * stand-in showing live what the unit writes, and rebuilds on edits with {@code --watch}.
 */
package io.github.coursepack.preview;
