package io.github.coursepack.source;

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
      sink.report(
          Diagnostic.error(
              file,
              open + 1,
              "front matter opened here is never closed; add a line '---' after its last key"));
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
}
