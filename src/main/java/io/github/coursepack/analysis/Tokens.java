package io.github.coursepack.analysis;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the parts of the analysis ask of a sentence's tokens, written once. */
final class Tokens {

  private static final Pattern DETERMINER =
      Pattern.compile(
          "(?i)le|la|les|l['’]|un|une|chaque|tout|toute|tous|son|sa|ses|leur|"
              + "leurs|ce|cet|cette|ces|notre|votre");
  private static final Pattern NE = Pattern.compile("(?i)ne|n['’]");
  private static final Pattern SUBJECT_PRONOUN = Pattern.compile("(?i)il|elle|ils|elles");

  private Tokens() {}

  /** Index of the first token starting at or after {@code offset}, or the list's size. */
  static int tokenAfter(List<Token> tokens, int offset) {
    for (int k = 0; k < tokens.size(); k++) {
      if (tokens.get(k).start() >= offset) {
        return k;
      }
    }
    return tokens.size();
  }

  /** Index of the first token {@code text} in [from, to), or -1. */
  static int find(List<Token> tokens, String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tokens.get(k).is(text)) {
        return k;
      }
    }
    return -1;
  }

  /** Index of the first token that is one of {@code texts} in [from, to), or -1. */
  static int findAny(List<Token> tokens, int from, int to, String... texts) {
    for (int k = from; k < to; k++) {
      for (String t : texts) {
        if (tokens.get(k).is(t)) {
          return k;
        }
      }
    }
    return -1;
  }

  /** « il, elle, ils, elles » as a subject. */
  static boolean isSubjectPronoun(Token t) {
    return SUBJECT_PRONOUN.matcher(t.text()).matches() && t.has("R pers suj");
  }

  /** « ne » or « n' ». */
  static boolean isNe(Token t) {
    return NE.matcher(t.text()).matches();
  }

  static boolean isDeterminer(Token t) {
    return DETERMINER.matcher(t.text()).matches();
  }

  /** A verb form that is third person plural only (« animent », not « anime »). */
  static boolean verbIsPlural(Token verb) {
    return verb.readings().stream()
            .anyMatch(r -> r.pos() != null && r.pos().startsWith("V") && r.pos().endsWith(" 3 p"))
        && verb.readings().stream()
            .noneMatch(r -> r.pos() != null && r.pos().startsWith("V") && r.pos().endsWith(" 3 s"));
  }

  /** Whether a finite verb (not also a noun or an adjective) is in [from, to). */
  static boolean containsVerb(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tokens.get(k).isFiniteThirdPerson()
          && !tokens.get(k).has("N")
          && !tokens.get(k).has("J")) {
        return true;
      }
    }
    return false;
  }

  /** The token's reading as a verb in the third person, whose lemma is its infinitive. */
  static Optional<Token.Reading> thirdPersonVerb(Token t) {
    return t.readings().stream()
        .filter(r -> r.pos() != null && r.pos().startsWith("V") && r.pos().contains(" 3 "))
        .findFirst();
  }

  /** Whether the word starts with a vowel or an h, before which « de » and « se » elide. */
  static boolean startsWithVowelSound(String w) {
    return !w.isEmpty() && "aeiouyàâéèêëîïôûhAEIOUYÀÂÉÈÊËÎÏÔÛH".indexOf(w.charAt(0)) >= 0;
  }

  /** The mention that starts at (or inside) token {@code i}. */
  static Optional<Mention> mentionStartingAt(List<Mention> mentions, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    return mentions.stream()
        .filter(m -> m.start() == t.start() || (m.start() > t.start() && m.start() < t.end()))
        .findFirst();
  }

  /** Whether the token lies inside one of the mentions. */
  static boolean inAnyMention(Token t, List<Mention> mentions) {
    return mentions.stream().anyMatch(m -> m.start() <= t.start() && t.end() <= m.end());
  }
}
