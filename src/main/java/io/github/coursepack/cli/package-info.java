/**
 * The command line ({@code coursepack build|check}), built with picocli. It is thin: it parses
 * options, calls the pipeline, prints diagnostics like a compiler and returns the exit code (0 ok,
 * 1 content errors, 2 usage errors).
 */
package io.github.coursepack.cli;
