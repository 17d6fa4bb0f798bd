package io.github.coursepack.source;

import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's errors said for a trainer: what is wrong in front-matter terms, and the fix. A
 * message SnakeYAML may word differently in a later version falls back to its own first sentence
 * with the general advice, never to nothing.
 */
final class YamlMessages {

  /** Where to point and what to say. */
  record Said(Mark where, String message) {}

  private static final String ADVICE =
      "write one 'key: value' per line, and put in quotes a value that contains ': ' or ' #'";

  private YamlMessages() {}

  /**
   * The message for a YAML error in {@code yaml}.
   *
   * @param yaml the text that was parsed, to look at the line the error points to
   */
  static Said of(MarkedYAMLException e, String yaml) {
    String context = lower(e.getContext());
    String problem = lower(e.getProblem());
    Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Mark start = e.getContextMark() != null ? e.getContextMark() : at;
    if (context.contains("quoted scalar") && problem.contains("end of stream")) {
      char quote = charAt(yaml, start);
      return new Said(
          start,
          "the quote "
              + quote
              + " opened here is never closed; end the value with the same straight quote "
              + quote
              + " on this line (not a typographic ” or ’), or remove the quote");
    }
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      char bracket = charAt(yaml, start);
      return new Said(
          start,
          "the '"
              + bracket
              + "' opened here is never closed; close it, or put the value in quotes if the"
              + " bracket is part of the text");
    }
    if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
      return new Said(
          start,
          "this line is not 'key: value': add the ':' after the key, or indent the line to"
              + " continue the value of the key above");
    }
    if (problem.contains("mapping values are not allowed")) {
      String line = lineAt(yaml, at);
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
        return new Said(
            at,
            "this key is indented: front-matter keys start at the beginning of the line; remove"
                + " the spaces before it (or put the value above in quotes if this ': ' is part of"
                + " it)");
      }
      return new Said(
          at,
          "the value contains ': ', which YAML reads as a second key; put the whole value in"
              + " double quotes: key: \"…\"");
    }
    if (problem.contains("cannot start any token")) {
      if (problem.contains("\\t") || problem.contains("tab")) {
        return new Said(
            at, "a tab character: YAML indents with spaces only; replace the tab with spaces");
      }
      return new Said(
          at,
          "a value cannot start with '"
              + charAt(yaml, at)
              + "' in YAML; put the whole value in double quotes: key: \"…\"");
    }
    if (problem.contains("undefined alias")
        || context.contains("alias")
        || context.contains("anchor")) {
      return new Said(
          at,
          "'*' at the start of a value names a YAML alias; put the whole value in double quotes:"
              + " key: \"…\"");
    }
    if (problem.contains("unknown escape character")) {
      return new Said(
          at,
          "a backslash in a double-quoted value starts an escape; write it twice (\\\\) or put the"
              + " value in single quotes");
    }
    if (problem.contains("tag")) {
      return new Said(
          at,
          "'!' at the start of a value is a YAML tag; put the whole value in double quotes:"
              + " key: \"…\"");
    }
    if (problem.contains("expected <block end>")) {
      String line = lineAt(yaml, at);
      if (line.strip().startsWith("'") || line.contains(": '")) {
        return new Said(
            at,
            "text after a value in single quotes: an apostrophe inside it ends it; write the"
                + " apostrophe twice ('L''école'), or use double quotes (\"L'école\")");
      }
      return new Said(
          at,
          "this line does not continue the key above it; start a key at the beginning of the"
              + " line, and indent list items ('- …') under their key");
    }
    return new Said(at, "invalid YAML (" + firstSentence(e.getProblem()) + "); " + ADVICE);
  }

  private static char charAt(String yaml, Mark mark) {
    String line = lineAt(yaml, mark);
    return mark != null && mark.getColumn() < line.length() ? line.charAt(mark.getColumn()) : '?';
  }

  private static String lineAt(String yaml, Mark mark) {
    if (mark == null) {
      return "";
    }
    String[] lines = yaml.split("\n", -1);
    return mark.getLine() < lines.length ? lines[mark.getLine()] : "";
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  static String firstSentence(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message.strip() : message.substring(0, nl).strip();
  }
}
