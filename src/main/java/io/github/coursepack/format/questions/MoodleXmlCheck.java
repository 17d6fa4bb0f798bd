package io.github.coursepack.format.questions;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.SafeXml;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Moodle XML question file against what Moodle's importer does with it (FORMATS.md §5.1):
 * strict XML without DTD, a {@code <quiz>} root, a name per question, fractions from Moodle's list
 * (by default one bad fraction cancels the whole import), one right answer for a single-answer
 * multiple choice and positives summing to 100 for a multiple-answer one, at least two answers,
 * {@code true}/{@code false} answers for true/false, an answer for every matching subquestion, a
 * 100 % short answer, and a {@code <file>} for every {@code @@PLUGINFILE@@} reference.
 *
 * <p>Usage: {@code List<PackageFinding> findings = MoodleXmlCheck.check(Path.of("q.xml"));}
 */
public final class MoodleXmlCheck {

  static final long MAX_BYTES = 256L * 1024 * 1024;

  /** {@code question_bank::fraction_options_full}, in percent. */
  static final double[] FRACTIONS = {
    0, 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
    14.28571, 12.5, 11.11111, 10, 5
  };

  static final Set<String> TYPES =
      Set.of(
          "category",
          "multichoice",
          "truefalse",
          "shortanswer",
          "matching",
          "match",
          "numerical",
          "essay",
          "description",
          "cloze",
          "multianswer",
          "calculated",
          "calculatedsimple",
          "calculatedmulti",
          "ddwtos",
          "gapselect",
          "ddimageortext",
          "ddmarker",
          "randomsamatch",
          "ordering");

  private static final Pattern PLUGINFILE = Pattern.compile("@@PLUGINFILE@@/([^\"'\\s)<>?#]+)");

  private final String entry;
  private final List<PackageFinding> findings = new ArrayList<>();

  private MoodleXmlCheck(String entry) {
    this.entry = entry;
  }

  public static List<PackageFinding> check(Path file) {
    MoodleXmlCheck c = new MoodleXmlCheck(file.getFileName().toString());
    try (InputStream in = Files.newInputStream(file)) {
      byte[] xml = in.readNBytes((int) MAX_BYTES + 1);
      if (xml.length > MAX_BYTES) {
        c.error("MOODLEXML-LIMIT", 0, "more than 256 MB: too big to be a question file");
      } else {
        c.run(xml);
      }
    } catch (IOException e) {
      c.error("MOODLEXML-UNREADABLE", 0, "cannot read the file: " + e.getMessage());
    }
    return Collections.unmodifiableList(c.findings);
  }

  private void run(byte[] xml) {
    SafeXml.Element root;
    try {
      root = SafeXml.parse(xml);
    } catch (SafeXml.Malformed e) {
      error("MOODLEXML-XML-MALFORMED", e.line, e.getMessage());
      return;
    }
    if (!root.localName.equals("quiz")) {
      error("MOODLEXML-ROOT", root.line, "the root is <" + root.localName + ">, not <quiz>");
      return;
    }
    int n = 0;
    for (SafeXml.Element q : root.children("question")) {
      String type = q.attr("type") == null ? "" : q.attr("type");
      if (!TYPES.contains(type)) {
        error("MOODLEXML-TYPE", q.line, "unknown question type '" + type + "'");
        continue;
      }
      if (type.equals("category")) {
        if (text(q, "category").isEmpty()) {
          error("MOODLEXML-CATEGORY", q.line, "a category question without <category><text>");
        }
        continue;
      }
      n++;
      if (text(q, "name").isEmpty()) {
        error("MOODLEXML-NAME", q.line, "a question without <name><text>: Moodle stops the import");
      }
      files(q);
      switch (type) {
        case "multichoice" -> multichoice(q);
        case "truefalse" -> truefalse(q);
        case "shortanswer" -> shortanswer(q);
        case "matching", "match" -> matching(q);
        default -> fractions(q);
      }
    }
    if (n == 0) {
      warning("MOODLEXML-EMPTY", root.line, "the file holds no question");
    }
  }

  private static String text(SafeXml.Element e, String child) {
    SafeXml.Element c = e.child(child);
    if (c == null) {
      return "";
    }
    SafeXml.Element t = c.child("text");
    return t == null ? c.text() : t.text();
  }

  /** The fractions of the question's answers, checked against Moodle's list. */
  private List<Double> fractions(SafeXml.Element q) {
    List<Double> out = new ArrayList<>();
    for (SafeXml.Element a : q.children("answer")) {
      String raw = a.attr("fraction") == null ? "0" : a.attr("fraction");
      double f;
      try {
        f = Double.parseDouble(raw.strip());
      } catch (NumberFormatException e) {
        error("MOODLEXML-FRACTION", a.line, "fraction '" + raw + "' is not a number");
        out.add(0.0);
        continue;
      }
      if (!allowed(f)) {
        error(
            "MOODLEXML-FRACTION",
            a.line,
            "fraction "
                + raw
                + " is not one Moodle allows (e.g. 33.33333, not 33.3): with the import's"
                + " defaults the whole file is refused");
      }
      out.add(f);
    }
    return out;
  }

  static boolean allowed(double percent) {
    for (double f : FRACTIONS) {
      if (Math.abs(Math.abs(percent) - f) <= 0.001) {
        return true;
      }
    }
    return false;
  }

  private void multichoice(SafeXml.Element q) {
    List<Double> fractions = fractions(q);
    if (fractions.size() < 2) {
      error(
          "MOODLEXML-ANSWERS",
          q.line,
          "a multiple choice needs at least 2 answers: Moodle stops the import at this question");
      return;
    }
    String single = text(q, "single").toLowerCase(Locale.ROOT);
    boolean isSingle = !(single.equals("false") || single.equals("0"));
    double max = fractions.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double positives = fractions.stream().filter(f -> f > 0).mapToDouble(Double::doubleValue).sum();
    if (isSingle && Math.abs(max - 100) > 0.001) {
      error(
          "MOODLEXML-NO-RIGHT-ANSWER",
          q.line,
          "a single-answer multiple choice without a 100 answer: imported silently, never full"
              + " marks");
    }
    if (!isSingle && Math.abs(positives - 100) > 0.01) {
      error(
          "MOODLEXML-FRACTION-SUM",
          q.line,
          "the right answers of a multiple-answer question sum to "
              + positives
              + ", not 100: imported silently, never full marks");
    }
  }

  private void truefalse(SafeXml.Element q) {
    List<SafeXml.Element> answers = q.children("answer");
    Set<String> texts = new HashSet<>();
    for (SafeXml.Element a : answers) {
      SafeXml.Element t = a.child("text");
      texts.add(t == null ? "" : t.text());
    }
    if (answers.size() != 2 || !texts.equals(Set.of("true", "false"))) {
      error(
          "MOODLEXML-TRUEFALSE",
          q.line,
          "a true/false question needs two answers with the texts 'true' and 'false'");
    }
    fractions(q);
  }

  private void shortanswer(SafeXml.Element q) {
    List<Double> fractions = fractions(q);
    if (fractions.stream().noneMatch(f -> Math.abs(f - 100) < 0.001)) {
      error(
          "MOODLEXML-NO-RIGHT-ANSWER",
          q.line,
          "a short answer without a 100 answer: Moodle stops the import at this question");
    }
  }

  private void matching(SafeXml.Element q) {
    int pairs = 0;
    for (SafeXml.Element s : q.children("subquestion")) {
      SafeXml.Element t = s.child("text");
      String text = t == null ? "" : t.text();
      SafeXml.Element a = s.child("answer");
      String answer = a == null ? "" : text(s, "answer");
      if (!text.isEmpty() && answer.isEmpty()) {
        error(
            "MOODLEXML-MATCH-ANSWER",
            s.line,
            "a matching subquestion without an answer: Moodle imports nothing after it");
      }
      if (!text.isEmpty() && !answer.isEmpty()) {
        pairs++;
      }
    }
    if (pairs < 2) {
      error("MOODLEXML-MATCH-PAIRS", q.line, "a matching question needs at least 2 pairs");
    }
  }

  /** Every {@code @@PLUGINFILE@@/x} in a text needs a {@code <file name="x">} beside it. */
  private void files(SafeXml.Element q) {
    for (SafeXml.Element e : q.all()) {
      if (!e.localName.equals("text")) {
        continue;
      }
      Matcher m = PLUGINFILE.matcher(e.text());
      while (m.find()) {
        String name =
            java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        boolean found = false;
        for (SafeXml.Element f : q.descendants("file")) {
          String path = f.attr("path") == null ? "/" : f.attr("path");
          if ((path + f.attr("name")).equals("/" + name) || name.equals(f.attr("name"))) {
            found = true;
          }
        }
        if (!found) {
          error(
              "MOODLEXML-FILE-MISSING",
              e.line,
              "@@PLUGINFILE@@/"
                  + m.group(1)
                  + " has no <file name=\""
                  + name
                  + "\"> in the question");
        }
      }
    }
  }

  private void error(String rule, int line, String message) {
    findings.add(new PackageFinding(Severity.ERROR, rule, entry, line, message));
  }

  private void warning(String rule, int line, String message) {
    findings.add(new PackageFinding(Severity.WARNING, rule, entry, line, message));
  }
}
