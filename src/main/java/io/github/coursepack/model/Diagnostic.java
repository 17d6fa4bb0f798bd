package io.github.coursepack.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding about the input, printed like a compiler message: {@code path:line:col: severity:
 * message}. Diagnostics are data: readers and writers collect them and go on.
 *
 * @param file the file the finding is about, or {@code null} when it concerns the whole run
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param severity how serious it is
 * @param message what is wrong and what to do, in English, one sentence or two
 * @param cause the exception behind an internal error, for {@code --debug}; {@code null} otherwise
 */
public record Diagnostic(
    Path file, int line, int column, Severity severity, String message, Throwable cause) {

  /** A finding about the input (no exception behind it). */
  public Diagnostic(Path file, int line, int column, Severity severity, String message) {
    this(file, line, column, severity, message, null);
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
    }
  }

  public static Diagnostic error(Path file, int line, String message) {
    return new Diagnostic(file, line, 0, Severity.ERROR, message);
  }

  public static Diagnostic warning(Path file, int line, String message) {
    return new Diagnostic(file, line, 0, Severity.WARNING, message);
  }

  public static Diagnostic info(Path file, int line, String message) {
    return new Diagnostic(file, line, 0, Severity.INFO, message);
  }

  /**
   * A bug met while working on {@code file}: an error that names what was being done, so that the
   * other resources still get built and the trainer knows what to report.
   *
   * @param doing what was being done, e.g. {@code "reading the resource"}
   */
  public static Diagnostic internalError(Path file, String doing, Throwable cause) {
    return new Diagnostic(
        file,
        0,
        0,
        Severity.ERROR,
        "internal error while " + doing + ": " + cause + "; please report it",
        cause);
  }

  /** The {@code path:line:col: severity: message} form, without the source excerpt. */
  public String format(Path relativeTo) {
    StringBuilder out = new StringBuilder();
    if (file != null) {
      Path shown = file;
      if (relativeTo != null && file.isAbsolute()) {
        try {
          shown = relativeTo.toAbsolutePath().relativize(file);
        } catch (IllegalArgumentException differentRoots) {
          shown = file;
        }
      }
      out.append(shown.toString().replace('\\', '/'));
      if (line > 0) {
        out.append(':').append(line);
        if (column > 0) {
          out.append(':').append(column);
        }
      }
      out.append(": ");
    }
    return out.append(severity.label()).append(": ").append(message).toString();
  }

  @Override
  public String toString() {
    return format(null);
  }
}
