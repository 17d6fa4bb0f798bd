/**
 * Runs the pipeline for one course: read the folder, load the template, write each chosen format.
 * The command line calls it; so can tests and other tools.
 */
package io.github.coursepack.build;
