package io.github.coursepack.format.scorm;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.model.Course;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes SCORM 2004 4th edition packages: {@code scorm2004/<unit-slug>.zip} per unit and {@code
 * scorm2004/<course-slug>.zip} for the course, with the same pages as the SCORM 1.2 packages
 * ({@link ScormPackages}), the {@code API_1484_11} runtime {@code assets/scorm2004.js} and the
 * manifest of {@link Scorm2004Manifest}. The unit sets completion and success apart, its score
 * scaled, and a larger {@code suspend_data}.
 */
public final class Scorm2004Format implements PackageFormat {

  @Override
  public String id() {
    return "scorm2004";
  }

  @Override
  public String description() {
    return "SCORM 2004 4th edition zips, one per unit and one for the course (scorm2004/)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    return ScormPackages.write(ScormPackages.Edition.SCORM2004, id(), course, context);
  }
}
