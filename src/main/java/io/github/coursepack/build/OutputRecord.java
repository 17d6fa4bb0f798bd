package io.github.coursepack.build;

import io.github.coursepack.format.moodle.MoodleBackupFormat;
import io.github.coursepack.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps an output folder true to the course after a build: works out the new {@link OutputManifest}
 * from the previous one and what the build wrote, removes the archives of units that no longer
 * exist, and the temporary files a killed build left.
 *
 * <p>A listed archive of a unit is stale when its unit is gone: its slug is no longer a unit's and
 * its resource file is gone or now makes a unit of another slug (a renamed title). It is kept when
 * its resource still exists but could not be built this time (an error), and for the formats not
 * built this time. A course-level archive the build did not write is kept when the build kept it
 * ({@link CourseBuild.Result#kept()}); of a format built, it is otherwise stale (no quiz left, …).
 * A file is removed only when listed and its content is still what the build wrote.
 */
final class OutputRecord {

  /**
   * What a build makes of the folder.
   *
   * @param current the entries of the files the folder holds for this course now
   * @param stale the entries of files to remove
   * @param keptFromBefore unit archives of resources with errors, kept from the previous build
   */
  record Update(
      List<OutputManifest.Entry> current,
      List<OutputManifest.Entry> stale,
      List<OutputManifest.Entry> keptFromBefore) {}

  private OutputRecord() {}

  /**
   * Removes the temporary files and scratch folders a killed build left in the output folder. Only
   * their names are recognised: nothing else is touched. Call it with the folder's lock held, since
   * another build's files in progress look the same.
   *
   * @return the paths removed, relative to the folder
   */
  static List<String> removeLeftovers(Path outDir) throws IOException {
    if (!Files.isDirectory(outDir)) {
      return List.of();
    }
    List<Path> found;
    try (Stream<Path> walk = Files.walk(outDir, 3)) {
      found =
          walk.filter(
                  p ->
                      (Files.isRegularFile(p) && AtomicOutput.isTemporary(p))
                          || (Files.isDirectory(p) && MoodleBackupFormat.isScratch(p)))
              .toList();
    }
    List<String> removed = new ArrayList<>();
    for (Path p : found) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> tree = Files.walk(p)) {
          for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(q);
          }
        }
      } else {
        Files.deleteIfExists(p);
      }
      removed.add(OutputManifest.relative(outDir, p));
    }
    return removed;
  }

  /**
   * The folder's entries after a build.
   *
   * @param outDir the output folder
   * @param previous the manifest of the previous build, if any
   * @param written the entries of the archives written now, by path
   * @param built the ids of the formats built now
   * @param keptCourseArchives course-level archives the build kept instead of writing
   * @param units the slugs of the course's units now, by resource file (relative)
   * @param resources every resource file of the course now, read or not (relative)
   * @param failedUnits slugs of the units whose archive failed in this build
   */
  static Update update(
      Path outDir,
      Optional<OutputManifest> previous,
      Map<String, OutputManifest.Entry> written,
      Set<String> built,
      Set<Path> keptCourseArchives,
      Map<String, String> units,
      Set<String> resources,
      Set<String> failedUnits)
      throws IOException {
    Map<String, OutputManifest.Entry> current = new LinkedHashMap<>(written);
    Set<String> slugs = new TreeSet<>(units.values());
    List<OutputManifest.Entry> stale = new ArrayList<>();
    List<OutputManifest.Entry> kept = new ArrayList<>();
    for (OutputManifest.Entry e : previous.map(OutputManifest::entries).orElse(List.of())) {
      if (current.containsKey(e.path())) {
        continue;
      }
      if (!Files.isRegularFile(OutputManifest.resolve(outDir, e.path()))) {
        continue; // removed by hand: nothing to list, nothing to remove
      }
      boolean formatBuilt = built.contains(e.format());
      boolean keep;
      if (e.removing()) {
        keep = false; // a build killed before it removed it
      } else if (resources.isEmpty()) {
        // A course whose resource files could not be found at all (a broken course.yaml): not a
        // reason to remove a whole course's archives.
        keep = true;
      } else if (e.unit() == null) {
        keep =
            !formatBuilt
                || keptCourseArchives.contains(
                    OutputManifest.resolve(outDir, e.path()).toAbsolutePath().normalize());
      } else if (slugs.contains(e.unit())) {
        keep = !formatBuilt || failedUnits.contains(e.unit());
        if (keep && formatBuilt) {
          kept.add(e);
        }
      } else {
        // The unit is gone unless its resource is still there and made no unit this time: then it
        // has errors, and its last good archives stay until it is fixed.
        keep =
            e.resource() != null
                && resources.contains(e.resource())
                && !units.containsKey(e.resource());
        if (keep) {
          kept.add(e);
        }
      }
      if (keep) {
        current.put(e.path(), e);
      } else {
        stale.add(e);
      }
    }
    return new Update(List.copyOf(current.values()), stale, kept);
  }
}
