package io.github.coursepack.format.questions;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
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
    List<Path> out =
        write(target, content.apply(whole.get()), context).map(List::of).orElse(List.of());
    out.forEach(p -> context.progress().archiveWritten(formatId, null, p));
    return out;
  }

  static Optional<Path> write(Path target, byte[] content, FormatContext context) {
    try {
      AtomicOutput.write(target, content);
      return Optional.of(target);
    } catch (IOException e) {
      context.sink().report(Diagnostic.error(target, 0, Message.of("questions.cannotWrite", e)));
      return Optional.empty();
    }
  }
}
