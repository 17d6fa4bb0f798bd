package io.github.coursepack.model;

import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding about the input, printed like a compiler message: {@code path:line:col: severity:
 * message}. Diagnostics are data: readers and writers collect them and go on.
 *
 * <p>The message is kept as a {@link Message} (a key and its arguments) so that the command line
 * can print it in the user's language; {@link #message()} is its English text, which JSON and JUnit
 * reports, logs and tests rely on. The severity word is the same in every language, for CI. A
 * diagnostic made from a plain string (a message not yet in the bundles) says that string in every
 * language.
 *
 * @param file the file the finding is about, or {@code null} when it concerns the whole run
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param severity how serious it is
 * @param text what is wrong and what to do, one sentence or two
 * @param cause the exception behind an internal error, for {@code --debug}; {@code null} otherwise
 */
public record Diagnostic(
    Path file, int line, int column, Severity severity, Message text, Throwable cause) {

  /** A finding about the input (no exception behind it). */
  public Diagnostic(Path file, int line, int column, Severity severity, Message text) {
    this(file, line, column, severity, text, null);
  }

  /** A finding whose message is not in the bundles: the same English text in every language. */
  public Diagnostic(Path file, int line, int column, Severity severity, String message) {
    this(file, line, column, severity, Message.plain(message), null);
  }

  /** A finding whose message is not in the bundles, with the exception behind it. */
  public Diagnostic(
      Path file, int line, int column, Severity severity, String message, Throwable cause) {
    this(file, line, column, severity, Message.plain(message), cause);
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(text, "text");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
    }
  }

  /** What is wrong and what to do, in English. */
  public String message() {
    return text.english();
  }

  public static Diagnostic error(Path file, int line, Message text) {
    return new Diagnostic(file, line, 0, Severity.ERROR, text);
  }

  public static Diagnostic warning(Path file, int line, Message text) {
    return new Diagnostic(file, line, 0, Severity.WARNING, text);
  }

  public static Diagnostic info(Path file, int line, Message text) {
    return new Diagnostic(file, line, 0, Severity.INFO, text);
  }

  /** An error whose message is not in the bundles (said in English in every language). */
  public static Diagnostic error(Path file, int line, String message) {
    return error(file, line, Message.plain(message));
  }

  /** A warning whose message is not in the bundles (said in English in every language). */
  public static Diagnostic warning(Path file, int line, String message) {
    return warning(file, line, Message.plain(message));
  }

  /** An info whose message is not in the bundles (said in English in every language). */
  public static Diagnostic info(Path file, int line, String message) {
    return info(file, line, Message.plain(message));
  }

  /**
   * A bug met while working on {@code file}: an error that names what was being done, so that the
   * other resources still get built and the trainer knows what to report.
   *
   * @param doing what was being done, e.g. {@code Message.of("doing.readingResource")}
   */
  public static Diagnostic internalError(Path file, Message doing, Throwable cause) {
    return new Diagnostic(
        file,
        0,
        0,
        Severity.ERROR,
        Message.of("diagnostic.internalError", doing, String.valueOf(cause)),
        cause);
  }

  /** {@link #internalError(Path, Message, Throwable)} with what was being done in English only. */
  public static Diagnostic internalError(Path file, String doing, Throwable cause) {
    return internalError(file, Message.plain(doing), cause);
  }

  /** The {@code path:line:col: severity: message} form in English, without the source excerpt. */
  public String format(Path relativeTo) {
    return format(relativeTo, Language.EN);
  }

  /**
   * The {@code path:line:col: severity: message} form with the message in {@code language}; the
   * severity word is the same in every language.
   */
  public String format(Path relativeTo, Language language) {
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
    return out.append(severity.label()).append(": ").append(text.in(language)).toString();
  }

  @Override
  public String toString() {
    return format(null);
  }
}
