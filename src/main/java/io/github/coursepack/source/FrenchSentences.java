package io.github.coursepack.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits French text into sentences.
 *
 * <p>A sentence ends at {@code .}, {@code !}, {@code ?}, {@code …} or {@code ...} (and clusters
 * such as {@code ?!}), followed by closing quotes or brackets, then a space and the start of a new
 * sentence: a capital, a digit, an opening quote or dash, or a word such as {@code eRUN} that has a
 * capital inside. French spacing before {@code ? !} is fine. It does not end:
 *
 * <ul>
 *   <li>inside guillemets « … » or “ … ”: quoted speech stays one sentence with its quote;
 *   <li>after a known abbreviation ({@code M.}, {@code Mme}, {@code cf.}, {@code p.}, {@code ex.}…)
 *       or a single capital initial ({@code J. Martin});
 *   <li>after a list number at the very start ({@code 1. Développer…}).
 * </ul>
 *
 * <p>Dots with no space after them (URLs, {@code apps.education.fr}, {@code 3.5}) never split.
 */
final class FrenchSentences {

  /** Words that end with a dot without ending a sentence (compared without the dot). */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "cf",
          "p", "pp", "ex", "env", "av", "apr", "vol", "chap", "fig", "éd", "coll", "dir", "art",
          "al", "cie", "ets", "tél", "hab", "réf", "resp", "sq", "suiv", "op", "cit", "ibid", "max",
          "min", "approx", "n°", "no", "nb", "c.-à-d", "c-à-d", "i.e", "e.g", "vs");

  private FrenchSentences() {}

  /**
   * The most words a sentence may have. Automatic subtitles often have no full stop at all, and the
   * analysis costs more than linear time in a sentence's length: a longer "sentence" is cut into
   * pieces of {@link #CUT_FROM} to {@code MAX_WORDS} words, before a word that usually starts a
   * clause when there is one (the last piece may be shorter). A written French sentence rarely
   * reaches 100 words.
   */
  static final int MAX_WORDS = 100;

  /** Where a cut may start: pieces are at least this long. */
  static final int CUT_FROM = 60;

  /** Words before which a run-on text is best cut: they usually start a clause. */
  private static final Set<String> CLAUSE_STARTS =
      Set.of(
          "et",
          "mais",
          "donc",
          "alors",
          "puis",
          "ensuite",
          "car",
          "or",
          "ainsi",
          "enfin",
          "parce",
          "quand",
          "lorsque",
          "lorsqu",
          "aujourd",
          "maintenant",
          "d'abord",
          "après",
          "c'est",
          "il",
          "elle",
          "ils",
          "elles",
          "on",
          "nous",
          "vous",
          "je");

  /**
   * The sentences of {@code text} as {@code [start, end, cut)} ranges, blank ones left out: {@code
   * cut} is 1 when the range is a piece of a run-on sentence of more than {@link #MAX_WORDS} words.
   */
  static List<int[]> split(String text) {
    List<int[]> out = new ArrayList<>();
    for (int[] r : splitAtFullStops(text)) {
      cap(text, r[0], r[1], out);
    }
    return out;
  }

  /** Adds the range, or its pieces when it has more than {@link #MAX_WORDS} words. */
  private static void cap(String text, int start, int end, List<int[]> out) {
    List<int[]> words = new ArrayList<>();
    int i = start;
    while (i < end) {
      while (i < end && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int w = i;
      while (i < end && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (w < i) {
        words.add(new int[] {w, i});
      }
    }
    if (words.size() <= MAX_WORDS) {
      out.add(new int[] {start, end, 0});
      return;
    }
    int from = 0;
    while (words.size() - from > MAX_WORDS) {
      int cut = from + MAX_WORDS;
      for (int k = from + CUT_FROM; k < from + MAX_WORDS; k++) {
        String word = text.substring(words.get(k)[0], words.get(k)[1]).toLowerCase(Locale.ROOT);
        int apostrophe = Math.max(word.indexOf('\''), word.indexOf('’'));
        String head = apostrophe > 0 ? word.substring(0, apostrophe) : word;
        if (CLAUSE_STARTS.contains(word) || CLAUSE_STARTS.contains(head)) {
          cut = k;
          break;
        }
      }
      out.add(new int[] {words.get(from)[0], words.get(cut - 1)[1], 1});
      from = cut;
    }
    out.add(new int[] {words.get(from)[0], end, 1});
  }

  /** The sentences of {@code text} as {@code [start, end)} ranges, cut at full stops only. */
  private static List<int[]> splitAtFullStops(String text) {
    List<int[]> ranges = new ArrayList<>();
    int start = skipSpace(text, 0);
    int depth = 0;
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '«' || c == '“') {
        depth++;
      } else if ((c == '»' || c == '”') && depth > 0) {
        depth--;
      }
      if (isTerminal(c)) {
        int end = i + 1;
        while (end < text.length() && isTerminal(text.charAt(end))) {
          end++;
        }
        // Closing quotes and brackets belong to the sentence they close: « … . » or (… !)
        int closeAt = end;
        int innerDepth = depth;
        while (true) {
          int k = closeAt;
          while (k < text.length() && isInlineSpace(text.charAt(k))) {
            k++;
          }
          if (k < text.length() && isCloser(text.charAt(k))) {
            char q = text.charAt(k);
            if ((q == '»' || q == '”')) {
              if (innerDepth == 0) {
                break;
              }
              innerDepth--;
            }
            closeAt = k + 1;
          } else {
            break;
          }
        }
        if (innerDepth == 0 && isBoundary(text, start, i, closeAt)) {
          ranges.add(new int[] {start, closeAt});
          start = skipSpace(text, closeAt);
          depth = 0;
          i = start;
          continue;
        }
        if (innerDepth != depth && innerDepth == 0) {
          depth = 0;
        }
        i = Math.max(end, closeAt);
        continue;
      }
      i++;
    }
    int end = trimEnd(text, text.length());
    if (start < end) {
      ranges.add(new int[] {start, end});
    }
    return ranges;
  }

  /** Convenience for tests and callers that want the strings. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (int[] r : split(text)) {
      out.add(text.substring(r[0], r[1]));
    }
    return out;
  }

  private static boolean isBoundary(String text, int sentenceStart, int punct, int after) {
    if (after >= text.length() || text.substring(after).isBlank()) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(after))) {
      return false;
    }
    int next = skipSpace(text, after);
    if (!startsSentence(text, next)) {
      return false;
    }
    if (text.charAt(punct) == '.'
        && (punct + 1 >= text.length() || text.charAt(punct + 1) != '.')
        && (punct == 0 || text.charAt(punct - 1) != '.')) {
      String word = wordBefore(text, punct);
      String lower = word.toLowerCase(Locale.ROOT);
      if (ABBREVIATIONS.contains(lower)) {
        return false;
      }
      if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
        return false;
      }
      if (!word.isEmpty()
          && word.chars().allMatch(Character::isDigit)
          && word.length() <= 3
          && onlySymbolsBefore(text, sentenceStart, punct - word.length())) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsSentence(String text, int i) {
    if (i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    if (Character.isUpperCase(c) || Character.isDigit(c) || Character.isTitleCase(c)) {
      return true;
    }
    if ("«“\"'‘([—–-•▶►".indexOf(c) >= 0) {
      return true;
    }
    if (Character.isLowerCase(c)) {
      // eRUN, iPad, e-Inclusion: a word with a capital inside is a name, and may start a sentence.
      for (int k = i + 1; k < text.length() && Character.isLetter(text.charAt(k)); k++) {
        if (Character.isUpperCase(text.charAt(k))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String wordBefore(String text, int punct) {
    int k = punct;
    while (k > 0) {
      char c = text.charAt(k - 1);
      if (Character.isLetterOrDigit(c) || c == '°' || c == '-' || c == '.') {
        k--;
      } else {
        break;
      }
    }
    return text.substring(k, punct);
  }

  private static boolean onlySymbolsBefore(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.isLetterOrDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTerminal(char c) {
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  private static boolean isCloser(char c) {
    return c == '»' || c == '”' || c == '"' || c == '’' || c == ')' || c == ']';
  }

  private static boolean isInlineSpace(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\t';
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))
        || i < text.length() && isInlineSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int trimEnd(String text, int end) {
    while (end > 0
        && (Character.isWhitespace(text.charAt(end - 1)) || isInlineSpace(text.charAt(end - 1)))) {
      end--;
    }
    return end;
  }
}
