/**
 * SCORM 1.2 packages for Moodle and M@gistère: one single-SCO zip per unit and one course zip with
 * a root item and one SCO per unit. Manifests follow FORMATS.md §1; the runtime script ({@code
 * scorm12.js}) follows PITFALLS.md items 1, 3, 5 and 6.
 */
package io.github.coursepack.format.scorm;
