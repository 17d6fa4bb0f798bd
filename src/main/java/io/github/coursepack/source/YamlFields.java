package io.github.coursepack.source;

import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a flat YAML mapping (front matter, {@code course.yaml}) into fields that remember their
 * line. SnakeYAML composes the node tree safely (no object construction, few aliases); values are
 * taken as text.
 *
 * <p>Real front matter is often not strict YAML: French typography puts a space before a colon, and
 * {@code description: Deux services : la DSI} is a YAML syntax error. When strict parsing fails and
 * every line is a plain {@code key: value} line, the text is read line by line instead, with a
 * warning that says how to make it strict. Anything else is an error with its line.
 */
final class YamlFields {

  /** Enough for any real front matter, far below what a hostile file would need to hurt. */
  private static final int MAX_ALIASES = 10;

  private static final int MAX_CODE_POINTS = 1_000_000;

  private static final Pattern PLAIN_LINE =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*:(?:[ \\t]+(.*?))?[ \\t]*$");

  private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]+-[ \\t]+(.*?)[ \\t]*$");

  private YamlFields() {}

  /**
   * Parses {@code yaml}, whose first line is line {@code firstLine} of {@code file}.
   *
   * @return the fields in the order written, or empty when the text cannot be read (an error has
   *     then been reported)
   */
  static Optional<Map<String, YamlField>> parse(
      Path file, String yaml, int firstLine, DiagnosticSink sink) {
    if (yaml.isBlank()) {
      return Optional.of(Map.of());
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? firstLine : firstLine + mark.getLine();
      Optional<Map<String, YamlField>> lenient = parsePlainLines(yaml, firstLine);
      if (lenient.isPresent()) {
        sink.report(
            new Diagnostic(
                file,
                line,
                mark == null ? 0 : mark.getColumn() + 1,
                Severity.WARNING,
                "not valid YAML ("
                    + firstSentence(e.getProblem())
                    + "); read as plain 'key: value'"
                    + " lines. Put the value in quotes to make it valid YAML"));
        return lenient;
      }
      // A construct left open (a quote, a bracket) is best shown where it starts.
      Mark start = e.getContextMark() != null ? e.getContextMark() : mark;
      String what =
          (e.getContext() == null ? "" : e.getContext() + ", ") + firstSentence(e.getProblem());
      sink.report(
          new Diagnostic(
              file,
              start == null ? firstLine : firstLine + start.getLine(),
              start == null ? 0 : start.getColumn() + 1,
              Severity.ERROR,
              "invalid YAML: "
                  + what
                  + "; write one 'key: value' per line, and quote values that contain ': ' or '#'"));
      return Optional.empty();
    } catch (YAMLException e) {
      sink.report(Diagnostic.error(file, firstLine, "invalid YAML: " + e.getMessage()));
      return Optional.empty();
    }
    if (root == null) {
      return Optional.of(Map.of());
    }
    if (!(root instanceof MappingNode mapping)) {
      sink.report(
          Diagnostic.error(
              file,
              firstLine + root.getStartMark().getLine(),
              "expected 'key: value' lines, found a " + describe(root)));
      return Optional.empty();
    }
    Map<String, YamlField> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int line = firstLine + keyNode.getStartMark().getLine();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        sink.report(Diagnostic.warning(file, line, "ignored a key that is not plain text"));
        continue;
      }
      String key = keyScalar.getValue().strip();
      Node value = tuple.getValueNode();
      YamlField field;
      if (value instanceof ScalarNode scalar) {
        String text = Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
        field = new YamlField(key, text, line);
      } else if (value instanceof SequenceNode sequence) {
        List<String> items = new ArrayList<>();
        List<Integer> itemLines = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          if (item instanceof ScalarNode s) {
            items.add(s.getValue());
            itemLines.add(firstLine + s.getStartMark().getLine());
          } else {
            sink.report(
                Diagnostic.warning(
                    file,
                    firstLine + item.getStartMark().getLine(),
                    "ignored a list item of '" + key + "' that is not plain text"));
          }
        }
        field = new YamlField(key, null, items, line, itemLines);
      } else {
        sink.report(
            Diagnostic.warning(
                file,
                line,
                "ignored '" + key + "': its value is a nested mapping, expected text or a list"));
        continue;
      }
      if (fields.containsKey(key)) {
        sink.report(
            Diagnostic.warning(
                file,
                line,
                "'"
                    + key
                    + "' is given twice (first on line "
                    + fields.get(key).line()
                    + "); the last one is used"));
      }
      fields.put(key, field);
    }
    return Optional.of(fields);
  }

  /**
   * The forgiving reading: {@code key: value} lines, indented continuation lines, and indented
   * {@code - item} lines. Refuses anything that YAML would read differently on purpose (quotes that
   * do not close, flow collections, block scalars, anchors, tags).
   */
  static Optional<Map<String, YamlField>> parsePlainLines(String yaml, int firstLine) {
    Map<String, YamlField> fields = new LinkedHashMap<>();
    String key = null;
    StringBuilder text = null;
    List<String> items = new ArrayList<>();
    List<Integer> itemLines = new ArrayList<>();
    int keyLine = 0;
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      Matcher plain = PLAIN_LINE.matcher(line);
      Matcher item = LIST_ITEM.matcher(line);
      if (plain.matches()) {
        if (key != null) {
          fields.put(key, field(key, text, items, itemLines, keyLine));
        }
        key = plain.group(1);
        keyLine = firstLine + i;
        String value = plain.group(2) == null ? "" : plain.group(2);
        if (!isPlainValue(value)) {
          return Optional.empty();
        }
        text = new StringBuilder(unquote(value));
        items = new ArrayList<>();
        itemLines = new ArrayList<>();
      } else if (key != null && item.matches() && text.length() == 0) {
        items.add(unquote(item.group(1)));
        itemLines.add(firstLine + i);
      } else if (key != null && Character.isWhitespace(line.charAt(0)) && items.isEmpty()) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(line.strip());
      } else {
        return Optional.empty();
      }
    }
    if (key != null) {
      fields.put(key, field(key, text, items, itemLines, keyLine));
    }
    return Optional.of(fields);
  }

  private static YamlField field(
      String key, StringBuilder text, List<String> items, List<Integer> itemLines, int line) {
    if (!items.isEmpty()) {
      return new YamlField(key, null, items, line, itemLines);
    }
    return new YamlField(key, text.length() == 0 ? null : text.toString(), line);
  }

  private static boolean isPlainValue(String value) {
    if (value.isEmpty()) {
      return true;
    }
    char first = value.charAt(0);
    if (first == '"' || first == '\'') {
      return value.length() >= 2 && value.charAt(value.length() - 1) == first;
    }
    return "[{|>&*!%@`".indexOf(first) < 0;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }

  private static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "list";
    }
    return "single value";
  }

  private static String firstSentence(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message.strip() : message.substring(0, nl).strip();
  }
}
