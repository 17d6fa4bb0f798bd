/**
 * Writing archives and XML reproducibly and safely: entries sorted, timestamps fixed, no directory
 * entries, compressed media stored, every file written to a temporary name and moved into place
 * only when complete.
 */
package io.github.coursepack.io;
