/** The course report: a French overview of what the course teaches, for the trainer. */
package io.github.coursepack.format.report;
