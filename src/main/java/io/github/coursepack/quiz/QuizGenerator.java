package io.github.coursepack.quiz;

import static io.github.coursepack.model.Texts.capitalise;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.MentionFinder;
import io.github.coursepack.io.Digests;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Texts;
import io.github.coursepack.model.Unit;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns role facts into French comprehension questions: « Qui … ? », « Quelle est l'une des
 * missions de … ? », true or false, matching and acronyms.
 *
 * <p>Every question has exactly one right answer according to the text: a distractor is an actor of
 * the course (the nearest levels first) that the text does not credit with anything like the
 * answer, that the question does not name, and that is not of the answer's group. A question with
 * fewer than two such distractors is dropped rather than padded. A negated fact never becomes a
 * right answer; it only gives a statement whose answer is « faux ». Options are shuffled with a
 * seed taken from the question's id, so the same input gives the same quiz.
 *
 * <p>Usage: {@code List<Question> candidates = generator.candidates(unit);}
 */
public final class QuizGenerator {

  /** The most questions of each kind a unit's quiz takes, in the order the quiz shows them. */
  static final Map<QuestionKind, Integer> LIMITS = new LinkedHashMap<>();

  static {
    LIMITS.put(QuestionKind.WHO, 4);
    LIMITS.put(QuestionKind.ROLE, 2);
    LIMITS.put(QuestionKind.ACRONYM, 2);
    LIMITS.put(QuestionKind.TRUE_FALSE, 3);
    LIMITS.put(QuestionKind.MATCHING, 1);
  }

  private static final int OPTIONS = 4;

  /** A « Qui … ? » about fewer distinct content words is too vague to have one right answer. */
  private static final int MIN_WHO_CONTENT_WORDS = 4;

  /**
   * A word said in at most this many sentences of the course is specific to what it describes. A
   * question about an action with fewer than two such words (« participe aux actions engagées par
   * le Ministère ») may fit other actors too, whatever the text says of them.
   */
  private static final int RARE = 2;

  private static final int MIN_RARE_WORDS = 2;

  /** A word said in more sentences than this is too common to tell two actions apart. */
  private static final int COMMON = 6;

  private static final int MIN_OPTIONS = 3;
  private static final int MAX_ROLE_WORDS = 16;
  private static final int MAX_MATCHING_ROLE_WORDS = 14;

  private final ActorCatalog catalog;
  private final MentionFinder finder;
  private final Map<String, List<RoleFact>> factsByUnit;
  private final List<RoleFact> allFacts;
  private final Set<String> courseActors;
  private final GrammarCheck grammar;
  private final Map<String, List<io.github.coursepack.analysis.Mention>> mentions =
      new java.util.HashMap<>();
  private final Map<String, Set<String>> namedInUnit = new java.util.HashMap<>();

  /** The positive facts of each actor by content word: similar facts share one at least. */
  private final Map<String, Map<String, List<RoleFact>>> wordIndex = new java.util.HashMap<>();

  private final Map<String, Boolean> credited = new java.util.HashMap<>();

  /** The positive facts of each actor, in course order. */
  private final Map<String, List<RoleFact>> positiveByActor = new LinkedHashMap<>();

  /** In how many sentences of the course each content word appears. */
  private final Map<String, Integer> sentenceFrequency = new java.util.HashMap<>();

  /**
   * @param factsByUnit every unit's facts, by unit id: distractors come from the whole course
   */
  public QuizGenerator(
      Course course,
      ActorCatalog catalog,
      Map<String, List<RoleFact>> factsByUnit,
      GrammarCheck grammar) {
    this.catalog = catalog;
    this.finder = new MentionFinder(catalog);
    this.factsByUnit = Map.copyOf(factsByUnit);
    this.grammar = grammar;
    List<RoleFact> all = new ArrayList<>();
    for (Unit u : course.units()) {
      all.addAll(factsByUnit.getOrDefault(u.id(), List.of()));
    }
    this.allFacts = List.copyOf(all);
    Set<String> actors = new LinkedHashSet<>();
    all.forEach(f -> actors.add(f.actorId()));
    all.stream()
        .filter(f -> f.polarity() == Polarity.POSITIVE)
        .forEach(f -> positiveByActor.computeIfAbsent(f.actorId(), k -> new ArrayList<>()).add(f));
    positiveByActor.forEach(
        (actorId, facts) -> {
          Map<String, List<RoleFact>> index = new java.util.HashMap<>();
          for (RoleFact f : facts) {
            for (String w : Similarity.words(f.predicate())) {
              index.computeIfAbsent(w, k -> new ArrayList<>()).add(f);
            }
          }
          wordIndex.put(actorId, index);
        });
    for (Unit u : course.units()) {
      for (TextBlock b : u.textBlocks()) {
        for (Sentence sentence : b.sentences()) {
          Similarity.words(sentence.text())
              .forEach(w -> sentenceFrequency.merge(w, 1, Integer::sum));
        }
      }
    }
    this.courseActors = Collections.unmodifiableSet(actors);
  }

  /** Every question the unit's facts allow, best first within each kind. */
  public List<Question> candidates(Unit unit) {
    List<RoleFact> facts = factsByUnit.getOrDefault(unit.id(), List.of());
    String source =
        unit.video().isPresent() && !unit.transcript().isEmpty() ? "la vidéo" : "le texte";
    List<Question> out = new ArrayList<>();
    List<RoleFact> ranked = rank(facts);
    for (RoleFact f : ranked) {
      who(unit, f, source).filter(this::grammatical).ifPresent(out::add);
    }
    for (RoleFact f : ranked) {
      role(unit, f, facts, source).filter(this::grammatical).ifPresent(out::add);
    }
    acronyms(unit, source).stream().filter(this::grammatical).forEach(out::add);
    List<RoleFact> statements = new ArrayList<>(ranked);
    // Negations make the most telling true-or-false questions: they come first.
    statements.sort(Comparator.comparing((RoleFact f) -> f.polarity() == Polarity.POSITIVE));
    for (RoleFact f : statements) {
      trueFalse(unit, f, source).filter(this::grammatical).ifPresent(out::add);
    }
    matching(unit, facts, source).filter(this::grammatical).ifPresent(out::add);
    return out;
  }

  /**
   * The quiz: up to {@link #LIMITS} questions of each kind, at most one question per evidence
   * sentence (a second question on a sentence would give the first one's answer away).
   */
  public static List<Question> select(List<Question> candidates) {
    Map<QuestionKind, List<Question>> byKind = new LinkedHashMap<>();
    LIMITS.keySet().forEach(k -> byKind.put(k, new ArrayList<>()));
    Set<String> usedSentences = new HashSet<>();
    // The rarest and most telling questions choose their sentences first: matching, acronyms,
    // the negations (as « faux » statements), then who and role, then true statements.
    List<java.util.function.Predicate<Question>> order =
        List.of(
            q -> q.kind() == QuestionKind.MATCHING,
            q -> q.kind() == QuestionKind.ACRONYM,
            q -> q.kind() == QuestionKind.TRUE_FALSE && q.polarity() == Polarity.NEGATIVE,
            q -> q.kind() == QuestionKind.WHO,
            q -> q.kind() == QuestionKind.ROLE,
            q -> q.kind() == QuestionKind.TRUE_FALSE && q.polarity() == Polarity.POSITIVE);
    for (java.util.function.Predicate<Question> round : order) {
      for (Question q : candidates) {
        if (!round.test(q) || byKind.get(q.kind()).size() >= LIMITS.get(q.kind())) {
          continue;
        }
        Set<String> keys = new HashSet<>();
        q.evidence().forEach(s -> keys.add(s.index() + ":" + s.text()));
        if (q.kind() != QuestionKind.MATCHING && keys.stream().anyMatch(usedSentences::contains)) {
          continue;
        }
        usedSentences.addAll(keys);
        byKind.get(q.kind()).add(q);
      }
    }
    List<Question> out = new ArrayList<>();
    byKind.values().forEach(out::addAll);
    return out;
  }

  // ---- ranking ------------------------------------------------------------------------------

  /** Facts named outright first, then by a verb phrase of a comfortable length, then text order. */
  private static List<RoleFact> rank(List<RoleFact> facts) {
    List<RoleFact> out = new ArrayList<>(facts);
    out.sort(
        Comparator.comparingInt((RoleFact f) -> viaRank(f.via()))
            .thenComparingInt(f -> lengthPenalty(f.predicate()))
            .thenComparingInt(f -> f.evidence().index()));
    return out;
  }

  private static int viaRank(RoleFact.Via via) {
    return switch (via) {
      case NAMED, CLEFT -> 0;
      case PRONOUN, RELATIVE -> 1;
      case PERSON -> 2;
    };
  }

  private static int lengthPenalty(String predicate) {
    int words = predicate.split("\\s+").length;
    return words < 6 ? 6 - words : words > 16 ? (words - 16) : 0;
  }

  // ---- who ----------------------------------------------------------------------------------

  private Optional<Question> who(Unit unit, RoleFact f, String source) {
    if (f.who().isEmpty()
        || f.polarity() != Polarity.POSITIVE
        || Similarity.words(f.who().get()).size() < MIN_WHO_CONTENT_WORDS
        || !specific(f.who().get())) {
      return Optional.empty();
    }
    Actor answer = actor(f.actorId());
    if (answer.service()) {
      return Optional.empty();
    }
    List<Actor> distractors = distractors(unit, answer, f);
    if (distractors.size() < MIN_OPTIONS - 1) {
      return Optional.empty();
    }
    String id = unit.id() + "-who-" + FactKey.of(f);
    List<Choice> choices = new ArrayList<>();
    choices.add(new Choice(answer.definiteCapitalised(), true, answer.id()));
    distractors.stream()
        .limit(OPTIONS - 1)
        .forEach(d -> choices.add(new Choice(d.definiteCapitalised(), false, d.id())));
    String stem = "D'après " + source + ", qui " + f.who().get() + " ?";
    String feedback = "C'est " + answer.definite() + ". " + quote(source, f.evidence());
    return Optional.of(multipleChoice(id, QuestionKind.WHO, stem, choices, feedback, f.evidence()));
  }

  /**
   * Actors that may stand as wrong answers to « who does f »: of the course, not the answer's
   * group, not named in the question, credited by the text with nothing like it.
   */
  private List<Actor> distractors(Unit unit, Actor answer, RoleFact f) {
    Set<String> named = new HashSet<>();
    find(f.predicate()).forEach(m -> named.add(m.actorId()));
    find(f.evidence().text()).forEach(m -> named.add(m.actorId()));
    Set<String> inUnit = actorsNamedIn(unit);
    List<Actor> pool = new ArrayList<>();
    for (Actor a : candidatesFor(answer)) {
      if (named.contains(a.id()) || creditedWith(a, f.predicate())) {
        continue;
      }
      pool.add(a);
    }
    pool.sort(
        Comparator.comparingInt((Actor a) -> inUnit.contains(a.id()) ? 0 : 1)
            .thenComparingInt(a -> a.level().distance(answer.level()))
            .thenComparing(Actor::id));
    return pool;
  }

  /** Actors the unit's text names anywhere: the first choice of distractors. */
  private Set<String> actorsNamedIn(Unit unit) {
    return namedInUnit.computeIfAbsent(
        unit.id(),
        id -> {
          Set<String> out = new HashSet<>();
          for (TextBlock b : unit.textBlocks()) {
            for (Sentence s : b.sentences()) {
              find(s.text()).stream()
                  .filter(m -> !m.subjectOnly())
                  .forEach(m -> out.add(m.actorId()));
            }
          }
          return out;
        });
  }

  private boolean names(String text, String actorId) {
    return find(text).stream().anyMatch(m -> !m.subjectOnly() && m.actorId().equals(actorId));
  }

  /**
   * Words two phrases share, leaving out those said in more than {@link #COMMON} sentences of the
   * course (« numérique » says nothing about who does what): « accompagne … innovations
   * pédagogiques » and « accompagner les enseignants … usages pédagogiques » share two.
   */
  private long sharedTellingWords(String a, String b) {
    Set<String> y = Similarity.words(b);
    return Similarity.words(a).stream()
        .filter(y::contains)
        .filter(w -> sentenceFrequency.getOrDefault(w, 0) <= COMMON)
        .count();
  }

  /**
   * Whether a verb phrase says something particular: two words or more that are rare in the course.
   */
  private boolean specific(String phrase) {
    long rare =
        Similarity.words(phrase).stream()
            .filter(w -> sentenceFrequency.getOrDefault(w, 0) <= RARE)
            .count();
    return rare >= MIN_RARE_WORDS;
  }

  private final Map<String, Pattern> acronymPatterns = new java.util.HashMap<>();

  /** An acronym on word boundaries, compiled once. */
  private Pattern acronymPattern(String acronym) {
    return acronymPatterns.computeIfAbsent(
        acronym,
        a -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(a) + "(?![\\p{L}\\p{N}])"));
  }

  /** Mentions of a text, found once. */
  private List<io.github.coursepack.analysis.Mention> find(String text) {
    return mentions.computeIfAbsent(text, finder::find);
  }

  /** The course's actors that could be confused with {@code answer}, then the catalogue's. */
  private List<Actor> candidatesFor(Actor answer) {
    List<Actor> out = new ArrayList<>();
    for (String id : courseActors) {
      catalog.byId(id).filter(a -> fitsAsDistractor(a, answer)).ifPresent(out::add);
    }
    if (out.size() < OPTIONS - 1) {
      for (Actor a : catalog.people()) {
        if (!out.contains(a) && fitsAsDistractor(a, answer)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  private static boolean fitsAsDistractor(Actor a, Actor answer) {
    return !a.id().equals(answer.id()) && !a.service() && !a.generic() && !a.sameGroup(answer);
  }

  /** Whether the text credits {@code actor} with something like {@code predicate}. */
  private boolean creditedWith(Actor actor, String predicate) {
    return credited.computeIfAbsent(
        actor.id() + "\u0000" + predicate,
        k -> {
          Map<String, List<RoleFact>> index = wordIndex.getOrDefault(actor.id(), Map.of());
          Set<RoleFact> sharing = new HashSet<>();
          for (String w : Similarity.words(predicate)) {
            sharing.addAll(index.getOrDefault(w, List.of()));
          }
          return sharing.stream()
              .anyMatch(
                  x ->
                      Similarity.similar(x.predicate(), predicate)
                          || sharedTellingWords(x.predicate(), predicate) >= 2);
        });
  }

  // ---- role ---------------------------------------------------------------------------------

  private Optional<Question> role(Unit unit, RoleFact f, List<RoleFact> unitFacts, String source) {
    if (f.role().isEmpty()
        || f.polarity() != Polarity.POSITIVE
        || words(f.role().get()) > MAX_ROLE_WORDS
        || !specific(f.role().get())) {
      return Optional.empty();
    }
    Actor answer = actor(f.actorId());
    if (answer.service()) {
      return Optional.empty();
    }
    List<RoleFact> others = new ArrayList<>();
    // One option per other actor: actors of the unit first, then the nearest levels; for each,
    // its first usable role, the unit's own facts first.
    List<String> actorsInOrder = new ArrayList<>(positiveByActor.keySet());
    Set<String> inUnit = new HashSet<>();
    unitFacts.forEach(x -> inUnit.add(x.actorId()));
    actorsInOrder.sort(
        Comparator.comparingInt((String a) -> inUnit.contains(a) ? 0 : 1)
            .thenComparingInt(a -> actor(a).level().distance(answer.level()))
            .thenComparing(a -> a));
    for (String actorId : actorsInOrder) {
      Actor d = actor(actorId);
      if (!fitsAsDistractor(d, answer)) {
        continue;
      }
      List<RoleFact> roles = new ArrayList<>(positiveByActor.get(actorId));
      Set<RoleFact> own = new HashSet<>(unitFacts);
      roles.sort(
          Comparator.comparingInt((RoleFact x) -> own.contains(x) ? 0 : 1)
              .thenComparing(RoleFact::id));
      for (RoleFact x : roles) {
        if (x.role().isEmpty()
            || words(x.role().get()) > MAX_ROLE_WORDS
            || !specific(x.role().get())
            || creditedWith(answer, x.predicate())
            || Similarity.similar(x.predicate(), f.predicate())
            || find(x.role().get()).stream().anyMatch(m -> m.actorId().equals(answer.id()))) {
          continue;
        }
        others.add(x);
        break;
      }
      if (others.size() == OPTIONS - 1) {
        break;
      }
    }
    if (others.size() < MIN_OPTIONS - 1) {
      return Optional.empty();
    }
    String id = unit.id() + "-role-" + FactKey.of(f);
    List<Choice> choices = new ArrayList<>();
    choices.add(new Choice(capitalise(f.role().get()), true, answer.id()));
    others.forEach(x -> choices.add(new Choice(capitalise(x.role().get()), false, x.actorId())));
    String stem =
        "D'après " + source + ", laquelle de ces actions revient " + answer.toForm() + " ?";
    String feedback =
        "Bonne réponse : « " + capitalise(f.role().get()) + " ». " + quote(source, f.evidence());
    return Optional.of(
        multipleChoice(id, QuestionKind.ROLE, stem, choices, feedback, f.evidence()));
  }

  // ---- true or false ----------------------------------------------------------------------------

  private Optional<Question> trueFalse(Unit unit, RoleFact f, String source) {
    if (f.statement().isEmpty()) {
      return Optional.empty();
    }
    Actor actor = actor(f.actorId());
    String id = unit.id() + "-truefalse-" + FactKey.of(f);
    boolean answer = f.statementIsTrue();
    String feedback =
        answer
            ? "Vrai. " + quote(source, f.evidence())
            : "Faux. " + capitalise(source) + " dit le contraire : « " + f.evidence().text() + " »";
    return Optional.of(
        new Question.TrueFalse(
            id,
            f.statement().get(),
            answer,
            actor.id(),
            feedback,
            List.of(f.evidence()),
            f.polarity()));
  }

  // ---- matching -------------------------------------------------------------------------------

  private Optional<Question> matching(Unit unit, List<RoleFact> facts, String source) {
    Map<String, RoleFact> best = new LinkedHashMap<>();
    for (RoleFact f : facts) {
      if (f.role().isEmpty() || f.polarity() != Polarity.POSITIVE) {
        continue;
      }
      Actor a = actor(f.actorId());
      int w = words(f.role().get());
      if (a.service() || w < 3 || w > MAX_MATCHING_ROLE_WORDS) {
        continue;
      }
      RoleFact current = best.get(a.id());
      if (current == null || rankOf(f) < rankOf(current)) {
        best.put(a.id(), f);
      }
    }
    List<RoleFact> chosen = new ArrayList<>();
    for (RoleFact f : best.values()) {
      Actor a = actor(f.actorId());
      // A role that names another actor of the set would give a pair away.
      boolean namesOther =
          chosen.stream()
              .anyMatch(c -> names(f.role().get(), c.actorId()) || names(c.role().get(), a.id()));
      boolean clash =
          namesOther
              || chosen.stream()
                  .anyMatch(
                      c ->
                          actor(c.actorId()).sameGroup(a)
                              || Similarity.similar(c.predicate(), f.predicate())
                              || creditedWith(actor(c.actorId()), f.predicate())
                              || creditedWith(a, c.predicate()));
      if (!clash) {
        chosen.add(f);
      }
      if (chosen.size() == 5) {
        break;
      }
    }
    if (chosen.size() < 3) {
      return Optional.empty();
    }
    List<Question.Matching.Pair> pairs = new ArrayList<>();
    List<Sentence> evidence = new ArrayList<>();
    StringBuilder keys = new StringBuilder();
    for (RoleFact f : chosen) {
      Actor a = actor(f.actorId());
      pairs.add(
          new Question.Matching.Pair(a.id(), a.definiteCapitalised(), capitalise(f.role().get())));
      evidence.add(f.evidence());
      keys.append(FactKey.of(f));
    }
    String id = unit.id() + "-matching-" + Digests.shortHex(keys.toString());
    String stem = "D'après " + source + ", associez chaque acteur à ce qu'il fait.";
    StringBuilder feedback = new StringBuilder(capitalise(source) + " le dit :");
    for (Sentence s : evidence) {
      feedback.append(" « ").append(s.text()).append(" »");
    }
    return Optional.of(
        new Question.Matching(id, stem, pairs, feedback.toString(), evidence, Polarity.POSITIVE));
  }

  private static int rankOf(RoleFact f) {
    return viaRank(f.via()) * 100 + lengthPenalty(f.predicate());
  }

  // ---- acronyms -------------------------------------------------------------------------------

  /**
   * « Que signifie le sigle DSI ? », when one sentence gives both the acronym and what it stands
   * for (« la DSI (Direction des systèmes d'information) », « ou RUPN (Référent aux …) »).
   */
  private List<Question> acronyms(Unit unit, String source) {
    List<Question> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (TextBlock block : unit.textBlocks()) {
      for (Sentence s : block.sentences()) {
        for (Actor a : catalog.actors()) {
          if (a.acronyms().isEmpty() || a.expansions().isEmpty() || done.contains(a.id())) {
            continue;
          }
          Optional<String> acronym =
              a.acronyms().stream()
                  .filter(x -> x.chars().filter(Character::isUpperCase).count() >= 2)
                  .filter(x -> s.text().contains(x) && acronymPattern(x).matcher(s.text()).find())
                  .findFirst();
          Optional<String> written = acronym.isEmpty() ? Optional.empty() : spelledOut(a, s.text());
          if (written.isEmpty()) {
            continue;
          }
          acronymQuestion(unit, a, acronym.get(), written.get(), s, source)
              .ifPresent(
                  q -> {
                    out.add(q);
                    done.add(a.id());
                  });
        }
      }
    }
    return out;
  }

  /**
   * The actor's full name as the sentence writes it (« Référent aux ressources et aux usages
   * pédagogiques numériques »), if it writes one of its expansions or their variants.
   */
  private static Optional<String> spelledOut(Actor a, String text) {
    for (String e : a.expansions()) {
      Matcher m = MentionFinder.pattern(e, true).matcher(text);
      if (m.find()) {
        return Optional.of(m.group());
      }
    }
    // A plural or feminine variant in the text: the option is the reference name, so that it
    // reads like the other options (all singular).
    List<String> forms = new ArrayList<>();
    for (String alias : a.aliases()) {
      if (alias.split("\\s+").length >= 3 && alias.chars().noneMatch(Character::isDigit)) {
        forms.add(alias);
      }
    }
    forms.sort(Comparator.comparingInt(String::length).reversed());
    for (String f : forms) {
      Matcher m = MentionFinder.pattern(f, true).matcher(text);
      if (m.find()) {
        Set<String> written = Similarity.words(m.group());
        return a.expansions().stream()
            .max(
                Comparator.comparingLong(
                        (String e) ->
                            Similarity.words(e).stream().filter(written::contains).count())
                    .thenComparingInt(e -> -Similarity.words(e).size()));
      }
    }
    return Optional.empty();
  }

  private Optional<Question> acronymQuestion(
      Unit unit, Actor answer, String acronym, String written, Sentence s, String source) {
    String right = capitalise(written.replaceAll("\\s+", " "));
    Set<String> rightWords = Similarity.words(right);
    List<Actor> others = new ArrayList<>();
    for (Actor a : catalog.actors()) {
      if (a.id().equals(answer.id())
          || a.expansions().isEmpty()
          || a.sameGroup(answer)
          || fold(a.expansions().get(0)).equals(fold(right))) {
        continue;
      }
      others.add(a);
    }
    others.sort(
        Comparator.comparingLong(
                (Actor a) ->
                    -Similarity.words(a.expansions().get(0)).stream()
                        .filter(rightWords::contains)
                        .count())
            .thenComparingInt(a -> a.level().distance(answer.level()))
            .thenComparing(Actor::id));
    if (others.size() < MIN_OPTIONS - 1) {
      return Optional.empty();
    }
    String id = unit.id() + "-acronym-" + answer.id();
    List<Choice> choices = new ArrayList<>();
    choices.add(new Choice(right, true, answer.id()));
    others.stream()
        .limit(OPTIONS - 1)
        .forEach(a -> choices.add(new Choice(capitalise(a.expansions().get(0)), false, a.id())));
    String stem = "D'après " + source + ", que signifie le sigle « " + acronym + " » ?";
    String feedback = acronym + " signifie « " + written + " ». " + quote(source, s);
    return Optional.of(multipleChoice(id, QuestionKind.ACRONYM, stem, choices, feedback, s));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Actor actor(String id) {
    return catalog.byId(id).orElseThrow(() -> new IllegalStateException("unknown actor " + id));
  }

  /** A question whose every text passes the grammar check. */
  private boolean grammatical(Question q) {
    List<String> texts = new ArrayList<>();
    texts.add(q.stem());
    if (q instanceof Question.MultipleChoice mc) {
      mc.choices().forEach(c -> texts.add(c.text()));
    } else if (q instanceof Question.Matching m) {
      m.pairs().forEach(p -> texts.add(p.role()));
    }
    return texts.stream().allMatch(t -> grammar.problems(t).isEmpty());
  }

  private static String quote(String source, Sentence s) {
    return capitalise(source) + " le dit : « " + s.text() + " »";
  }

  /** Options in an order fixed by the question's id: the same input gives the same quiz. */
  static List<Choice> shuffle(List<Choice> choices, String id) {
    List<Choice> out = new ArrayList<>(choices);
    Collections.shuffle(out, new Random(seed(id)));
    return out;
  }

  /** A positive one-answer question whose options are shuffled with a seed from its id. */
  private static Question multipleChoice(
      String id,
      QuestionKind kind,
      String stem,
      List<Choice> choices,
      String feedback,
      Sentence evidence) {
    return new Question.MultipleChoice(
        id, kind, stem, shuffle(choices, id), feedback, List.of(evidence), Polarity.POSITIVE);
  }

  /** The first 8 bytes of the id's SHA-256, big-endian: the same id, the same order. */
  static long seed(String id) {
    return ByteBuffer.wrap(Digests.sha256(id)).getLong();
  }

  private static int words(String s) {
    return s.split("\\s+").length;
  }

  private static String fold(String s) {
    return Texts.fold(s).replace('’', '\'').replaceAll("\\s+", " ");
  }

  /** The part of a question id that names its fact: stable across edits elsewhere in the text. */
  static final class FactKey {
    private FactKey() {}

    private static final Pattern HASH_SUFFIX = Pattern.compile("-([0-9a-f]{8})$");

    static String of(RoleFact f) {
      Matcher m = HASH_SUFFIX.matcher(f.id());
      return f.actorId() + "-" + (m.find() ? m.group(1) : Digests.shortHex(f.id()));
    }
  }
}
