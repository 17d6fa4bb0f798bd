package io.github.coursepack.format.scorm;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.DeterministicZip;
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

/**
 * Writes SCORM 1.2 packages: {@code scorm12/<unit-slug>.zip} per unit (a single SCO) and {@code
 * scorm12/<course-slug>.zip} for the whole course (a root item, one SCO per unit). When the course
 * slug is also a unit's slug, the course package is named {@code <course-slug>-course.zip}.
 *
 * <p>Layout of a unit package: {@code imsmanifest.xml}, {@code index.html}, {@code assets/} (the
 * template's files and {@code scorm12.js}), {@code media/} (a local video, stored uncompressed).
 * The course package has the same {@code assets/} and {@code media/} once, and each unit's page in
 * {@code units/<unit-slug>/index.html}.
 */
public final class Scorm12Format implements PackageFormat {

  static final String FOLDER = "scorm12";
  static final String RUNTIME = "assets/scorm12.js";

  private static final byte[] RUNTIME_JS = resource("scorm12.js");

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
    Path dir = context.outputDir().resolve(FOLDER);
    List<Path> written = new ArrayList<>();
    for (Unit unit : course.units()) {
      Path target = dir.resolve(unit.slug() + ".zip");
      if (write(target, unitPackage(course, unit, context.template()), context)) {
        written.add(target);
        context.progress().archiveWritten(id(), unit, target);
      }
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
                    "a unit is named '"
                        + course.slug()
                        + "' like the course; the course package is "
                        + target.getFileName()));
      }
      if (write(target, coursePackage(course, context.template()), context)) {
        written.add(target);
        context.progress().archiveWritten(id(), null, target);
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
  public static ArchiveContent unitPackage(Course course, Unit unit, UnitTemplate template) {
    ArchiveContent zip = new ArchiveContent();
    zip.add(
        "index.html",
        UnitPage.render(template, course, unit, new UnitPage.Options("", List.of(RUNTIME))));
    addShared(zip, template);
    unit.video().flatMap(v -> v.local()).ifPresent(m -> addMedia(zip, m));
    List<String> files = zip.entries().keySet().stream().toList();
    zip.add("imsmanifest.xml", Scorm12Manifest.forUnit(unit, files));
    return zip;
  }

  static ArchiveContent coursePackage(Course course, UnitTemplate template) {
    ArchiveContent zip = new ArchiveContent();
    addShared(zip, template);
    List<String> shared = zip.entries().keySet().stream().toList();
    List<Scorm12Manifest.Sco> scos = new ArrayList<>();
    for (Unit unit : course.units()) {
      String page = "units/" + unit.slug() + "/index.html";
      zip.add(
          page,
          UnitPage.render(
              template, course, unit, new UnitPage.Options("../../", List.of(RUNTIME))));
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
    zip.add("imsmanifest.xml", Scorm12Manifest.forCourse(course, scos, shared));
    return zip;
  }

  private static void addShared(ArchiveContent zip, UnitTemplate template) {
    for (Map.Entry<String, byte[]> asset : template.assets().entrySet()) {
      if (!asset.getKey().equals(RUNTIME)) {
        zip.add(asset.getKey(), asset.getValue());
      }
    }
    zip.add(RUNTIME, RUNTIME_JS);
  }

  private static void addMedia(ArchiveContent zip, LocalMedia media) {
    String path = UnitPage.mediaPath(media.name());
    if (!zip.contains(path)) {
      zip.add(path, media.source());
    }
  }

  private static boolean write(Path target, ArchiveContent content, FormatContext context) {
    try {
      DeterministicZip.write(target, content, context.epochSeconds());
      return true;
    } catch (IOException | UncheckedIOException e) {
      context.sink().report(Diagnostic.error(target, 0, "cannot write the package: " + e));
      return false;
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = Scorm12Format.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
