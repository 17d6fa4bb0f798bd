package io.github.coursepack.format;

import io.github.coursepack.model.Course;
import java.nio.file.Path;
import java.util.List;

/**
 * One output format: turns a course into archives under the output folder. A format reports
 * problems to the context's sink and goes on with the other archives; it throws only for bugs.
 *
 * <p>Each unit's work runs through {@code context.guard().unit(…)}, so that a bug met in one unit
 * stays with that unit, and each course-level archive is made of the course that {@code
 * context.guard().courseArchive(…)} gives, or not at all (see {@link UnitGuard}). Each archive is
 * written through {@code context.archive(…)}, which leaves it as it is when its content has not
 * changed since the previous build; the units' work runs through {@link UnitJobs}, on the build's
 * packaging threads.
 */
public interface PackageFormat {

  /** The id used on the command line and in {@code course.yaml}, e.g. {@code scorm12}. */
  String id();

  /** One line for {@code --help}: what the format is and where its archives go. */
  String description();

  /**
   * Writes the course's archives and returns them in order: those written, and those left as the
   * previous build wrote them because their content has not changed ({@link
   * FormatContext#archive}).
   */
  List<Path> write(Course course, FormatContext context);
}
