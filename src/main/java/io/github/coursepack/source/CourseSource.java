package io.github.coursepack.source;

import io.github.coursepack.model.Course;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A course as read from its folder: the model, plus what only the build needs to know about files.
 *
 * @param course the course model
 * @param folder the course folder
 * @param template the unit template folder named in {@code course.yaml}, if any
 * @param sources each unit's resource file, by unit id
 */
public record CourseSource(
    Course course, Path folder, Optional<Path> template, Map<String, Path> sources) {
  public CourseSource {
    sources = Map.copyOf(sources);
  }
}
