package io.github.coursepack.format.scorm;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.UnitJobs;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Unit;
import io.github.coursepack.render.UnitPage;
import io.github.coursepack.render.UnitTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SCORM packages of a course, for either edition: {@code <folder>/<unit-slug>.zip} per unit (a
 * single SCO) and {@code <folder>/<course-slug>.zip} for the whole course (a root item, one SCO per
 * unit). When the course slug is also a unit's slug, the course package is named {@code
 * <course-slug>-course.zip}.
 *
 * <p>Layout of a unit package: {@code imsmanifest.xml}, {@code index.html}, {@code assets/} (the
 * template's files and the edition's runtime), {@code media/} (a local video, stored uncompressed).
 * The course package has the same {@code assets/} and {@code media/} once, and each unit's page in
 * {@code units/<unit-slug>/index.html}. Both editions hold the same pages; only the runtime script
 * and the manifest differ.
 */
final class ScormPackages {

  /** What differs between SCORM 1.2 and 2004 packages. */
  enum Edition {
    SCORM12("scorm12", "scorm12.js"),
    SCORM2004("scorm2004", "scorm2004.js");

    final String folder;
    final String runtime;
    private final byte[] runtimeJs;

    Edition(String folder, String script) {
      this.folder = folder;
      this.runtime = "assets/" + script;
      this.runtimeJs = resource(script);
    }

    byte[] unitManifest(Unit unit, List<String> files) {
      return this == SCORM12
          ? Scorm12Manifest.forUnit(unit, files)
          : Scorm2004Manifest.forUnit(unit, files);
    }

    byte[] courseManifest(Course course, List<Scorm12Manifest.Sco> scos, List<String> shared) {
      return this == SCORM12
          ? Scorm12Manifest.forCourse(course, scos, shared)
          : Scorm2004Manifest.forCourse(course, scos, shared);
    }
  }

  private ScormPackages() {}

  /**
   * Writes every unit's package, then the course's (unless the build keeps the previous one, see
   * {@link io.github.coursepack.format.UnitGuard}); returns the files written.
   */
  static List<Path> write(Edition edition, String formatId, Course course, FormatContext context) {
    Path dir = context.outputDir().resolve(edition.folder);
    List<Path> written = new ArrayList<>();
    Message doing =
        Message.of(edition == Edition.SCORM12 ? "doing.writingScorm12" : "doing.writingScorm2004");
    List<Optional<FormatContext.Outcome>> units =
        UnitJobs.run(
            course.units(),
            context,
            doing,
            (unit, c) ->
                writeUnit(edition, formatId, dir.resolve(unit.slug() + ".zip"), course, unit, c)
                    .orElse(null));
    for (int i = 0; i < units.size(); i++) {
      Unit unit = course.units().get(i);
      Path target = dir.resolve(unit.slug() + ".zip");
      units
          .get(i)
          .ifPresent(
              outcome -> {
                written.add(target);
                context.done(formatId, unit, target, outcome);
              });
    }
    if (!course.units().isEmpty()) {
      Path target = dir.resolve(coursePackageName(course) + ".zip");
      if (course.units().stream().anyMatch(u -> u.slug().equals(course.slug()))) {
        context
            .sink()
            .report(
                Diagnostic.info(
                    null,
                    0,
                    Message.of("scorm.unitNamedLikeCourse", course.slug(), target.getFileName())));
      }
      Optional<Course> whole = context.guard().courseArchive(course, target);
      if (whole.isPresent() && !whole.get().units().isEmpty()) {
        write(
                formatId,
                null,
                target,
                coursePackage(edition, whole.get(), context.template()),
                context)
            .ifPresent(
                outcome -> {
                  written.add(target);
                  context.done(formatId, null, target, outcome);
                });
      }
    }
    return written;
  }

  /** The course package's file name, without {@code .zip}. */
  static String coursePackageName(Course course) {
    boolean clash = course.units().stream().anyMatch(u -> u.slug().equals(course.slug()));
    return clash ? course.slug() + "-course" : course.slug();
  }

  /** The files of a unit's package, manifest included. */
  static ArchiveContent unitPackage(
      Edition edition, Course course, Unit unit, UnitTemplate template) {
    ArchiveContent zip = new ArchiveContent();
    zip.add(
        "index.html",
        UnitPage.render(
            template, course, unit, new UnitPage.Options("", List.of(edition.runtime))));
    addShared(zip, edition, template);
    unit.video().flatMap(v -> v.local()).ifPresent(m -> addMedia(zip, m));
    List<String> files = zip.entries().keySet().stream().toList();
    zip.add("imsmanifest.xml", edition.unitManifest(unit, files));
    return zip;
  }

  static ArchiveContent coursePackage(Edition edition, Course course, UnitTemplate template) {
    ArchiveContent zip = new ArchiveContent();
    addShared(zip, edition, template);
    List<String> shared = zip.entries().keySet().stream().toList();
    List<Scorm12Manifest.Sco> scos = new ArrayList<>();
    for (Unit unit : course.units()) {
      String page = "units/" + unit.slug() + "/index.html";
      zip.add(
          page,
          UnitPage.render(
              template, course, unit, new UnitPage.Options("../../", List.of(edition.runtime))));
      List<String> files = new ArrayList<>(List.of(page));
      unit.video()
          .flatMap(v -> v.local())
          .ifPresent(
              m -> {
                addMedia(zip, m);
                files.add(UnitPage.mediaPath(m.name()));
              });
      scos.add(new Scorm12Manifest.Sco(unit, page, files));
    }
    zip.add("imsmanifest.xml", edition.courseManifest(course, scos, shared));
    return zip;
  }

  /** The template's files and the edition's runtime (a template's own copy of it is ignored). */
  private static void addShared(ArchiveContent zip, Edition edition, UnitTemplate template) {
    for (Map.Entry<String, byte[]> asset : template.assets().entrySet()) {
      if (!asset.getKey().equals(Edition.SCORM12.runtime)
          && !asset.getKey().equals(Edition.SCORM2004.runtime)) {
        zip.add(asset.getKey(), asset.getValue());
      }
    }
    zip.add(edition.runtime, edition.runtimeJs);
  }

  private static void addMedia(ArchiveContent zip, LocalMedia media) {
    String path = UnitPage.mediaPath(media.name());
    if (!zip.contains(path)) {
      zip.add(path, media.source());
    }
  }

  /**
   * Writes a unit's package. A SCORM 1.2 one is noted in {@link FormatContext#written()}, for the
   * course backup to carry rather than make again.
   */
  private static Optional<FormatContext.Outcome> writeUnit(
      Edition edition,
      String formatId,
      Path target,
      Course course,
      Unit unit,
      FormatContext context) {
    ArchiveContent content = unitPackage(edition, course, unit, context.template());
    Optional<FormatContext.Outcome> outcome = write(formatId, unit, target, content, context);
    if (outcome.isPresent() && edition == Edition.SCORM12) {
      try {
        context.written().zipWritten(content.fingerprint(context.epochSeconds()), target);
      } catch (IOException e) {
        // not noted: the backup makes its own copy
      }
    }
    return outcome;
  }

  /** Writes a package unless it is unchanged; empty when it cannot be written (reported). */
  private static Optional<FormatContext.Outcome> write(
      String formatId, Unit unit, Path target, ArchiveContent content, FormatContext context) {
    try {
      return Optional.of(context.zip(formatId, unit, target, content));
    } catch (IOException | UncheckedIOException e) {
      context
          .sink()
          .report(Diagnostic.error(target, 0, Message.of("format.cannotWritePackage", e)));
      return Optional.empty();
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ScormPackages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
