package io.github.coursepack.format.questions;

import io.github.coursepack.format.ArchiveLedger;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Writes one file atomically, reporting a failure instead of throwing. */
final class QuestionFiles {

  private QuestionFiles() {}

  /**
   * Writes {@code questions/<course-slug>.<extension>} with every unit's quiz, or nothing when no
   * unit has one.
   */
  static List<Path> writeCourseFile(
      Course course,
      FormatContext context,
      String formatId,
      String extension,
      Function<Course, byte[]> content) {
    if (course.units().stream().allMatch(u -> u.quiz().isEmpty())) {
      return List.of();
    }
    Path target = context.outputDir().resolve("questions").resolve(course.slug() + "." + extension);
    Optional<Course> whole = context.guard().courseArchive(course, target);
    if (whole.isEmpty() || whole.get().units().stream().allMatch(u -> u.quiz().isEmpty())) {
      return List.of();
    }
    Optional<FormatContext.Outcome> outcome =
        write(formatId, null, target, content.apply(whole.get()), context);
    outcome.ifPresent(o -> context.done(formatId, null, target, o));
    return outcome.map(o -> List.of(target)).orElse(List.of());
  }

  /**
   * Writes a file unless it already holds these bytes as the previous build wrote them; empty when
   * it cannot be written (reported).
   *
   * @param unit its unit, null for a course-level file
   */
  static Optional<FormatContext.Outcome> write(
      String formatId, Unit unit, Path target, byte[] content, FormatContext context) {
    try {
      return Optional.of(
          context.archive(
              formatId,
              unit,
              target,
              ArchiveLedger.key(formatId, content),
              () -> AtomicOutput.write(target, content)));
    } catch (IOException e) {
      context.sink().report(Diagnostic.error(target, 0, Message.of("questions.cannotWrite", e)));
      return Optional.empty();
    }
  }
}
