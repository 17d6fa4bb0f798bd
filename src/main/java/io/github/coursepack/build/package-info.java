/**
 * Runs the pipeline for one course: read the folder, load the template, write each chosen format;
 * and says which of the archives written the trainer uploads for the course's target ({@link
 * io.github.coursepack.build.UploadAdvice}). The command line calls it; so can tests and other
 * tools.
 */
package io.github.coursepack.build;
