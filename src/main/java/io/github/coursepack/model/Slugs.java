package io.github.coursepack.model;

import java.text.Normalizer;
import java.util.Locale;

/** File-name-safe names made from titles: lower-case ASCII words joined by hyphens. */
public final class Slugs {

  /** Long enough to tell units apart, short enough for Moodle identifiers and Windows paths. */
  public static final int MAX_LENGTH = 80;

  private Slugs() {}

  /**
   * {@code « Les eRUN, acteurs du numérique ! »} becomes {@code les-erun-acteurs-du-numerique}.
   * Returns an empty string when nothing usable is left (e.g. a title made of punctuation).
   */
  public static String of(String text) {
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("œ", "oe")
            .replace("Œ", "oe")
            .replace("æ", "ae")
            .replace("Æ", "ae")
            .replace("ß", "ss")
            .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean hyphen = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (hyphen && out.length() > 0) {
          out.append('-');
        }
        hyphen = false;
        out.append(c);
      } else {
        hyphen = true;
      }
    }
    return truncate(out.toString());
  }

  /** Cuts at the last hyphen before {@link #MAX_LENGTH}, so that no word is cut in half. */
  private static String truncate(String slug) {
    if (slug.length() <= MAX_LENGTH) {
      return slug;
    }
    int cut = slug.lastIndexOf('-', MAX_LENGTH);
    return cut > MAX_LENGTH / 2 ? slug.substring(0, cut) : slug.substring(0, MAX_LENGTH);
  }
}
