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
}
