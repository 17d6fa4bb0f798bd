package io.github.coursepack;

import io.github.coursepack.model.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What every fuzz test checks of the diagnostics a reader gave: no bug was contained (an "internal
 * error" diagnostic is a finding, the bug behind it is rethrown so the fuzzer reports its stack),
 * and every line a diagnostic names exists in its file.
 */
public final class FuzzChecks {

  private FuzzChecks() {}

  /** Rethrows the bug behind the first internal-error diagnostic, if any. */
  public static void noInternalError(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      if (d.cause() != null || d.message().startsWith("internal error")) {
        throw new AssertionError(d.message(), d.cause());
      }
    }
  }

  /** Every diagnostic about {@code file} names line 0 (unknown) or a line of its {@code lines}. */
  public static void linesWithin(List<Diagnostic> diagnostics, Path file, int lines) {
    for (Diagnostic d : diagnostics) {
      if (file.equals(d.file()) && (d.line() < 0 || d.line() > lines)) {
        throw new AssertionError(
            "line " + d.line() + " of a file of " + lines + " lines: " + d.message());
      }
    }
  }

  /**
   * The number of lines of {@code bytes} as the readers count them (LF, CRLF and a lone CR each end
   * one); a last line without an end counts.
   */
  public static int lineCount(byte[] bytes) {
    int lines = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
        lines++;
      }
    }
    return lines;
  }
}
