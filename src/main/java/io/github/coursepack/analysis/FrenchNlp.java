package io.github.coursepack.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.chunking.Chunker;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.synthesis.Synthesizer;
import org.languagetool.tagging.Tagger;
import org.languagetool.tagging.disambiguation.MultiWordChunker;
import org.languagetool.tagging.disambiguation.rules.XmlRuleDisambiguator;
import org.languagetool.tokenizers.Tokenizer;

/**
 * French tagging and conjugation with LanguageTool's tokeniser, tagger, chunker, disambiguator and
 * synthesizer, offline, called directly: {@link #analyse} does what {@code
 * JLanguageTool.getAnalyzedSentence} does without building the rule engine, whose 6,800 rules take
 * seconds to load and which the analysis never uses. Grammar checking of generated questions, which
 * needs those rules, is off the build path: only a {@link #lazily(boolean) checking} instance (for
 * {@code coursepack check --grammar} and the tests) starts the engine, the first time it is asked.
 * A build makes one instance, {@linkplain #inBackground at once} when no analysis cache can spare
 * it, else {@linkplain #lazily() when} a unit needs analysing, and shares it between the threads
 * that analyse units and tag sentences (its parts keep no state between sentences).
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

  private final Language french;
  private final Tokenizer wordTokenizer;
  private final Tagger tagger;
  private final Chunker chunker;
  private final MultiWordChunker multiwords;
  private final XmlRuleDisambiguator disambiguationRules;
  private final Chunker postDisambiguationChunker;
  private final Synthesizer synthesizer;
  private final boolean checksGrammar;
  private JLanguageTool grammarTool;

  /**
   * Loads every part the analysis uses, so that no sentence waits for one, nor for the language's
   * lock, which its getters take on every call. The disambiguation rules (the longest to load) are
   * read on this thread while another fills the tagger and the multiword maps: on two cores the
   * start takes about half the time.
   *
   * <p>French's own disambiguator ({@code FrenchHybridDisambiguator}, LanguageTool 6.6) runs three
   * steps: a chunker of LanguageTool's global spelling list, the French multiword chunker, then the
   * XML rules (French and global). The first step only marks words the speller must accept (it adds
   * no reading: its entries carry the tag {@code _NONE_}); the analysis never asks the speller, so
   * that step and its 27,000-entry list, most of the start's time after the rules, are left out.
   * The other two are made as that class makes them. FrenchNlpTest proves the readings identical.
   */
  private FrenchNlp(boolean checksGrammar) {
    this.french = Languages.getLanguageForShortCode("fr");
    this.multiwords = MultiWordChunker.getInstance(MULTIWORDS, true, true, false);
    multiwords.setRemovePreviousTags(true);
    CompletableFuture<Tagger> tagging =
        CompletableFuture.supplyAsync(
            () -> {
              fillMaps(multiwords);
              return french.getTagger();
            },
            FrenchNlp::startThread);
    this.disambiguationRules = new XmlRuleDisambiguator(french, true);
    this.wordTokenizer = french.getWordTokenizer();
    this.chunker = french.getChunker();
    this.postDisambiguationChunker = french.getPostDisambiguationChunker();
    this.synthesizer = french.getSynthesizer();
    this.checksGrammar = checksGrammar;
    try {
      this.tagger = tagging.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** French's multiword list, as {@code FrenchHybridDisambiguator} names it. */
  static final String MULTIWORDS = "/fr/multiwords.txt";

  /** A multiword chunker fills its maps on its first sentence: here, an empty one. */
  private static void fillMaps(MultiWordChunker chunker) {
    try {
      chunker.disambiguate(
          new AnalyzedSentence(
              new AnalyzedTokenReadings[] {
                new AnalyzedTokenReadings(
                    new AnalyzedToken("", JLanguageTool.SENTENCE_START_TAGNAME, null), 0)
              }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void startThread(Runnable r) {
    Thread t = new Thread(r, "coursepack-languagetool-start");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts LanguageTool lazily, the first time it is asked, and never again.
   *
   * @param checksGrammar whether generated questions are checked with the grammar rules (seconds
   *     more to start): {@code check --grammar} and the tests, not a build
   */
  public static Supplier<FrenchNlp> lazily(boolean checksGrammar) {
    return new Supplier<>() {
      private FrenchNlp nlp;

      @Override
      public synchronized FrenchNlp get() {
        if (nlp == null) {
          nlp = new FrenchNlp(checksGrammar);
        }
        return nlp;
      }
    };
  }

  /** A lazy instance that does not check grammar: what a build uses. */
  public static Supplier<FrenchNlp> lazily() {
    return lazily(false);
  }

  /**
   * Starts LanguageTool now, in the background, for a command that will analyse text: its second of
   * start-up then runs while the course is read. {@code get} waits for the start to end; a failure
   * to start (a bug) is thrown there, in the thread that asks.
   *
   * @param checksGrammar as for {@link #lazily(boolean)}
   */
  public static Supplier<FrenchNlp> inBackground(boolean checksGrammar) {
    CompletableFuture<FrenchNlp> started =
        CompletableFuture.supplyAsync(() -> new FrenchNlp(checksGrammar), FrenchNlp::startThread);
    return () -> {
      try {
        return started.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    };
  }

  /** Starts the tagger; under a second of work, to be done once. */
  public static FrenchNlp start() {
    return new FrenchNlp(false);
  }

  /** Whether {@link #grammarProblems} checks anything. */
  public boolean checksGrammar() {
    return checksGrammar;
  }

  /**
   * The sentence tokenised, tagged, chunked and disambiguated, as {@code
   * JLanguageTool.getAnalyzedSentence} (LanguageTool 6.6) gives it: the same steps in the same
   * order on the language's own components, so that the readings are the same (FrenchNlpTest
   * compares them on every sentence of the project's courses).
   */
  AnalyzedSentence analyse(String sentence) throws IOException {
    List<String> words = wordTokenizer.tokenize(sentence);
    Map<Integer, String[]> ignored = removeIgnoredCharacters(words);
    List<AnalyzedTokenReadings> tagged = tagger.tag(words);
    if (chunker != null) {
      chunker.addChunkTags(tagged);
    }
    AnalyzedTokenReadings[] tokens = new AnalyzedTokenReadings[words.size() + 1];
    int count = 0;
    tokens[count++] =
        new AnalyzedTokenReadings(
            new AnalyzedToken[] {new AnalyzedToken("", JLanguageTool.SENTENCE_START_TAGNAME, null)},
            0);
    int start = 0;
    for (AnalyzedTokenReadings t : tagged) {
      t.setStartPos(start);
      tokens[count++] = t;
      start += t.getToken().length();
    }
    int posFix = 0;
    for (int i = 0; i < tagged.size(); i++) {
      if (i > 0) {
        tagged.get(i).setWhitespaceBefore(tagged.get(i - 1).getToken());
        tagged.get(i).setStartPos(tagged.get(i).getStartPos() + posFix);
        tagged.get(i).setPosFix(posFix);
      }
      String[] original = ignored.get(i);
      if (original != null) {
        posFix += original[0].length() - tagged.get(i).getToken().length();
        tagged.get(i).addReading(tagger.createToken(original[0], null), "softHyphenTokens");
        tagged.get(i).setCleanToken(original[1]);
      }
    }
    int last = count - 1;
    for (int i = 0; i < count - 1; i++) {
      if (!tokens[last - i].isWhitespace()) {
        last -= i;
        break;
      }
    }
    tokens[last].setSentEnd();
    if (tokens.length == last + 1 && tokens[last].isLinebreak()) {
      tokens[last].setParagraphEnd();
    }
    AnalyzedSentence raw = new AnalyzedSentence(tokens);
    AnalyzedSentence disambiguated = disambiguationRules.disambiguate(multiwords.disambiguate(raw));
    AnalyzedSentence analysed = new AnalyzedSentence(disambiguated.getTokens(), raw.getTokens());
    if (postDisambiguationChunker != null) {
      postDisambiguationChunker.addChunkTags(Arrays.asList(analysed.getTokens()));
    }
    return analysed;
  }

  /**
   * Takes the characters LanguageTool ignores (soft hyphens) out of the words, as its check does;
   * returns the original and the cleaned word by position.
   */
  private Map<Integer, String[]> removeIgnoredCharacters(List<String> words) {
    java.util.regex.Pattern ignoredChars = french.getIgnoredCharactersRegex();
    Map<Integer, String[]> out = new java.util.HashMap<>();
    if (ignoredChars == null) {
      return out;
    }
    for (int i = 0; i < words.size(); i++) {
      java.util.regex.Matcher m = ignoredChars.matcher(words.get(i));
      if (m.find()) {
        String cleaned = m.replaceAll("");
        out.put(i, new String[] {words.get(i), cleaned});
        words.set(i, cleaned);
      }
    }
    return out;
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
      analysed = analyse(sentence);
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

  /** Singular determiners that open the subject of a relative clause after « que ». */
  private static final Set<String> SINGULAR_DETERMINERS =
      Set.of(
          "le", "la", "l'", "l’", "ce", "cet", "cette", "son", "sa", "leur", "un", "une", "mon",
          "ma", "ton", "ta", "notre", "votre", "chaque");

  /**
   * Whether the verb at {@code from} is singular and follows « que » and a singular subject of its
   * own (« des actions que le CPD numérique relaie »): the agreement rule then takes the relative
   * pronoun's plural antecedent for the subject, which French grammar does not.
   */
  private boolean singularVerbOfARelativeWithItsOwnSubject(String text, int from) {
    List<Token> tokens = tokens(text);
    int verb = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).start() == from) {
        verb = i;
      }
    }
    if (verb < 2
        || tokens.get(verb).readings().stream()
            .noneMatch(r -> r.pos().startsWith("V") && r.pos().endsWith(" 3 s"))) {
      return false;
    }
    for (int k = verb - 1; k >= Math.max(0, verb - 6); k--) {
      String w = tokens.get(k).text().toLowerCase(java.util.Locale.ROOT);
      if (w.equals("que") || w.equals("qu'") || w.equals("qu’") || w.equals("qu")) {
        return k + 1 < verb
            && SINGULAR_DETERMINERS.contains(
                tokens.get(k + 1).text().toLowerCase(java.util.Locale.ROOT));
      }
      // Another conjugated verb between: the flagged one is not the relative clause's.
      if (tokens.get(k).readings().stream()
          .anyMatch(r -> r.pos().startsWith("V") && r.pos().matches(".* (ind|sub|imp) .*"))) {
        return false;
      }
    }
    return false;
  }

  /** The rule engine with the checked categories only; started on the first grammar check. */
  private synchronized JLanguageTool grammarTool() {
    if (grammarTool == null) {
      JLanguageTool tool = new JLanguageTool(french);
      for (Rule rule : tool.getAllRules()) {
        String category = rule.getCategory() == null ? "" : rule.getCategory().getId().toString();
        if (!CHECKED_CATEGORIES.contains(category) || rule.isDictionaryBasedSpellingRule()) {
          tool.disableRule(rule.getId());
        }
      }
      grammarTool = tool;
    }
    return grammarTool;
  }

  /**
   * Grammar problems LanguageTool finds in {@code text}, as messages; empty when none, and always
   * empty for an instance that does not {@linkplain #checksGrammar() check grammar}.
   */
  public List<String> grammarProblems(String text) {
    if (!checksGrammar) {
      return List.of();
    }
    try {
      List<String> out = new ArrayList<>();
      for (RuleMatch m : grammarTool().check(text)) {
        if (m.getRule().getId().equals("ACCORD_SUJET_VERBE")
            && singularVerbOfARelativeWithItsOwnSubject(text, m.getFromPos())) {
          continue;
        }
        out.add(m.getRule().getId() + ": " + m.getMessage());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
