package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
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

  /** Front matter is flat; a deep one is a mistake or an attack, refused at this depth. */
  static final int MAX_NESTING = 64;

  /**
   * SnakeYAML's limits for a file the trainer writes (front matter, the identity file): few
   * aliases, a bounded size, no recursive keys, no deep nesting.
   */
  static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    options.setNestingDepthLimit(MAX_NESTING);
    return options;
  }

  /**
   * A value between typographic quotes, as word processors and smart-quote editors type them:
   * {@code title: “Le CPD”} or {@code title: "Le CPD”}. Group 1 is everything before the value.
   */
  private static final Pattern QUOTED_VALUE =
      Pattern.compile(
          "^(\\s*(?:-[ \\t]+)?(?:[A-Za-z_][A-Za-z0-9_.-]*[ \\t]*:[ \\t]+)?)(\\S.*?)[ \\t]*$");

  private static final String DOUBLE_OPEN = "\"“”„";
  private static final String DOUBLE_CLOSE = "\"”“";
  private static final String SINGLE_OPEN = "'‘";
  private static final String SINGLE_CLOSE = "'’";

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
    LoaderOptions options = loaderOptions();
    String straight = straightenQuotes(file, yaml, firstLine, sink);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(straight));
    } catch (MarkedYAMLException e) {
      YamlMessages.Said said = YamlMessages.of(e, straight);
      Mark where = said.where();
      int line = where == null ? firstLine : firstLine + where.getLine();
      int column = where == null ? 0 : where.getColumn() + 1;
      Optional<Map<String, YamlField>> lenient = parsePlainLines(straight, firstLine);
      if (lenient.isPresent()) {
        sink.report(
            new Diagnostic(
                file,
                line,
                column,
                Severity.WARNING,
                Message.of("yaml.readAsPlainLines", said.message())));
        return lenient;
      }
      sink.report(new Diagnostic(file, line, column, Severity.ERROR, said.message()));
      return Optional.empty();
    } catch (YAMLException e) {
      // Limits (nesting, aliases, size) come without a position.
      String message = YamlMessages.firstSentence(e.getMessage());
      if (message.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
        sink.report(
            Diagnostic.error(
                file, firstLine + deepLine(straight), Message.of("yaml.tooDeep", MAX_NESTING)));
      } else if (message.toLowerCase(java.util.Locale.ROOT).contains("aliases")) {
        sink.report(
            Diagnostic.error(file, firstLine, Message.of("yaml.tooManyAliases", MAX_ALIASES)));
      } else {
        sink.report(Diagnostic.error(file, firstLine, Message.of("yaml.invalid", message)));
      }
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
              Message.of("yaml.notMapping", describe(root))));
      return Optional.empty();
    }
    Map<String, YamlField> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int line = firstLine + keyNode.getStartMark().getLine();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        sink.report(Diagnostic.warning(file, line, Message.of("yaml.keyNotText")));
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
                    Message.of("yaml.listItemNotText", key)));
          }
        }
        field = new YamlField(key, null, items, line, itemLines);
      } else {
        sink.report(Diagnostic.warning(file, line, Message.of("yaml.nestedMapping", key)));
        continue;
      }
      if (fields.containsKey(key)) {
        sink.report(
            Diagnostic.warning(
                file, line, Message.of("yaml.keyTwice", key, fields.get(key).line())));
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

  /**
   * The text with typographic quotes around a value turned into straight ones, each with a warning
   * at the opening quote: YAML knows only straight quotes, and « "Titre” » would otherwise be an
   * unclosed quote (or « “Titre” » a title printed with its quotes). Each quote is one character,
   * so columns do not move.
   */
  static String straightenQuotes(Path file, String yaml, int firstLine, DiagnosticSink sink) {
    String[] lines = yaml.split("\n", -1);
    boolean changed = false;
    for (int i = 0; i < lines.length; i++) {
      Matcher m = QUOTED_VALUE.matcher(lines[i]);
      if (!m.matches() || m.group(2).length() < 2) {
        continue;
      }
      String value = m.group(2);
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      String inner = value.substring(1, value.length() - 1);
      char straight;
      if (DOUBLE_OPEN.indexOf(first) >= 0 && DOUBLE_CLOSE.indexOf(last) >= 0) {
        straight = '"';
      } else if (SINGLE_OPEN.indexOf(first) >= 0 && SINGLE_CLOSE.indexOf(last) >= 0) {
        straight = '\'';
      } else {
        continue;
      }
      if ((first == straight && last == straight)
          || inner.indexOf(straight) >= 0
          || inner.indexOf('\\') >= 0) {
        continue;
      }
      int column = m.group(1).length();
      lines[i] = m.group(1) + straight + inner + straight + lines[i].substring(m.end(2));
      changed = true;
      sink.report(
          new Diagnostic(
              file,
              firstLine + i,
              column + 1,
              Severity.WARNING,
              Message.of("yaml.typographicQuotes", first, last, straight)));
    }
    return changed ? String.join("\n", lines) : yaml;
  }

  /**
   * The 0-based line where brackets, list dashes and indentation first nest deeper than {@link
   * #MAX_NESTING}, for a message SnakeYAML gives without a position; 0 when not found.
   */
  static int deepLine(String yaml) {
    String[] lines = yaml.split("\n", -1);
    java.util.ArrayDeque<Integer> indents = new java.util.ArrayDeque<>();
    int flow = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      while (!indents.isEmpty() && indents.peek() >= indent) {
        indents.pop();
      }
      indents.push(indent);
      int dashes = 0;
      String rest = line.stripLeading();
      while (rest.startsWith("- ")) {
        dashes++;
        rest = rest.substring(2).stripLeading();
      }
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '[' || ch == '{') {
          flow++;
        } else if (ch == ']' || ch == '}') {
          flow--;
        }
        if (indents.size() + dashes + flow > MAX_NESTING) {
          return i;
        }
      }
    }
    return 0;
  }

  private static Message describe(Node node) {
    if (node instanceof SequenceNode) {
      return Message.of("yaml.found.list");
    }
    return Message.of("yaml.found.singleValue");
  }
}
