package io.github.coursepack.analysis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A word of a sentence with its possible French readings (lemma and LanguageTool part-of-speech
 * tag, such as {@code V ind pres 3 s} or {@code D f s}).
 *
 * @param text the word as written
 * @param start offset of its first character in the sentence
 * @param end offset after its last character
 * @param readings every reading the tagger gives, after disambiguation
 */
public record Token(String text, int start, int end, List<Reading> readings) {

  private static final Pattern FINITE_3 =
      Pattern.compile("V( etre| avoir)? (ind|cond|sub) \\S+ 3 [sp]");

  private static final Pattern FINITE =
      Pattern.compile("V( etre| avoir)? (ind|cond|sub) \\S+ [123] [sp]");

  private static final Pattern FINITE_1S =
      Pattern.compile("V( etre| avoir)? (ind|cond|sub) \\S+ 1 s");

  private static final Pattern PAST_PARTICIPLE = Pattern.compile("V( etre| avoir)? ppa .*");

  private static final Pattern INFINITIVE = Pattern.compile("V( etre| avoir)? inf");

  private static final Pattern PRESENT_3 = Pattern.compile("V( etre| avoir)? ind pres 3 [sp]");

  /** One reading of a word. */
  public record Reading(String lemma, String pos) {}

  public Token {
    readings = List.copyOf(readings);
  }

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  /**
   * Whether the whole word matches {@code regex}, as {@link String#matches} but with the pattern
   * compiled once: the analysis asks this of every word many times over.
   */
  public boolean textMatches(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(text).matches();
  }

  /**
   * Whether some reading's tag starts with {@code prefix} ("V ind pres 3", "D f", "R pers suj").
   */
  public boolean has(String prefix) {
    return readings.stream().anyMatch(r -> r.pos() != null && r.pos().startsWith(prefix));
  }

  /** The first reading whose tag starts with {@code prefix}. */
  public java.util.Optional<Reading> reading(String prefix) {
    return readings.stream().filter(r -> r.pos() != null && r.pos().startsWith(prefix)).findFirst();
  }

  /** A finite verb in the third person: indicative, conditional or subjunctive. */
  public boolean isFiniteThirdPerson() {
    return readings.stream()
        .anyMatch(
            r -> r.pos() != null && r.pos().startsWith("V") && FINITE_3.matcher(r.pos()).matches());
  }

  /** A finite verb in any person: indicative, conditional or subjunctive. */
  public boolean isFinite() {
    return readings.stream()
        .anyMatch(
            r -> r.pos() != null && r.pos().startsWith("V") && FINITE.matcher(r.pos()).matches());
  }

  /** A finite verb in the first person singular (« je contrôle », « je suis »). */
  public boolean isFirstPersonSingular() {
    return readings.stream()
        .anyMatch(
            r ->
                r.pos() != null && r.pos().startsWith("V") && FINITE_1S.matcher(r.pos()).matches());
  }

  /** A past participle (« conçu », « validée »). */
  public boolean isPastParticiple() {
    return readings.stream()
        .anyMatch(r -> r.pos() != null && PAST_PARTICIPLE.matcher(r.pos()).matches());
  }

  /** An infinitive (« prévenir », « être »). */
  public boolean isInfinitive() {
    return readings.stream()
        .anyMatch(r -> r.pos() != null && INFINITIVE.matcher(r.pos()).matches());
  }

  /** The lemma of the token's first verb reading, or empty. */
  public String verbLemma() {
    return readings.stream()
        .filter(r -> r.pos() != null && r.pos().startsWith("V"))
        .map(Reading::lemma)
        .findFirst()
        .orElse("");
  }

  /** Whether some verb reading has one of these lemmas (« faut » is falloir and faillir). */
  public boolean hasVerbLemma(java.util.Collection<String> lemmas) {
    return readings.stream()
        .anyMatch(r -> r.pos() != null && r.pos().startsWith("V") && lemmas.contains(r.lemma()));
  }

  /** A present-tense indicative verb in the third person. */
  public boolean isPresentThirdPerson() {
    return readings.stream().anyMatch(r -> r.pos() != null && PRESENT_3.matcher(r.pos()).matches());
  }

  public boolean is(String word) {
    return text.equalsIgnoreCase(word);
  }

  /** Punctuation: a comma, colon, parenthesis… */
  public boolean isPunctuation() {
    return text.length() == 1 && !Character.isLetterOrDigit(text.charAt(0));
  }
}
