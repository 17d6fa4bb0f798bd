package io.github.coursepack.format.questions;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a GIFT file the way Moodle's importer reads it (FORMATS.md §5.2): valid UTF-8, questions
 * split on blank lines (a line holding only {@code 0} counts as blank), {@code //} lines dropped,
 * escapes swapped out before the answer block is found between the first {@code {} and the first
 * {@code }}; then per type: two answers or more for a multiple choice, weights from Moodle's list
 * (positives summing to 100 without {@code =}), upper-case {@code T}/{@code F}, a 100 % short
 * answer, and two pairs or more for matching.
 *
 * <p>Usage: {@code List<PackageFinding> findings = GiftCheck.check(Path.of("q.gift"));}
 */
public final class GiftCheck {

  static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final Pattern WEIGHT = Pattern.compile("^%(-?[0-9]{1,3}(?:\\.[0-9]*)?)%");
  private static final String[][] ESCAPES = {
    {"\\\\", "\u0001"},
    {"\\~", "\u0002"},
    {"\\=", "\u0003"},
    {"\\#", "\u0004"},
    {"\\{", "\u0005"},
    {"\\}", "\u0006"},
    {"\\:", "\u0007"},
  };

  private final String entry;
  private final List<PackageFinding> findings = new ArrayList<>();

  /** Bad weights already reported, by question line, so that each is reported once. */
  private final java.util.Set<String> reported = new java.util.HashSet<>();

  private GiftCheck(String entry) {
    this.entry = entry;
  }

  public static List<PackageFinding> check(Path file) {
    GiftCheck c = new GiftCheck(file.getFileName().toString());
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        c.error("GIFT-LIMIT", 0, "more than 64 MB: too big to be a question file");
      } else {
        c.run(bytes);
      }
    } catch (IOException e) {
      c.error("GIFT-UNREADABLE", 0, "cannot read the file: " + e.getMessage());
    }
    return Collections.unmodifiableList(c.findings);
  }

  private void run(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      error("GIFT-ENCODING", 0, "not valid UTF-8: Moodle refuses the whole file");
      return;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    StringBuilder block = new StringBuilder();
    int start = 0;
    int questions = 0;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.equals("0")) {
        if (block.length() > 0) {
          questions += question(block.toString(), start) ? 1 : 0;
          block.setLength(0);
        }
        continue;
      }
      if (trimmed.startsWith("//")) {
        continue;
      }
      if (block.length() == 0) {
        start = i + 1;
      }
      block.append(line).append('\n');
    }
    if (questions == 0) {
      warning("GIFT-EMPTY", 0, "the file holds no question");
    }
  }

  /** The text with its escapes put back, for a message. */
  private static String restore(String text) {
    String out = text;
    for (String[] e : ESCAPES) {
      out = out.replace(e[1], e[0]);
    }
    return out;
  }

  /** Checks one block; returns whether it is a question (not a category). */
  private boolean question(String raw, int line) {
    String q = raw.strip();
    if (q.startsWith("$CATEGORY:")) {
      return false;
    }
    for (String[] e : ESCAPES) {
      q = q.replace(e[0], e[1]);
    }
    int open = q.indexOf('{');
    int close = q.indexOf('}');
    if (open < 0 && close < 0) {
      return true; // a description
    }
    if (open < 0 || close < 0 || close < open) {
      error(
          "GIFT-BRACES",
          line,
          "the answer block has no matching { and }: Moodle refuses this question"
              + " (escape a literal brace as \\{ or \\})");
      return true;
    }
    if (q.indexOf('{', open + 1) >= 0) {
      // Moodle takes the text between the first « { » and the first « } » for the answers: a
      // brace of the question text that is not escaped makes it read the wrong block.
      error(
          "GIFT-UNESCAPED-BRACE",
          line,
          "more than one '{' in this question: Moodle reads '"
              + restore(q.substring(open, close + 1))
              + "' as its answers; escape the braces of the question text as \\{ and \\}");
      return true;
    }
    String answers = q.substring(open + 1, close);
    int general = answers.indexOf("####");
    if (general >= 0) {
      answers = answers.substring(0, general);
    }
    String a = answers.strip();
    if (a.startsWith("#")) {
      return true; // numerical
    }
    if (a.contains("~")) {
      multichoice(a, line);
    } else if (a.contains("->")) {
      matching(a, line);
    } else if (a.isEmpty()) {
      return true; // essay
    } else {
      String tf = a.split("#", 2)[0].strip();
      if (tf.equals("T") || tf.equals("TRUE") || tf.equals("F") || tf.equals("FALSE")) {
        return true;
      }
      if (tf.equalsIgnoreCase("true") || tf.equalsIgnoreCase("false")) {
        warning(
            "GIFT-TRUEFALSE-CASE",
            line,
            "'" + tf + "' in lower case makes a short-answer question; write T or F");
        return true;
      }
      shortanswer(a, line);
    }
    return true;
  }

  private List<String> split(String answers) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[=~][^=~]*").matcher(answers);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The weight of an answer, in percent: its {@code %n%} or 100 for {@code =}, 0 for {@code ~}. */
  private double weight(String answer, int line) {
    String body = answer.substring(1).strip();
    Matcher m = WEIGHT.matcher(body);
    if (m.find()) {
      double w = Double.parseDouble(m.group(1));
      if (!MoodleXmlCheck.allowed(w) && reported.add(line + "%" + m.group(1))) {
        error(
            "GIFT-WEIGHT",
            line,
            "weight %" + m.group(1) + "% is not one Moodle allows (e.g. 33.33333, not 33.3)");
      }
      return w;
    }
    return answer.charAt(0) == '=' ? 100 : 0;
  }

  private void multichoice(String answers, int line) {
    List<String> list = split(answers);
    if (list.size() < 2) {
      error("GIFT-ANSWERS", line, "a multiple choice needs at least 2 answers");
      return;
    }
    boolean single = answers.contains("=");
    double positives = 0;
    for (String a : list) {
      double w = weight(a, line);
      if (w > 0) {
        positives += w;
      }
    }
    if (!single && Math.abs(positives - 100) > 0.01) {
      error(
          "GIFT-WEIGHT-SUM",
          line,
          "the right answers of a multiple-answer question weigh "
              + String.format(java.util.Locale.ROOT, "%.2f", positives)
              + " %, not 100 %: it can never give full marks");
    }
  }

  private void matching(String answers, int line) {
    int pairs = 0;
    for (String a : split(answers)) {
      if (!a.contains("->")) {
        error("GIFT-MATCH-PAIR", line, "a matching answer without '->': « " + shown(a) + " »");
      } else if (!a.substring(1, a.indexOf("->")).isBlank()) {
        pairs++;
      }
    }
    if (pairs < 2) {
      error("GIFT-MATCH-PAIRS", line, "a matching question needs at least 2 pairs");
    }
  }

  private void shortanswer(String answers, int line) {
    List<String> list = split(answers);
    boolean full = false;
    for (String a : list) {
      if (Math.abs(weight(a, line) - 100) < 0.001) {
        full = true;
      }
    }
    if (!full) {
      error(
          "GIFT-NO-RIGHT-ANSWER",
          line,
          "a short answer without a 100 % answer: Moodle stops the import at this question");
    }
  }

  private static String shown(String text) {
    String s = text.replace("\u0001", "\\\\");
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private void error(String rule, int line, String message) {
    findings.add(new PackageFinding(Severity.ERROR, rule, entry, line, message));
  }

  private void warning(String rule, int line, String message) {
    findings.add(new PackageFinding(Severity.WARNING, rule, entry, line, message));
  }
}
