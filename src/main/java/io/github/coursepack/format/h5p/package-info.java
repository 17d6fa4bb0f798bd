/**
 * H5P packages: {@link io.github.coursepack.format.h5p.H5pCheck} checks an {@code .h5p} the way
 * Moodle's H5P validator does.
 */
package io.github.coursepack.format.h5p;
