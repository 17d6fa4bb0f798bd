package io.github.coursepack.quiz;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.Mention;
import io.github.coursepack.analysis.MentionFinder;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Level;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which actors may stand as wrong answers, and which as the wrong subject of a statement.
 *
 * <p>A distractor must make the learner think: first the actor the text sets against the answer («
 * ce n'est pas le référent numérique mais le département »), then the other actors of the same
 * text, then actors of the same school level from the rest of the course and the catalogue; never
 * an actor of the other school level when the text is about one (no « chef d'établissement » for a
 * primary-school eRUN). It is never of the answer's group, never credited by the course with
 * anything like the answer's action, never named in the evidence sentence (unless as the one the
 * text denies), and never one whose name contains the answer's or is contained in it (« L'IEN » and
 * « L'IEN chargé de la mission numérique »).
 */
final class Distractors {

  /** Which school an actor or a text is about. */
  enum Degree {
    PRIMARY,
    SECONDARY,
    ANY;

    boolean fits(Degree other) {
      return this == ANY || other == ANY || this == other;
    }
  }

  private static final Pattern PRIMARY_WORDS =
      Pattern.compile(
          "(?iu).*\\b(premier degré|1er degré|1er degre|école primaire|écoles primaires|"
              + "école maternelle|école élémentaire|écoles|circonscription)\\b.*");

  private static final Pattern SECONDARY_WORDS =
      Pattern.compile(
          "(?iu).*\\b(second degré|2nd degré|2d degré|collèges?|lycées?|EPLE|établissements?"
              + " scolaires?)\\b.*");

  /** A word said in more sentences than this is too common to tell two actions apart. */
  private static final int COMMON = 6;

  private final ActorCatalog catalog;
  private final MentionFinder finder;
  private final Map<String, List<RoleFact>> factsByUnit;
  private final Set<String> courseActors = new LinkedHashSet<>();

  /** The positive facts of each actor, by content word. */
  private final Map<String, Map<String, List<RoleFact>>> wordIndex = new HashMap<>();

  /** In how many sentences of the course each content word appears. */
  private final Map<String, Integer> sentenceFrequency;

  private final Map<String, Boolean> credited = new HashMap<>();

  /**
   * « C'est le chef d'établissement [qui est] responsable de traitement »: actors the course says
   * are another actor, which then never stand against each other.
   */
  private final Map<String, Set<String>> isA = new HashMap<>();

  private final Map<String, List<Mention>> mentions = new HashMap<>();
  private final Map<String, List<String>> unitActors = new HashMap<>();
  private final Map<String, Degree> degrees = new HashMap<>();

  Distractors(
      Course course,
      ActorCatalog catalog,
      MentionFinder finder,
      Map<String, List<RoleFact>> factsByUnit,
      Map<String, Integer> sentenceFrequency) {
    this.catalog = catalog;
    this.finder = finder;
    this.factsByUnit = factsByUnit;
    this.sentenceFrequency = sentenceFrequency;
    for (Unit u : course.units()) {
      for (RoleFact f : factsByUnit.getOrDefault(u.id(), List.of())) {
        courseActors.add(f.actorId());
        if (f.polarity() != Polarity.POSITIVE) {
          continue;
        }
        String p = f.who().orElse(f.predicate());
        if (IDENTITY.matcher(p).matches()) {
          finder.find(p).stream()
              .filter(m -> m.start() <= 8 && !m.actorId().equals(f.actorId()))
              .findFirst()
              .ifPresent(
                  m -> {
                    isA.computeIfAbsent(f.actorId(), k -> new HashSet<>()).add(m.actorId());
                    isA.computeIfAbsent(m.actorId(), k -> new HashSet<>()).add(f.actorId());
                  });
        }
        Map<String, List<RoleFact>> index =
            wordIndex.computeIfAbsent(f.actorId(), k -> new HashMap<>());
        for (String w : Similarity.words(f.predicate() + " " + f.who().orElse(""))) {
          index.computeIfAbsent(w, k -> new ArrayList<>()).add(f);
        }
      }
    }
  }

  // ---- the unit's actors ------------------------------------------------------------------------

  /** Actors the unit's text names, in order of first mention (services and broad ones left out). */
  List<Actor> ofUnit(Unit unit) {
    return unitActors
        .computeIfAbsent(
            unit.id(),
            id -> {
              Set<String> out = new LinkedHashSet<>();
              for (TextBlock b : unit.textBlocks()) {
                for (Sentence s : b.sentences()) {
                  find(s.text()).stream()
                      .filter(m -> !m.subjectOnly())
                      .forEach(m -> out.add(m.actorId()));
                }
              }
              factsByUnit.getOrDefault(unit.id(), List.of()).forEach(f -> out.add(f.actorId()));
              return List.copyOf(out);
            })
        .stream()
        .map(this::actor)
        .filter(a -> !a.service() && !a.generic())
        .toList();
  }

  /** The school the unit is about, from the actors it names and the words it uses. */
  Degree degree(Unit unit) {
    return degrees.computeIfAbsent(
        unit.id(),
        id -> {
          int primary = 0;
          int secondary = 0;
          for (Actor a : ofUnit(unit)) {
            switch (degree(a)) {
              case PRIMARY -> primary++;
              case SECONDARY -> secondary++;
              default -> {}
            }
          }
          StringBuilder text = new StringBuilder(unit.title()).append(' ');
          unit.textBlocks().forEach(b -> text.append(b.text()).append(' '));
          String t = text.toString();
          boolean p = PRIMARY_WORDS.matcher(t).matches();
          boolean s = SECONDARY_WORDS.matcher(t).matches();
          primary += p ? 1 : 0;
          secondary += s ? 1 : 0;
          if (primary > 0 && secondary == 0) {
            return Degree.PRIMARY;
          }
          if (secondary > 0 && primary == 0) {
            return Degree.SECONDARY;
          }
          return Degree.ANY;
        });
  }

  static Degree degree(Actor a) {
    return a.level() == Level.ECOLE || a.level() == Level.CIRCONSCRIPTION
        ? Degree.PRIMARY
        : a.level() == Level.ETABLISSEMENT ? Degree.SECONDARY : Degree.ANY;
  }

  // ---- wrong answers ----------------------------------------------------------------------------

  /**
   * Up to {@code most} wrong answers to « Qui {@code f} ? », best first: the actor the text denies,
   * the unit's actors, then the course's and the catalogue's of the same school level.
   *
   * @param asked the question's own words, whose actors are never options
   */
  List<Actor> forQuestion(Unit unit, Actor answer, RoleFact f, String asked, int most) {
    Set<String> inQuestion = new HashSet<>();
    Set<String> named = new HashSet<>();
    for (Mention m : find(asked)) {
      inQuestion.add(m.actorId());
      named.add(m.actorId());
      // « qui intervient pour le compte de la collectivité ? »: not the commune either.
      Actor a = actor(m.actorId());
      catalog.actors().stream().filter(a::sameGroup).forEach(g -> named.add(g.id()));
    }
    find(f.evidence().text()).forEach(m -> named.add(m.actorId()));
    Degree degree = degree(unit);
    List<Actor> out = new ArrayList<>();
    Set<String> considered = new HashSet<>();
    // 1. The actor the text sets against the answer.
    f.contrast()
        .flatMap(catalog::byId)
        .filter(a -> fits(a, answer, f) && !inQuestion.contains(a.id()))
        .ifPresent(out::add);
    out.forEach(a -> considered.add(a.id()));
    // 2. The unit's actors, in the order the text names them, then 3. the course's, then 4. the
    // catalogue's, nearest level first.
    List<List<Actor>> pools = new ArrayList<>();
    pools.add(ofUnit(unit));
    // Who has authority over whom: an actor the text does not name may well have it too (the
    // IA-DASEN over teachers, above their IEN), so only the text's actors stand as wrong answers.
    boolean hierarchy = HIERARCHY.matcher(f.who().orElse("")).matches();
    if (!hierarchy) {
      List<Actor> course = new ArrayList<>();
      for (String id : courseActors) {
        catalog.byId(id).filter(a -> degree(a).fits(degree)).ifPresent(course::add);
      }
      pools.add(nearestFirst(course, answer));
      pools.add(
          nearestFirst(
              catalog.people().stream()
                  .filter(a -> degree(a).fits(degree) && !a.generic())
                  .toList(),
              answer));
    }
    for (List<Actor> pool : pools) {
      for (Actor a : pool) {
        if (out.size() == most) {
          return out;
        }
        if (!considered.add(a.id()) || named.contains(a.id()) || !fits(a, answer, f)) {
          continue;
        }
        if (out.stream().anyMatch(o -> overlapping(o, a))) {
          continue;
        }
        out.add(a);
      }
    }
    return out;
  }

  private static List<Actor> nearestFirst(List<Actor> actors, Actor answer) {
    List<Actor> out = new ArrayList<>(actors);
    out.sort(
        Comparator.comparingInt((Actor a) -> a.level().distance(answer.level()))
            .thenComparing(Actor::id));
    return out;
  }

  /**
   * The actor of the text to put in the place of {@code f}'s actor, for a statement that is false
   * because the text gives the role to someone else; the text's own contrast first.
   */
  Optional<Actor> swapFor(Unit unit, RoleFact f) {
    Actor answer = actor(f.actorId());
    Set<String> named = new HashSet<>();
    find(f.evidence().text()).forEach(m -> named.add(m.actorId()));
    find(f.who().orElse("") + " " + f.scope().orElse("")).forEach(m -> named.add(m.actorId()));
    Optional<Actor> contrast = f.contrast().flatMap(catalog::byId).filter(a -> fits(a, answer, f));
    if (contrast.isPresent()) {
      return contrast;
    }
    if (!exclusive(f)) {
      return Optional.empty(); // « participe aux échanges »: others may well do it too
    }
    List<Actor> pool = new ArrayList<>(ofUnit(unit));
    pool.sort(Comparator.comparingInt((Actor a) -> a.level().distance(answer.level())));
    // An actor the text says does something else: the statement is then false by the text, and
    // the feedback can say what that actor does instead.
    return pool.stream()
        .filter(a -> !named.contains(a.id()) && fits(a, answer, f))
        .filter(a -> bestFactOf(unit, a.id()).isPresent())
        .findFirst();
  }

  /** « est le chef d'établissement »: a predicate that says who someone is. */
  private static final Pattern IDENTITY = Pattern.compile("(?iu)^(est|sont) .*");

  /** « a autorité sur les enseignants »: who is above whom. */
  private static final Pattern HIERARCHY = Pattern.compile("(?iu)^a autorité sur .*");

  /** Verbs of a role that one actor holds: saying it of another is false, not merely unsaid. */
  private static final Pattern EXCLUSIVE =
      Pattern.compile(
          "(?iu)^(ne |n')?(a |doit |peut )?(décide|finance|achète|répare|entretient|désigne|nomme"
              + "|valide|pilote|gère|arrête|attribue|affecte|définit|fixe|signe|notifie|héberge"
              + "|équipe|déploie|administre|convoque|est propriétaire|est responsable|est chargée?"
              + "|a la charge|a autorité|a la responsabilité|revient|incombe|appartient|relève"
              + "|prend la décision|prend en charge|assure la maintenance|dirige|recrute|évalue"
              + "|a désigné|a nommé|a validé|a conçu|conçoit|construit|élabore|débloque"
              + "|faut-il) .*");

  /** Whether the fact's role belongs to its actor alone, as far as a statement can tell. */
  static boolean exclusive(RoleFact f) {
    return EXCLUSIVE.matcher(f.who().orElse(f.predicate())).matches()
        || f.via() == RoleFact.Via.CLEFT
        || f.via() == RoleFact.Via.ANSWER;
  }

  /**
   * Whether {@code a} may be a wrong option beside {@code answer} at all: another actor, a person
   * rather than a service, specific, and not of the answer's group.
   */
  static boolean mayBeOption(Actor a, Actor answer) {
    return !a.id().equals(answer.id()) && !a.service() && !a.generic() && !a.sameGroup(answer);
  }

  /** Whether {@code a} may stand against {@code answer} for {@code f}. */
  private boolean fits(Actor a, Actor answer, RoleFact f) {
    return mayBeOption(a, answer)
        && !overlapping(a, answer)
        && !isAnother(a, answer)
        && !namesPartOf(a, f)
        && !creditedWith(a, f);
  }

  /**
   * Whether the course says one is the other, or one of the other's group is (the IA-DASEN is
   * responsable de traitement for the schools: then the DSDEN is no wrong answer either).
   */
  private boolean isAnother(Actor a, Actor answer) {
    for (Actor x : catalog.actors()) {
      if (x.id().equals(a.id()) || x.sameGroup(a)) {
        if (isA.getOrDefault(x.id(), Set.of()).contains(answer.id())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * « Qui est rattaché à une circonscription ? »: the conseiller pédagogique de circonscription's
   * very name would make it a plausible answer.
   */
  private boolean namesPartOf(Actor a, RoleFact f) {
    Set<String> asked = Similarity.words(f.who().orElse(f.predicate()));
    Set<String> name = new HashSet<>(Similarity.words(a.label()));
    a.expansions().forEach(e -> name.addAll(Similarity.words(e)));
    name.removeIf(w -> sentenceFrequency.getOrDefault(w, 0) > COMMON);
    return name.stream().anyMatch(asked::contains);
  }

  /** « L'IEN » and « L'IEN chargé de la mission numérique »: one name holds the other. */
  static boolean overlapping(Actor a, Actor b) {
    String x = QuizGenerator.fold(a.label());
    String y = QuizGenerator.fold(b.label());
    return x.contains(y) || y.contains(x);
  }

  /** Whether the course credits {@code actor} with something like {@code f}. */
  boolean creditedWith(Actor actor, RoleFact f) {
    String predicate = f.predicate() + " " + f.who().orElse("");
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
                  x -> {
                    String other = x.predicate() + " " + x.who().orElse("");
                    return Similarity.similar(other, predicate)
                        || sharedTellingWords(other, predicate) >= 2;
                  });
        });
  }

  private long sharedTellingWords(String a, String b) {
    Set<String> y = Similarity.words(b);
    return Similarity.words(a).stream()
        .filter(y::contains)
        .filter(w -> sentenceFrequency.getOrDefault(w, 0) <= COMMON)
        .count();
  }

  /** The unit's positive facts of an actor, best first: what the text says that actor does. */
  Optional<RoleFact> bestFactOf(Unit unit, String actorId) {
    return factsByUnit.getOrDefault(unit.id(), List.of()).stream()
        .filter(x -> x.actorId().equals(actorId))
        .filter(x -> x.polarity() == Polarity.POSITIVE && x.claim().isPresent())
        .filter(x -> x.salience() > 0 && x.situation().isEmpty())
        .max(Comparator.comparingInt(RoleFact::salience));
  }

  List<Mention> find(String text) {
    return mentions.computeIfAbsent(text, finder::find);
  }

  Actor actor(String id) {
    return catalog.byId(id).orElseThrow(() -> new IllegalStateException("unknown actor " + id));
  }
}
