package io.github.coursepack.quiz;

import static io.github.coursepack.model.Texts.capitalise;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.Mention;
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
import java.util.HashMap;
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
 * Turns role facts into French comprehension questions about who does what, and chooses each unit's
 * bank of questions.
 *
 * <p>Kinds: « Qui … ? » (or « À qui … ? »), a scenario (a situation of the text, then « qui … ? »),
 * « Laquelle de ces actions revient à … ? », true or false, matching, and acronyms. Every question
 * has exactly one right answer according to the text: a distractor is chosen by {@link
 * Distractors}; a question with fewer than two is dropped rather than padded. A negated fact never
 * becomes a right answer: it only gives a statement whose answer is « faux », and so does a
 * statement that gives a role to an actor the text does not give it to (an actor swap). Options are
 * shuffled with a seed taken from the question's id, so the same input gives the same quiz.
 *
 * <p>The bank ({@link #bank}) holds every question that passes the checks, at most one per sentence
 * so that no question gives another away, up to {@value #BANK_MAX}. Its order is the blueprint: the
 * actors of the title first, then every actor with an explicit role, then the rest by how much each
 * question says about a role, keeping true-or-false questions between a quarter and a half of the
 * bank, « faux » for at least half of them, and no actor the answer of more than half.
 *
 * <p>Usage: {@code List<Question> bank = generator.bank(unit);}
 */
public final class QuizGenerator {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern FINAL_MARKS = Pattern.compile("[.!?…]+$");

  /** A situation told by someone who speaks of themselves (« Je ne peux plus me connecter »). */
  private static final Pattern FIRST_PERSON =
      Pattern.compile("(?iu)^(je|j['’]).*|.*\\b(je|j['’]|me|m['’]|mon|ma|mes|moi)\\b.*");

  /** A condition whose subject is « il » or « ils »: « si » elides (« S'il … »). */
  private static final Pattern STARTS_WITH_IL = Pattern.compile("(?i)^(il|ils)\\b.*");

  /** The most questions a unit's bank holds. */
  static final int BANK_MAX = 20;

  private static final int OPTIONS = 4;
  private static final int MIN_OPTIONS = 3;

  /** A « Qui … ? » about fewer distinct content words is too vague to have one right answer. */
  private static final int MIN_WHO_CONTENT_WORDS = 4;

  /**
   * A word said in at most this many sentences of the course is specific to what it describes. A
   * question about an action with fewer than two such words (« participe aux actions engagées par
   * le Ministère ») may fit other actors too, whatever the text says of them.
   */
  private static final int RARE = 2;

  private static final int MIN_RARE_WORDS = 2;

  /** A fact this salient states a role outright: a shorter predicate is then enough. */
  private static final int STATED_ROLE = 3;

  private static final int MAX_ROLE_WORDS = 16;
  private static final int MAX_MATCHING_ROLE_WORDS = 14;

  private final ActorCatalog catalog;
  private final MentionFinder finder;
  private final Map<String, List<RoleFact>> factsByUnit;
  private final Distractors distractors;
  private final Feedback feedback;

  /** The positive facts of each actor, in course order. */
  private final Map<String, List<RoleFact>> positiveByActor = new LinkedHashMap<>();

  /** In how many sentences of the course each content word appears. */
  private final Map<String, Integer> sentenceFrequency = new HashMap<>();

  /** Acronyms already asked about in an earlier unit of the course: each is asked once. */
  private final Set<String> askedAcronyms = new HashSet<>();

  private final Map<String, List<Candidate>> candidatesByUnit = new HashMap<>();

  /**
   * A question with what the bank needs to know about it.
   *
   * @param actorId the actor whose role the question teaches
   * @param score how telling it is
   * @param sentences the sentences it is drawn from, at least one: the bank takes one question per
   *     sentence, so a candidate is never picked twice
   * @param faux a statement whose answer is « faux »
   */
  record Candidate(
      Question question, String actorId, int score, Set<String> sentences, boolean faux) {
    Candidate {
      if (sentences.isEmpty()) {
        throw new IllegalArgumentException("a question comes from a sentence: " + question.id());
      }
    }
  }

  /**
   * @param factsByUnit every unit's facts, by unit id: distractors come from the whole course
   */
  public QuizGenerator(
      Course course, ActorCatalog catalog, Map<String, List<RoleFact>> factsByUnit) {
    this.catalog = catalog;
    this.finder = new MentionFinder(catalog);
    this.factsByUnit = Map.copyOf(factsByUnit);
    for (Unit u : course.units()) {
      for (RoleFact f : factsByUnit.getOrDefault(u.id(), List.of())) {
        if (f.polarity() == Polarity.POSITIVE) {
          positiveByActor.computeIfAbsent(f.actorId(), k -> new ArrayList<>()).add(f);
        }
      }
      for (TextBlock b : u.textBlocks()) {
        for (Sentence sentence : b.sentences()) {
          Similarity.words(sentence.text())
              .forEach(w -> sentenceFrequency.merge(w, 1, Integer::sum));
        }
      }
    }
    this.distractors =
        new Distractors(course, catalog, finder, this.factsByUnit, sentenceFrequency);
    this.feedback = new Feedback(distractors);
  }

  /** Every question the unit's facts allow, the most telling first. */
  public List<Question> candidates(Unit unit) {
    return generated(unit).stream().map(Candidate::question).toList();
  }

  /**
   * The unit's bank, blueprint first (see the class comment). Units must be asked for in course
   * order: an acronym asked in one unit is not asked again in a later one.
   */
  public List<Question> bank(Unit unit) {
    List<Candidate> all = generated(unit);
    List<Candidate> chosen = Blueprint.choose(all, titleActors(unit), BANK_MAX);
    List<Question> out = new ArrayList<>();
    Set<String> sentences = new HashSet<>();
    for (Candidate c : chosen) {
      out.add(c.question());
      sentences.addAll(c.sentences());
      if (c.question().kind() == QuestionKind.ACRONYM) {
        askedAcronyms.add(c.question().id());
      }
    }
    String source = source(unit);
    matching(unit, factsByUnit.getOrDefault(unit.id(), List.of()), source, sentences)
        .ifPresent(out::add);
    return out;
  }

  private List<Candidate> generated(Unit unit) {
    return candidatesByUnit.computeIfAbsent(unit.id(), id -> generate(unit));
  }

  private static String source(Unit unit) {
    return unit.video().isPresent() && !unit.transcript().isEmpty() ? "la vidéo" : "le texte";
  }

  private List<Candidate> generate(Unit unit) {
    List<RoleFact> facts = factsByUnit.getOrDefault(unit.id(), List.of());
    String source = source(unit);
    List<Candidate> out = new ArrayList<>();
    for (RoleFact f : facts) {
      if (f.polarity() == Polarity.POSITIVE) {
        if (f.situation().isPresent()) {
          scenario(unit, f, source).ifPresent(out::add);
        } else {
          who(unit, f, source).ifPresent(out::add);
        }
        role(unit, f, facts, source).ifPresent(out::add);
        affirmed(unit, f, source).ifPresent(out::add);
        swapped(unit, f, source).ifPresent(out::add);
      } else {
        denied(unit, f, facts, source).ifPresent(out::add);
      }
    }
    acronym(unit, source).ifPresent(out::add);
    List<Candidate> kept = new ArrayList<>();
    Set<String> stems = new HashSet<>();
    for (Candidate c : out) {
      if (stems.add(fold(c.question().stem()))) {
        kept.add(c);
      }
    }
    kept.sort(
        Comparator.comparingInt((Candidate c) -> -c.score()).thenComparing(c -> c.question().id()));
    return kept;
  }

  /** Actors the unit's title names: the quiz asks about them first. */
  private Set<String> titleActors(Unit unit) {
    Set<String> out = new LinkedHashSet<>();
    for (Mention m : finder.find(unit.title())) {
      out.add(m.actorId());
    }
    return out;
  }

  // ---- who and scenario -----------------------------------------------------------------------

  private Optional<Candidate> who(Unit unit, RoleFact f, String source) {
    if (f.who().isEmpty() || f.salience() < 1 || !clearEnough(f)) {
      return Optional.empty();
    }
    String stem =
        "D'après " + source + ", " + scoped(f) + interrogative(f) + " " + f.who().get() + " ?";
    return multipleChoiceOnActors(unit, f, source, QuestionKind.WHO, stem, 8);
  }

  /** « Un élève ne trouve pas son manuel dans le médiacentre. D'après le texte, qui … ? » */
  private Optional<Candidate> scenario(Unit unit, RoleFact f, String source) {
    if (f.who().isEmpty() || f.salience() < 1) {
      return Optional.empty();
    }
    String situation = f.situation().get();
    String lead =
        speaksInFirstPerson(situation) ? "Un collègue vous dit : « " + situation + " »" : situation;
    String stem =
        lead
            + " D'après "
            + source
            + ", "
            + scoped(f)
            + interrogative(f)
            + " "
            + f.who().get()
            + " ?";
    return multipleChoiceOnActors(unit, f, source, QuestionKind.SCENARIO, stem, 12);
  }

  private Optional<Candidate> multipleChoiceOnActors(
      Unit unit, RoleFact f, String source, QuestionKind kind, String stem, int bonus) {
    Actor answer = actor(f.actorId());
    if (answer.service()) {
      return Optional.empty();
    }
    List<Actor> wrong = distractors.forQuestion(unit, answer, f, stem, OPTIONS - 1);
    if (wrong.size() < MIN_OPTIONS - 1) {
      return Optional.empty();
    }
    String id = QuestionIds.of(unit.id(), kind.id() + "-" + FactKey.of(f));
    List<Choice> choices = new ArrayList<>();
    choices.add(new Choice(option(answer, f), true, answer.id()));
    for (Actor d : wrong) {
      choices.add(new Choice(option(d, f), false, d.id()));
    }
    String fb = feedback.who(unit, source, answer, f, wrong);
    Question q = multipleChoice(id, kind, stem, choices, fb, f.evidence());
    return Optional.of(candidate(q, f, f.salience() * 10 + bonus, false));
  }

  private static String option(Actor a, RoleFact f) {
    return f.asked() == RoleFact.Asked.TO ? capitalise(a.toForm()) : a.definiteCapitalised();
  }

  private static String interrogative(RoleFact f) {
    return f.asked() == RoleFact.Asked.TO ? "à qui" : "qui";
  }

  /** « au lycée, » in front of the question, when the text limits the fact to it. */
  private static String scoped(RoleFact f) {
    return f.scope().map(s -> s + ", ").orElse("");
  }

  private static boolean speaksInFirstPerson(String situation) {
    return FIRST_PERSON.matcher(situation).matches();
  }

  /** The question is specific enough to have one right answer. */
  private boolean clearEnough(RoleFact f) {
    String who = f.who().get();
    int words = Similarity.words(who).size();
    long rare = rareWords(who);
    if (f.salience() >= STATED_ROLE) {
      return words >= 2 && rare >= 1;
    }
    return words >= MIN_WHO_CONTENT_WORDS && rare >= MIN_RARE_WORDS;
  }

  // ---- role -----------------------------------------------------------------------------------

  /** « Laquelle de ces actions revient à l'IAN ? », with the roles of other actors as options. */
  private Optional<Candidate> role(Unit unit, RoleFact f, List<RoleFact> unitFacts, String source) {
    if (!askableRole(f)) {
      return Optional.empty();
    }
    Actor answer = actor(f.actorId());
    if (answer.service()) {
      return Optional.empty();
    }
    List<RoleFact> others = new ArrayList<>();
    List<String> actorsInOrder = new ArrayList<>(positiveByActor.keySet());
    Set<String> inUnit = new HashSet<>();
    unitFacts.forEach(x -> inUnit.add(x.actorId()));
    actorsInOrder.sort(
        Comparator.comparingInt((String a) -> inUnit.contains(a) ? 0 : 1)
            .thenComparingInt(a -> actor(a).level().distance(answer.level()))
            .thenComparing(a -> a));
    Set<RoleFact> own = new HashSet<>(unitFacts);
    for (String actorId : actorsInOrder) {
      Actor d = actor(actorId);
      if (!Distractors.mayBeOption(d, answer)) {
        continue;
      }
      List<RoleFact> roles = new ArrayList<>(positiveByActor.get(actorId));
      roles.sort(
          Comparator.comparingInt((RoleFact x) -> own.contains(x) ? 0 : 1)
              .thenComparing(RoleFact::id));
      for (RoleFact x : roles) {
        if (!askableRole(x)
            || distractors.creditedWith(answer, x)
            || Similarity.similar(x.predicate(), f.predicate())
            || distractors.find(x.role().get()).stream()
                .anyMatch(m -> m.actorId().equals(answer.id()))) {
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
    String id = QuestionIds.of(unit.id(), "role-" + FactKey.of(f));
    List<Choice> choices = new ArrayList<>();
    choices.add(new Choice(capitalise(f.role().get()), true, answer.id()));
    others.forEach(x -> choices.add(new Choice(capitalise(x.role().get()), false, x.actorId())));
    String stem =
        "D'après " + source + ", laquelle de ces actions revient " + answer.toForm() + " ?";
    String fb =
        "Bonne réponse : « "
            + capitalise(f.role().get())
            + " ». "
            + Feedback.quote(source, f.evidence());
    Question q = multipleChoice(id, QuestionKind.ROLE, stem, choices, fb, f.evidence());
    return Optional.of(candidate(q, f, f.salience() * 10 + 3, false));
  }

  /** A role that can be an option: stated, unscoped, short, and specific to the text. */
  private boolean askableRole(RoleFact f) {
    return f.role().isPresent()
        && f.salience() >= 1
        && f.scope().isEmpty()
        && words(f.role().get()) <= MAX_ROLE_WORDS
        && rareWords(f.role().get()) >= MIN_RARE_WORDS;
  }

  /** How many of the phrase's words are rare in the course's sentences. */
  private long rareWords(String phrase) {
    return Similarity.words(phrase).stream()
        .filter(w -> sentenceFrequency.getOrDefault(w, 0) <= RARE)
        .count();
  }

  // ---- true or false --------------------------------------------------------------------------

  /** « Vrai » for the role the text gives its actor, said from the fact, not copied. */
  private Optional<Candidate> affirmed(Unit unit, RoleFact f, String source) {
    if (f.claim().isEmpty() || f.salience() < 1 || actor(f.actorId()).service()) {
      return Optional.empty();
    }
    // The text's own agreement (« Les IAN valorisent… ») when it has one.
    String own = f.statement().orElse(f.claim().get().of(actor(f.actorId())));
    Optional<String> statement = framed(f, own);
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    String id = QuestionIds.of(unit.id(), "truefalse-" + FactKey.of(f));
    Question q =
        new Question.TrueFalse(
            id,
            statement.get(),
            true,
            f.actorId(),
            feedback.affirmed(source, f),
            List.of(f.evidence()),
            Polarity.POSITIVE);
    return Optional.of(candidate(q, f, f.salience() * 10 + 2, false));
  }

  /** « Faux » for the role said of an actor the text does not give it to. */
  private Optional<Candidate> swapped(Unit unit, RoleFact f, String source) {
    if (f.claim().isEmpty() || f.salience() < 1 || actor(f.actorId()).service()) {
      return Optional.empty();
    }
    Optional<Actor> other = distractors.swapFor(unit, f);
    if (other.isEmpty()) {
      return Optional.empty();
    }
    Actor b = other.get();
    Optional<String> statement = framed(f, f.claim().get().of(b));
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    String id = QuestionIds.of(unit.id(), "truefalse-" + FactKey.of(f) + "-" + b.id());
    Question q =
        new Question.TrueFalse(
            id,
            statement.get(),
            false,
            b.id(),
            feedback.swapped(source, b, f, actor(f.actorId())),
            List.of(f.evidence()),
            Polarity.POSITIVE);
    int bonus = f.contrast().map(b.id()::equals).orElse(false) ? 10 : 7;
    return Optional.of(candidate(q, f, f.salience() * 10 + bonus, true));
  }

  /** « Faux » for what the text says an actor does not do. */
  private Optional<Candidate> denied(Unit unit, RoleFact f, List<RoleFact> facts, String source) {
    if (f.statement().isEmpty() || f.salience() < 0 || actor(f.actorId()).service()) {
      return Optional.empty();
    }
    Optional<String> statement = framed(f, f.statement().get());
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    Optional<RoleFact> credited =
        f.contrast()
            .flatMap(
                c ->
                    facts.stream()
                        .filter(
                            x ->
                                x.actorId().equals(c)
                                    && x.polarity() == Polarity.POSITIVE
                                    && x.evidence().equals(f.evidence()))
                        .findFirst());
    String id = QuestionIds.of(unit.id(), "truefalse-" + FactKey.of(f));
    Question q =
        new Question.TrueFalse(
            id,
            statement.get(),
            false,
            f.actorId(),
            feedback.denied(source, f, credited),
            List.of(f.evidence()),
            Polarity.NEGATIVE);
    return Optional.of(candidate(q, f, f.salience() * 10 + 9, true));
  }

  /**
   * A statement with its scope in front (« Au lycée, … ») or its situation as a condition (« Si un
   * élève ne trouve pas son manuel, … »); empty when the situation cannot be one.
   */
  private static Optional<String> framed(RoleFact f, String statement) {
    String s = statement;
    if (f.situation().isPresent()) {
      String situation = FINAL_MARKS.matcher(f.situation().get()).replaceAll("").strip();
      if (speaksInFirstPerson(situation) || situation.contains("?")) {
        return Optional.empty();
      }
      String condition = Texts.lowerFirst(situation);
      String si = STARTS_WITH_IL.matcher(condition).matches() ? "S'" : "Si ";
      s = si + condition + ", " + Texts.lowerFirst(s);
    } else if (f.scope().isPresent()) {
      s = capitalise(f.scope().get()) + ", " + Texts.lowerFirst(s);
    }
    return Optional.of(s);
  }

  // ---- matching -------------------------------------------------------------------------------

  private Optional<Question> matching(
      Unit unit, List<RoleFact> facts, String source, Set<String> usedSentences) {
    Map<String, RoleFact> best = new LinkedHashMap<>();
    for (RoleFact f : facts) {
      if (f.role().isEmpty()
          || f.polarity() != Polarity.POSITIVE
          || f.salience() < 1
          || f.scope().isPresent()
          || usedSentences.contains(key(f.evidence()))) {
        continue;
      }
      Actor a = actor(f.actorId());
      int w = words(f.role().get());
      if (a.service() || a.generic() || w < 3 || w > MAX_MATCHING_ROLE_WORDS) {
        continue;
      }
      RoleFact current = best.get(a.id());
      if (current == null || f.salience() > current.salience()) {
        best.put(a.id(), f);
      }
    }
    List<RoleFact> chosen = new ArrayList<>();
    Set<String> sentences = new HashSet<>();
    for (RoleFact f : best.values()) {
      Actor a = actor(f.actorId());
      boolean clash =
          !sentences.add(key(f.evidence()))
              || chosen.stream()
                  .anyMatch(
                      c ->
                          names(f.role().get(), c.actorId())
                              || names(c.role().get(), a.id())
                              || actor(c.actorId()).sameGroup(a)
                              || Distractors.overlapping(actor(c.actorId()), a)
                              || Similarity.similar(c.predicate(), f.predicate())
                              || distractors.creditedWith(actor(c.actorId()), f)
                              || distractors.creditedWith(a, c));
      if (!clash) {
        chosen.add(f);
      } else {
        sentences.remove(key(f.evidence()));
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
    String id = QuestionIds.of(unit.id(), "matching-" + Digests.shortHex(keys.toString()));
    String stem = "D'après " + source + ", associez chaque acteur à ce qu'il fait.";
    StringBuilder fb = new StringBuilder(capitalise(source) + " le dit :");
    for (Sentence s : evidence) {
      fb.append(" « ").append(s.text()).append(" »");
    }
    return Optional.of(
        new Question.Matching(id, stem, pairs, fb.toString(), evidence, Polarity.POSITIVE));
  }

  private boolean names(String text, String actorId) {
    return distractors.find(text).stream()
        .anyMatch(m -> !m.subjectOnly() && m.actorId().equals(actorId));
  }

  // ---- acronyms -------------------------------------------------------------------------------

  /**
   * « Que signifie le sigle DSI ? », when a sentence gives both the acronym and what it stands for;
   * the wrong options share the acronym's initials, so that initials alone do not answer it. One
   * per unit, and an acronym asked in an earlier unit is not asked again.
   */
  private Optional<Candidate> acronym(Unit unit, String source) {
    Set<String> real = new HashSet<>();
    catalog.actors().forEach(a -> real.addAll(a.expansions()));
    for (TextBlock block : unit.textBlocks()) {
      for (Sentence s : block.sentences()) {
        for (Actor a : catalog.actors()) {
          if (a.acronyms().isEmpty() || a.expansions().isEmpty()) {
            continue;
          }
          Optional<String> acronym =
              a.acronyms().stream()
                  .filter(x -> x.chars().filter(Character::isUpperCase).count() >= 2)
                  .filter(x -> s.text().contains(x) && acronymPattern(x).matcher(s.text()).find())
                  .findFirst();
          if (acronym.isEmpty()) {
            continue;
          }
          String id = "acronym-" + acronym.get();
          String tail = "-" + QuestionIds.bounded(id, QuestionIds.TAIL_MIN);
          if (askedAcronyms.stream().anyMatch(x -> x.endsWith(tail))) {
            continue;
          }
          Optional<String> written = spelledOut(a, s.text());
          if (written.isEmpty()) {
            continue;
          }
          String right = capitalise(SPACES.matcher(written.get()).replaceAll(" "));
          List<String> wrong = AcronymVariants.of(right, OPTIONS - 1, real, acronym.get());
          if (wrong.size() < MIN_OPTIONS - 1) {
            continue;
          }
          List<Choice> choices = new ArrayList<>();
          choices.add(new Choice(right, true, a.id()));
          wrong.forEach(w -> choices.add(new Choice(w, false, "")));
          String qid = QuestionIds.of(unit.id(), id);
          String stem = "D'après " + source + ", que signifie le sigle « " + acronym.get() + " » ?";
          String fb = acronym.get() + " signifie « " + right + " ». " + Feedback.quote(source, s);
          Question q = multipleChoice(qid, QuestionKind.ACRONYM, stem, choices, fb, s);
          return Optional.of(new Candidate(q, a.id(), 14, Set.of(key(s)), false));
        }
      }
    }
    return Optional.empty();
  }

  private final Map<String, Pattern> acronymPatterns = new HashMap<>();

  private Pattern acronymPattern(String acronym) {
    return acronymPatterns.computeIfAbsent(
        acronym,
        a -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(a) + "(?![\\p{L}\\p{N}])"));
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
    List<String> forms = new ArrayList<>();
    for (String alias : a.aliases()) {
      if (SPACES.split(alias).length >= 3 && alias.chars().noneMatch(Character::isDigit)) {
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

  // ---- helpers --------------------------------------------------------------------------------

  private Candidate candidate(Question q, RoleFact f, int score, boolean faux) {
    return new Candidate(q, f.actorId(), score, Set.of(key(f.evidence())), faux);
  }

  static String key(Sentence s) {
    return s.index() + ":" + s.text();
  }

  private Actor actor(String id) {
    return distractors.actor(id);
  }

  /** Options in an order fixed by the question's id: the same input gives the same quiz. */
  static List<Choice> shuffle(List<Choice> choices, String id) {
    List<Choice> out = new ArrayList<>(choices);
    Collections.shuffle(out, new Random(seed(id)));
    return out;
  }

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
    return SPACES.split(s).length;
  }

  /** Lower case, no accents, straight apostrophes, single spaces: a text as a key. */
  static String fold(String s) {
    return SPACES.matcher(Texts.fold(s).replace('’', '\'')).replaceAll(" ");
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
