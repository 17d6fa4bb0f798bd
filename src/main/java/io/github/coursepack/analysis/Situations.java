package io.github.coursepack.analysis;

import io.github.coursepack.model.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Situations a text describes before it says who acts: a question that is a situation (« Un élève
 * ne trouve pas son manuel ? ») and a leading condition (« Si l'élève ne parvient pas à se
 * connecter, … »). Scenario questions start from them.
 */
final class Situations {

  private static final Pattern FINAL_MARKS = Pattern.compile("\\s*[?.!…]+$");

  /** « Voix off : » before a capital: a speaker's label. */
  private static final Pattern SPEAKER = Pattern.compile("^[\\p{L}’' -]{2,25}\\s:\\s+(?=\\p{Lu})");

  private static final Pattern CONDITION_WORD =
      Pattern.compile("si|s['’]|quand|lorsque|lorsqu['’]");
  private static final Pattern DEMONSTRATIVE_WORD =
      Pattern.compile("ce|cet|cette|ces|cela|ça|celui-ci|celle-ci|qui");

  private Situations() {}

  private static final Set<String> INTERROGATIVES =
      Set.of(
          "qui",
          "que",
          "qu'",
          "qu’",
          "quoi",
          "quel",
          "quelle",
          "quels",
          "quelles",
          "comment",
          "pourquoi",
          "où",
          "quand",
          "combien",
          "lequel",
          "laquelle",
          "lesquels",
          "lesquelles",
          "est-ce");

  /**
   * A question that describes a situation, as a statement would: « Un élève ne trouve pas son
   * manuel dans le médiacentre ? », « Vous cherchez une idée de séquence ? ». It starts with its
   * subject, has no interrogative word and no inverted subject (« En quoi consiste votre mission ?
   * » is a question to someone, not a situation).
   */
  static boolean isSituation(List<Token> tokens) {
    if (tokens.size() < 3) {
      return false;
    }
    if (tokens.stream()
        .anyMatch(
            t ->
                INTERROGATIVES.contains(t.text().toLowerCase(Locale.ROOT))
                    || (t.text().startsWith("-") && t.text().length() > 1))) {
      return false;
    }
    int k = 0;
    // « Voix off : Vous cherchez… »: a speaker's label first.
    int colon = Tokens.find(tokens, ":", 0, Math.min(tokens.size(), 5));
    if (colon > 0) {
      k = colon + 1;
    }
    if (k >= tokens.size()) {
      return false;
    }
    Token first = tokens.get(k);
    boolean subject =
        first.has("D")
            || first.has("R pers suj")
            || (Character.isUpperCase(first.text().charAt(0)) && first.has("Z"));
    if (!subject) {
      return false;
    }
    for (int j = k + 1; j < Math.min(tokens.size(), k + 8); j++) {
      if (tokens.get(j).isFinite() && !tokens.get(j).has("N")) {
        return true;
      }
    }
    return false;
  }

  /** A situation as a sentence of its own: « Un élève ne trouve pas son manuel. » */
  static String situationText(String text) {
    String s = FINAL_MARKS.matcher(text.strip()).replaceAll("").strip();
    // « Voix off : Vous cherchez… »: a speaker's label is not part of the situation.
    s = SPEAKER.matcher(s).replaceFirst("");
    return s.isEmpty() ? s : Texts.capitalise(s) + ".";
  }

  /** The comma that ends a leading condition (« Si …, », « Quand …, »), or -1. */
  static int conditionEnd(List<Token> tokens) {
    return conditionEnd(tokens, 0, tokens.size());
  }

  /** The comma that ends a condition opening the tokens from {@code base}, or -1. */
  static int conditionEnd(List<Token> tokens, int base, int to) {
    if (base >= to) {
      return -1;
    }
    int at = tokens.get(base).textMatches("(?i)et|mais") ? base + 1 : base;
    if (at >= to) {
      return -1;
    }
    String first = tokens.get(at).text().toLowerCase(Locale.ROOT);
    boolean condition =
        CONDITION_WORD.matcher(first).matches()
            || (first.equals("en")
                && to > at + 2
                && tokens.get(at + 1).is("cas")
                && tokens.get(at + 2).textMatches("(?i)de|d['’]"));
    if (!condition) {
      return -1;
    }
    int comma = Tokens.find(tokens, ",", base + 1, to);
    return comma > base + 2 ? comma : -1;
  }

  /** The condition as a situation, if it stands alone (« Si l'élève ne parvient pas à… »). */
  static Optional<String> situationOf(List<Token> tokens, String text, int comma) {
    return situationOf(tokens, text, 0, comma);
  }

  static Optional<String> situationOf(List<Token> tokens, String text, int base, int comma) {
    int at = tokens.get(base).textMatches("(?i)et|mais") ? base + 1 : base;
    int from = tokens.get(at).textMatches("(?i)en") ? at : at + 1;
    if (tokens.get(at).textMatches("(?i)s['’]")) {
      return Optional.empty(); // « S'il est en panne »: « il » needs the sentence before
    }
    for (int k = from; k < comma; k++) {
      String w = tokens.get(k).text().toLowerCase(Locale.ROOT);
      if (Tokens.isSubjectPronoun(tokens.get(k)) || DEMONSTRATIVE_WORD.matcher(w).matches()) {
        return Optional.empty();
      }
    }
    String s = text.substring(tokens.get(from).start(), tokens.get(comma - 1).end());
    if (from == at) {
      return Optional.empty(); // « En cas de panne » is no sentence; left for later
    }
    return Optional.of(situationText(s));
  }
}
