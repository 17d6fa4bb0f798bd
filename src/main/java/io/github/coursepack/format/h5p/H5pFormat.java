package io.github.coursepack.format.h5p;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.format.UnitJobs;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code h5p/<unit-slug>.h5p} per unit (see {@link H5pContent}): no directory entries, no
 * name starting with {@code .} or {@code _}, whitelisted extensions only. By default a package
 * carries no library and the build names, once, those the site must have; with {@link
 * FormatContext.Options#h5pLibraries()} each package bundles the libraries it needs with their
 * whole dependency closure, and a library missing from the source is an error that names it. Every
 * package is checked with {@link H5pCheck}, from the content zipped rather than the file written.
 */
public final class H5pFormat implements PackageFormat {

  static final String FOLDER = "h5p";

  @Override
  public String id() {
    return "h5p";
  }

  @Override
  public String description() {
    return "H5P packages, one per unit: column with the video, transcript and a question set (h5p/)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    H5pLibraryBundle bundle = null;
    if (context.options().h5pLibraries().isPresent()) {
      Path source = context.options().h5pLibraries().get();
      try {
        bundle = H5pLibraryBundle.load(source);
      } catch (IOException | RuntimeException e) {
        context
            .sink()
            .report(
                Diagnostic.error(source, 0, Message.of("h5p.cannotReadLibraries", e.getMessage())));
        return List.of();
      }
    }
    List<Path> written = new ArrayList<>();
    Set<String> siteNeeds = new LinkedHashSet<>();
    H5pLibraryBundle libraries = bundle;
    List<Optional<Packaged>> units =
        UnitJobs.run(
            course.units(),
            context,
            Message.of("doing.writingH5p"),
            (unit, c) -> writeUnit(course, unit, libraries, c).orElse(null));
    boolean any = false;
    for (int i = 0; i < units.size(); i++) {
      Unit unit = course.units().get(i);
      if (units.get(i).isEmpty()) {
        continue;
      }
      Packaged p = units.get(i).get();
      any = true;
      siteNeeds.addAll(p.siteNeeds());
      written.add(p.target());
      context.done(id(), unit, p.target(), p.outcome());
    }
    if (!siteNeeds.isEmpty() && any) {
      context
          .sink()
          .report(
              Diagnostic.info(
                  context.outputDir().resolve(FOLDER),
                  0,
                  Message.of("h5p.noLibrary", String.join(", ", siteNeeds))));
    }
    return written;
  }

  /**
   * A unit's package, written or left as it was.
   *
   * @param siteNeeds the libraries the package needs from the site, when none is bundled
   */
  private record Packaged(Path target, FormatContext.Outcome outcome, List<String> siteNeeds) {}

  /** Writes one unit's package; empty when it is not written (the reason has been reported). */
  private Optional<Packaged> writeUnit(
      Course course, Unit unit, H5pLibraryBundle bundle, FormatContext context) {
    List<String> siteNeeds = new ArrayList<>();
    H5pContent.Result content = H5pContent.of(course, unit);
    for (Message note : content.notes()) {
      context
          .sink()
          .report(Diagnostic.info(null, 0, Message.of("h5p.note", unit.sourceName(), note)));
    }
    ArchiveContent zip;
    try {
      zip = archive(unit, content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON of our own making does not serialise", e);
    }
    if (bundle != null) {
      List<String> missing = new ArrayList<>();
      for (H5pLibraryBundle.Folder f : bundle.closure(content.libraries(), missing)) {
        H5pLibraryBundle.addTo(zip, f);
      }
      if (!missing.isEmpty()) {
        context
            .sink()
            .report(
                Diagnostic.error(
                    context.options().h5pLibraries().get(),
                    0,
                    Message.of("h5p.librariesLack", unit.slug(), String.join(", ", missing))));
        return Optional.empty();
      }
    } else {
      content.libraries().forEach(l -> siteNeeds.add(l.toString()));
    }
    Path target = context.outputDir().resolve(FOLDER).resolve(unit.slug() + ".h5p");
    FormatContext.Outcome outcome;
    try {
      outcome = context.zip(id(), unit, target, zip);
    } catch (IOException | UncheckedIOException e) {
      context
          .sink()
          .report(Diagnostic.error(target, 0, Message.of("format.cannotWritePackage", e)));
      return Optional.empty();
    }
    if (outcome == FormatContext.Outcome.UNCHANGED) {
      // Checked when it was written.
      return Optional.of(new Packaged(target, outcome, siteNeeds));
    }
    // Checked from what was zipped, without reading the package back: the JSON is in memory and
    // the video is not read a second time.
    for (PackageFinding f : H5pCheck.check(zip)) {
      if (f.severity() == Severity.ERROR) {
        context.sink().report(Diagnostic.error(target, 0, Message.of("format.failsOwnCheck", f)));
      }
    }
    return Optional.of(new Packaged(target, outcome, siteNeeds));
  }

  static ArchiveContent archive(Unit unit, H5pContent.Result content)
      throws JsonProcessingException {
    ArchiveContent zip = new ArchiveContent();
    zip.add(
        "h5p.json",
        H5pContent.JSON.writeValueAsString(content.h5pJson()).getBytes(StandardCharsets.UTF_8));
    zip.add(
        "content/content.json",
        H5pContent.JSON.writeValueAsString(content.contentJson()).getBytes(StandardCharsets.UTF_8));
    unit.video()
        .flatMap(v -> v.local())
        .ifPresent((LocalMedia m) -> zip.add("content/" + H5pContent.videoPath(m), m.source()));
    return zip;
  }
}
