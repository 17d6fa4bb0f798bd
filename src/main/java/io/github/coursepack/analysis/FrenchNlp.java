package io.github.coursepack.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.synthesis.Synthesizer;

/**
 * French tagging, conjugation and grammar checking with LanguageTool, offline. Starting it takes
 * seconds (dictionaries and rules), so a build makes one, only when some unit needs analysing, and
 * uses it from one thread.
 */
public final class FrenchNlp {

  /**
   * Rule categories checked on generated questions. Typography and style are left out: they flag
   * spaces before « ? » and word choices that are the source text's own.
   */
  private static final Set<String> CHECKED_CATEGORIES =
      Set.of(
          "GRAMMAR",
          "AGREEMENT",
          "CAT_ACCORD",
          "CONFUSED_WORDS",
          "CAT_GRAMMAIRE",
          "CAT_HOMONYMES_PARONYMES",
          "CAT_VERBES",
          "CAT_ELISION",
          "MISC");

  private final JLanguageTool tool;
  private final Synthesizer synthesizer;

  private FrenchNlp() {
    Language french = Languages.getLanguageForShortCode("fr");
    this.tool = new JLanguageTool(french);
    this.synthesizer = french.getSynthesizer();
    for (Rule rule : tool.getAllRules()) {
      String category = rule.getCategory() == null ? "" : rule.getCategory().getId().toString();
      if (!CHECKED_CATEGORIES.contains(category) || rule.isDictionaryBasedSpellingRule()) {
        tool.disableRule(rule.getId());
      }
    }
  }

  /** A supplier that starts LanguageTool the first time it is asked, and never again. */
  public static java.util.function.Supplier<FrenchNlp> lazily() {
    return new java.util.function.Supplier<>() {
      private FrenchNlp nlp;

      @Override
      public synchronized FrenchNlp get() {
        if (nlp == null) {
          nlp = start();
        }
        return nlp;
      }
    };
  }

  /** Starts LanguageTool; seconds of work, to be done once. */
  public static FrenchNlp start() {
    return new FrenchNlp();
  }

  /**
   * Sentences already tagged in this run. Tagging is most of the analysis, and the same sentence is
   * read again: a unit rebuilt under another title, a rewritten clause, a course's shared credits.
   */
  private final Map<String, List<Token>> tagged = new ConcurrentHashMap<>();

  /** The words of one sentence with their readings. */
  public List<Token> tokens(String sentence) {
    List<Token> known = tagged.get(sentence);
    if (known != null) {
      return known;
    }
    List<Token> tokens = List.copyOf(tag(sentence));
    tagged.putIfAbsent(sentence, tokens);
    return tokens;
  }

  private List<Token> tag(String sentence) {
    AnalyzedSentence analysed;
    try {
      analysed = tool.getAnalyzedSentence(sentence);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Token> out = new ArrayList<>();
    for (AnalyzedTokenReadings r : analysed.getTokensWithoutWhitespace()) {
      if (r.isSentenceStart() || r.getToken().isEmpty()) {
        continue;
      }
      List<Token.Reading> readings = new ArrayList<>();
      for (AnalyzedToken t : r.getReadings()) {
        if (t.getPOSTag() != null
            && !t.getPOSTag().startsWith("_")
            && !t.getPOSTag().equals("SENT_END")) {
          readings.add(new Token.Reading(t.getLemma(), t.getPOSTag()));
        }
      }
      out.add(new Token(r.getToken(), r.getStartPos(), r.getEndPos(), readings));
    }
    return out;
  }

  private final Map<String, List<Token.Reading>> verbReadings = new ConcurrentHashMap<>();

  /**
   * The readings of {@code word} as a verb after « il », for a word the tagger read as a noun in
   * its sentence (« La commune finance l'équipement… » is tagged « the common finance »).
   */
  public List<Token.Reading> asVerb(String word) {
    return verbReadings.computeIfAbsent(
        word,
        w -> {
          // Cached by word above, so the probe sentence stays out of the sentence cache.
          List<Token> t = tag("il " + w.toLowerCase(java.util.Locale.ROOT) + " .");
          if (t.size() < 2) {
            return List.of();
          }
          return t.get(1).readings().stream()
              .filter(r -> r.pos() != null && r.pos().startsWith("V"))
              .toList();
        });
  }

  /**
   * The form of {@code lemma} with tag {@code pos}, e.g. ("avoir", "V avoir ind pres 3 s") gives
   * "a".
   */
  public Optional<String> inflect(String word, String lemma, String fromPos, String toPos) {
    try {
      String[] forms = synthesizer.synthesize(new AnalyzedToken(word, fromPos, lemma), toPos);
      return forms == null || forms.length == 0 ? Optional.empty() : Optional.of(forms[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Grammar problems LanguageTool finds in {@code text}, as messages; empty when none. */
  public List<String> grammarProblems(String text) {
    try {
      List<String> out = new ArrayList<>();
      for (RuleMatch m : tool.check(text)) {
        out.add(m.getRule().getId() + ": " + m.getMessage());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
