package io.github.coursepack.source;

import io.github.coursepack.model.Course;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A course as read from its folder: the model, plus what only the build needs to know about files.
 *
 * @param course the course model
 * @param folder the course folder
 * @param template the unit template folder named in {@code course.yaml}, if any
 * @param sources each unit's resource file, by unit id
 * @param resources every resource file of the course, in order, those that could not be read
 *     included: a build keeps the last archives of a resource that has errors this time
 * @param identities the course's identity file, with the slugs a build is to record in it
 */
public record CourseSource(
    Course course,
    Path folder,
    Optional<Path> template,
    Map<String, Path> sources,
    List<Path> resources,
    IdentityFile identities) {
  public CourseSource {
    sources = Map.copyOf(sources);
    resources = List.copyOf(resources);
  }

  /** A course whose resource files are those of its units. */
  public CourseSource(
      Course course, Path folder, Optional<Path> template, Map<String, Path> sources) {
    this(
        course,
        folder,
        template,
        sources,
        List.copyOf(sources.values()),
        IdentityFile.none(folder));
  }
}
