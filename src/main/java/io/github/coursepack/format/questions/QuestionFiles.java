package io.github.coursepack.format.questions;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Writes one file atomically, reporting a failure instead of throwing. */
final class QuestionFiles {

  private QuestionFiles() {}

  static Optional<Path> write(Path target, byte[] content, FormatContext context) {
    try {
      AtomicOutput.write(target, content);
      return Optional.of(target);
    } catch (IOException e) {
      context.sink().report(Diagnostic.error(target, 0, "cannot write the file: " + e));
      return Optional.empty();
    }
  }
}
