package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
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
  record Said(Mark where, Message message) {}

  private static final Message ADVICE = Message.of("yaml.advice");

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
      return new Said(start, Message.of("yaml.said.quoteNotClosed", quote));
    }
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      char bracket = charAt(yaml, start);
      return new Said(start, Message.of("yaml.said.bracketNotClosed", bracket));
    }
    if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
      return new Said(start, Message.of("yaml.said.notKeyValue"));
    }
    if (problem.contains("mapping values are not allowed")) {
      String line = lineAt(yaml, at);
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
        return new Said(at, Message.of("yaml.said.indentedKey"));
      }
      return new Said(at, Message.of("yaml.said.colonInValue"));
    }
    if (problem.contains("cannot start any token")) {
      if (problem.contains("\\t") || problem.contains("tab")) {
        return new Said(at, Message.of("yaml.said.tab"));
      }
      return new Said(at, Message.of("yaml.said.badStart", charAt(yaml, at)));
    }
    if (problem.contains("undefined alias")
        || context.contains("alias")
        || context.contains("anchor")) {
      return new Said(at, Message.of("yaml.said.alias"));
    }
    if (problem.contains("unknown escape character")) {
      return new Said(at, Message.of("yaml.said.backslash"));
    }
    if (problem.contains("tag")) {
      return new Said(at, Message.of("yaml.said.tag"));
    }
    if (problem.contains("expected <block end>")) {
      String line = lineAt(yaml, at);
      if (line.strip().startsWith("'") || line.contains(": '")) {
        return new Said(at, Message.of("yaml.said.apostrophe"));
      }
      return new Said(at, Message.of("yaml.said.notContinued"));
    }
    return new Said(at, Message.of("yaml.said.invalid", firstSentence(e.getProblem()), ADVICE));
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
