package io.github.coursepack.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text operations shared by reading, analysis and the quiz. */
public final class Texts {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Texts() {}

  /** Lower case without accents ({@code « Académie »} → {@code « academie »}), for comparing. */
  public static String fold(String text) {
    return MARKS
        .matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
        .replaceAll("")
        .toLowerCase(Locale.ROOT);
  }

  /** The text with its first character in upper case, to start a sentence or an option. */
  public static String capitalise(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /**
   * The text with its first character in lower case, to follow a comma: « Au lycée » becomes « au
   * lycée », but a word in capitals (« GAIA », « DSI ») stays as written.
   */
  public static String lowerFirst(String text) {
    if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text;
    }
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
