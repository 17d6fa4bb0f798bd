/**
 * Output formats. Each format is a {@link io.github.coursepack.format.PackageFormat} in a package
 * of its own; {@link io.github.coursepack.format.Formats} lists them by id for the command line and
 * {@code course.yaml}.
 */
package io.github.coursepack.format;
