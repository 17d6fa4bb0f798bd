package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a resource into its YAML front matter and its Markdown body. The front matter is the text
 * between a first line {@code ---} (blank lines before it are allowed) and the next line {@code
 * ---} or {@code ...}; a file without it is all body.
 *
 * @param fields the front matter's fields; empty when there is none
 * @param present whether the file had front matter
 * @param body the Markdown after the front matter
 * @param bodyFirstLine the file line on which {@code body} starts (1-based)
 */
record FrontMatter(Map<String, YamlField> fields, boolean present, String body, int bodyFirstLine) {

  /**
   * Reads the front matter of {@code text} (already decoded, {@code \n} line ends).
   *
   * @return empty when the front matter is broken beyond reading (an error has been reported)
   */
  static Optional<FrontMatter> read(Path file, String text, DiagnosticSink sink) {
    String[] lines = text.split("\n", -1);
    int open = 0;
    while (open < lines.length && lines[open].isBlank()) {
      open++;
    }
    if (open >= lines.length || !lines[open].strip().equals("---")) {
      int close = closingWithoutOpening(lines, open);
      if (close >= 0) {
        sink.report(
            Diagnostic.error(file, open + 1, Message.of("frontmatter.noOpening", (close + 1))));
        return Optional.empty();
      }
      return Optional.of(new FrontMatter(Map.of(), false, text, 1));
    }
    int close = -1;
    for (int i = open + 1; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.equals("---") || l.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      sink.report(Diagnostic.error(file, open + 1, Message.of("frontmatter.neverClosed")));
      return Optional.empty();
    }
    String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, open + 1, close));
    Optional<Map<String, YamlField>> fields = YamlFields.parse(file, yaml, open + 2, sink);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    String body =
        close + 1 < lines.length
            ? String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length))
            : "";
    return Optional.of(new FrontMatter(fields.get(), true, body, close + 2));
  }

  private static final java.util.regex.Pattern KEY_LINE =
      java.util.regex.Pattern.compile("^[A-Za-z_][A-Za-z0-9_.-]*[ \\t]*:(?:[ \\t].*)?$");

  /**
   * The index of the lone {@code ---} that closes front matter whose opening line is missing: the
   * lines from {@code first} down to it are all {@code key: value} lines (or their indented
   * continuations and list items), the first one among them. -1 when the file does not look so.
   */
  private static int closingWithoutOpening(String[] lines, int first) {
    if (first >= lines.length || !KEY_LINE.matcher(lines[first]).matches()) {
      return -1;
    }
    for (int i = first + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().equals("---")) {
        return i;
      }
      boolean continues = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (!line.isBlank() && !continues && !KEY_LINE.matcher(line).matches()) {
        return -1;
      }
    }
    return -1;
  }
}
