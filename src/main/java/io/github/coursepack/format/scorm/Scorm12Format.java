package io.github.coursepack.format.scorm;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Unit;
import io.github.coursepack.render.UnitTemplate;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes SCORM 1.2 packages: {@code scorm12/<unit-slug>.zip} per unit (a single SCO) and {@code
 * scorm12/<course-slug>.zip} for the whole course (a root item, one SCO per unit); layout in {@link
 * ScormPackages}. The edition every Moodle plays without surprises, and the one the course backup
 * embeds with {@code --mbz-scorm}.
 */
public final class Scorm12Format implements PackageFormat {

  @Override
  public String id() {
    return "scorm12";
  }

  @Override
  public String description() {
    return "SCORM 1.2 zips, one per unit and one for the course (scorm12/)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    return ScormPackages.write(ScormPackages.Edition.SCORM12, id(), course, context);
  }

  /** The files of a unit's package, manifest included. */
  public static ArchiveContent unitPackage(Course course, Unit unit, UnitTemplate template) {
    return ScormPackages.unitPackage(ScormPackages.Edition.SCORM12, course, unit, template);
  }
}
