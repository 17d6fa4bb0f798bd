/**
 * The immutable course model: what a course and its units say, independent of where they were read
 * from and of the archives they become. Records only (plus the small {@link
 * io.github.coursepack.model.DiagnosticSink} interface); nothing here reads or writes files.
 */
package io.github.coursepack.model;
