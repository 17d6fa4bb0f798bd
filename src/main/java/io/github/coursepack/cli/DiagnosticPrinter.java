package io.github.coursepack.cli;

import io.github.coursepack.i18n.Language;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics like a compiler: {@code path:line:col: severity: message}, then the source
 * line (and a caret under the column when known). Counts what it printed.
 *
 * <p>The message is in the user's {@link Language}; the severity word and the place are the same in
 * every language, so that CI can grep them.
 */
final class DiagnosticPrinter implements DiagnosticSink {

  private static final int MAX_EXCERPT = 160;

  private final PrintWriter err;
  private final Path workingDir;
  private final boolean quiet;
  private final boolean debug;
  private final Language language;
  private final Map<Path, List<String>> lines = new HashMap<>();
  private final Map<Severity, Integer> counts = new HashMap<>();
  private Runnable beforePrint = () -> {};

  DiagnosticPrinter(PrintWriter err, boolean quiet, boolean debug) {
    this(err, quiet, debug, Language.EN);
  }

  /**
   * @param debug print the stack trace behind an internal error
   * @param language the language of the messages
   */
  DiagnosticPrinter(PrintWriter err, boolean quiet, boolean debug, Language language) {
    this.err = err;
    this.quiet = quiet;
    this.debug = debug;
    this.language = language;
    this.workingDir = Path.of("").toAbsolutePath();
  }

  /** Called before each printed diagnostic, e.g. to clear a progress line. */
  void beforePrint(Runnable action) {
    this.beforePrint = action;
  }

  @Override
  public void report(Diagnostic d) {
    counts.merge(d.severity(), 1, Integer::sum);
    if (quiet && d.severity() == Severity.INFO) {
      return;
    }
    beforePrint.run();
    err.println(d.format(workingDir, language));
    if (d.file() != null && d.line() > 0) {
      String source = line(d.file(), d.line());
      if (source != null && !source.isBlank()) {
        String shown =
            source.length() > MAX_EXCERPT ? source.substring(0, MAX_EXCERPT) + "…" : source;
        err.println("    " + shown);
        if (d.column() > 0 && d.column() <= shown.length() + 1) {
          err.println("    " + " ".repeat(d.column() - 1) + "^");
        }
      }
    }
    if (debug && d.cause() != null) {
      d.cause().printStackTrace(err);
    }
    err.flush();
  }

  int count(Severity severity) {
    return counts.getOrDefault(severity, 0);
  }

  private String line(Path file, int line) {
    List<String> content =
        lines.computeIfAbsent(
            file,
            f -> {
              try {
                byte[] bytes = Files.readAllBytes(f);
                String text;
                try {
                  text =
                      StandardCharsets.UTF_8
                          .newDecoder()
                          .decode(java.nio.ByteBuffer.wrap(bytes))
                          .toString();
                } catch (java.nio.charset.CharacterCodingException notUtf8) {
                  // The reader decoded such a file as Windows-1252 (and said so); show it the same
                  // way.
                  text = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
                }
                text = text.replace("\r\n", "\n").replace('\r', '\n');
                if (text.startsWith("\uFEFF")) {
                  text = text.substring(1);
                }
                return List.of(text.split("\n", -1));
              } catch (IOException | RuntimeException e) {
                return List.of();
              }
            });
    return line <= content.size() ? content.get(line - 1).replace('\t', ' ') : null;
  }
}
