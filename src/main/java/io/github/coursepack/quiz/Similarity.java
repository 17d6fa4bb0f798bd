package io.github.coursepack.quiz;

import io.github.coursepack.model.Texts;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether two verb phrases say much the same thing: the share of content words (accents, case and
 * small words ignored) that the shorter one has in common with the other. Used to keep an option
 * that the text also credits to someone else out of a question.
 */
final class Similarity {

  private static final java.util.regex.Pattern NOT_ALPHANUMERIC =
      java.util.regex.Pattern.compile("[^a-z0-9]+");

  private static final Set<String> SMALL_WORDS =
      Set.of(
          "les",
          "des",
          "une",
          "aux",
          "dans",
          "sur",
          "pour",
          "par",
          "avec",
          "qui",
          "que",
          "son",
          "ses",
          "leur",
          "leurs",
          "est",
          "sont",
          "ont",
          "aussi",
          "plus",
          "pas",
          "entre",
          "chaque",
          "tout",
          "tous",
          "cette",
          "ces",
          "mais",
          "comme",
          "sans",
          "sous",
          "vers",
          "chez",
          "ainsi",
          "peut",
          "doit",
          "fait",
          "faire",
          "etre",
          "avoir",
          "lui",
          "elle",
          "ils",
          "elles",
          "notamment");

  /** At least half of the shorter phrase's content words are in the other. */
  static final double THRESHOLD = 0.5;

  private Similarity() {}

  /** How many content words make the head of a verb phrase: its verb and what it acts on. */
  static final int HEAD = 4;

  /**
   * Similar when half the content words are shared, or half of the first {@link #HEAD}: « apporte
   * aides et conseils à l'IEN … » and « peut être amenée à apporter une aide … à l'IEN … » differ
   * in their long tails but not in what they say first.
   */
  static boolean similar(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    long shared = x.stream().filter(y::contains).count();
    if (shared >= THRESHOLD * Math.min(x.size(), y.size())) {
      return true;
    }
    Set<String> hx = head(a);
    Set<String> hy = head(b);
    long headShared = hx.stream().filter(hy::contains).count();
    return headShared >= THRESHOLD * Math.min(hx.size(), hy.size()) && headShared >= 2;
  }

  private static final Map<String, Set<String>> HEADS = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> WORDS = new ConcurrentHashMap<>();

  /** The first {@link #HEAD} content words, in text order. */
  static Set<String> head(String s) {
    return HEADS.computeIfAbsent(
        s, k -> contentWords(k).limit(HEAD).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** Every content word, stemmed. */
  static Set<String> words(String s) {
    return WORDS.computeIfAbsent(s, k -> contentWords(k).collect(Collectors.toSet()));
  }

  /** The words of three letters or more, accents and case folded, small words out, stemmed. */
  private static Stream<String> contentWords(String s) {
    return Arrays.stream(NOT_ALPHANUMERIC.split(Texts.fold(s)))
        .filter(w -> w.length() >= 3 && !SMALL_WORDS.contains(w))
        .map(Similarity::stem);
  }

  /** A crude French stem: plural and feminine endings off, so « anime » meets « animer ». */
  private static String stem(String w) {
    String s = w;
    for (String end :
        new String[] {
          "ements", "ement", "ations", "ation", "ees", "ee", "es", "er", "ez", "ent", "e", "s"
        }) {
      if (s.length() > end.length() + 3 && s.endsWith(end)) {
        return s.substring(0, s.length() - end.length());
      }
    }
    return s;
  }
}
