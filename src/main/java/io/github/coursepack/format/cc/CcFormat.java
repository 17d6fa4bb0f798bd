package io.github.coursepack.format.cc;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the course as an IMS Common Cartridge 1.1, {@code cc/<course-slug>.imscc}, for Moodle's
 * course import (FORMATS.md §4). Moodle imports CC 1.0 and 1.1 only, so this is 1.1. A first item
 * takes Moodle's section 0; then each unit is a folder item, which Moodle makes a course section,
 * holding the unit's page ({@code <unit-slug>/index.html}, a Page activity) and, when the unit has
 * questions a cartridge can hold, its QTI assessment ({@code <unit-slug>/assessment.xml}, a Quiz
 * with its question category) asking the unit's blueprint ({@link #asked}). Matching questions have
 * no CC profile: they are left out, with an info line per unit. A course without units gives no
 * cartridge.
 */
public final class CcFormat implements PackageFormat {

  static final String FOLDER = "cc";
  static final String EXTENSION = ".imscc";

  @Override
  public String id() {
    return "cc";
  }

  @Override
  public String description() {
    return "IMS Common Cartridge 1.1 for Moodle's course import (cc/)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    if (course.units().isEmpty()) {
      return List.of();
    }
    Path target = context.outputDir().resolve(FOLDER).resolve(course.slug() + EXTENSION);
    ArchiveContent content = cartridge(course, context.sink());
    FormatContext.Outcome outcome;
    try {
      outcome = context.zip(id(), null, target, content);
    } catch (IOException | UncheckedIOException e) {
      context.sink().report(Diagnostic.error(target, 0, Message.of("cc.cannotWrite", e)));
      return List.of();
    }
    context.done(id(), null, target, outcome);
    return List.of(target);
  }

  /**
   * The questions a unit's cartridge quiz asks: a cartridge cannot draw at random, so, like an H5P
   * package, it asks the blueprint, the bank's first {@code quizSize} questions, matching ones
   * replaced by the next questions of the bank. The whole bank is in the {@code .mbz} and the
   * question files.
   */
  static List<Question> asked(Unit unit) {
    return unit.quiz().questions().stream()
        .filter(CcAssessment::supported)
        .limit(unit.quiz().drawCount())
        .toList();
  }

  /** The cartridge's files, manifest included; tells the sink about questions left out. */
  static ArchiveContent cartridge(Course course, DiagnosticSink sink) {
    ArchiveContent zip = new ArchiveContent();
    String title = CcManifest.courseTitle(course);
    if (!title.equals(course.title())) {
      sink.report(Diagnostic.info(null, 0, Message.of("cc.titleBrackets", title)));
    }
    List<CcManifest.UnitEntry> entries = new ArrayList<>();
    for (Unit unit : course.units()) {
      String dir = unit.slug() + "/";
      String page = dir + "index.html";
      zip.add(page, CcPage.render(course, unit));
      List<String> pageFiles = new ArrayList<>(List.of(page));
      Optional<LocalMedia> local = unit.video().flatMap(v -> v.local());
      if (local.isPresent()) {
        String media = dir + CcPage.mediaPath(local.get());
        zip.add(media, local.get().source());
        pageFiles.add(media);
      }
      List<Question> kept = asked(unit);
      long replaced = unit.quiz().drawn().stream().filter(q -> !CcAssessment.supported(q)).count();
      if (replaced > 0) {
        sink.report(
            Diagnostic.info(null, 0, Message.of("cc.matchingReplaced", replaced, unit.title())));
      }
      Optional<String> assessment = Optional.empty();
      if (!kept.isEmpty()) {
        assessment = Optional.of(dir + "assessment.xml");
        zip.add(assessment.get(), CcAssessment.build(unit, kept));
      }
      entries.add(new CcManifest.UnitEntry(unit, page, pageFiles, assessment));
    }
    zip.add(CcCheck.MANIFEST, CcManifest.build(course, entries));
    return zip;
  }
}
