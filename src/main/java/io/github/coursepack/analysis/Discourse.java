package io.github.coursepack.analysis;

import io.github.coursepack.model.Actor;
import io.github.coursepack.model.RoleFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reader of one unit's text remembers from sentence to sentence, and how it resolves a
 * subject to an actor.
 *
 * <p>Pronouns: « il, elle, ils, elles » refer to the last actor in subject position when gender and
 * number agree; otherwise to the only agreeing actor that the previous sentence introduced (not as
 * a noun's complement). « celui-ci, celle-ci, ce dernier » refer to the last actor mentioned with
 * the same gender and number, which is what French uses them for.
 */
final class Discourse {

  private static final java.util.Set<String> PLURAL_PRONOUNS =
      java.util.Set.of("ils", "elles", "eux", "ceux-ci", "celles-ci");

  private final ActorCatalog catalog;

  /** The last subject, actor or not: « il » refers to it when it agrees. */
  Referent lastSubject;

  /** The last person the text named, with their actor if the text gave one. */
  Referent lastNamedPerson;

  /** People the text introduced as actors, by first name. */
  final Map<String, Referent> persons = new HashMap<>();

  /** The actor who says « je » in an interview, once they said who they are. */
  Referent speaker;

  /** A « Qui … ? » of the text that the next sentences may answer. */
  Asking pendingQuestion;

  private int questionAge;

  /**
   * A situation the text describes (« Un élève ne trouve pas son manuel ? »), to be solved next.
   */
  String pendingSituation;

  private int situationAge;

  /** The last sentences read, newest last, for « ce plan » and « les » to find what they name. */
  private final java.util.ArrayDeque<Said> recent = new java.util.ArrayDeque<>();

  /** A sentence as read. */
  record Said(String text, List<Token> tokens) {}

  /** How many earlier sentences a demonstrative may reach back to. */
  static final int MEMORY = 3;

  /**
   * Verbs whose object is usually a person: « Le référent peut l'aider » makes a second person the
   * next « il » may stand for.
   */
  static final java.util.Set<String> PERSON_OBJECT_VERBS =
      java.util.Set.of(
          "aider",
          "appeler",
          "accompagner",
          "former",
          "conseiller",
          "contacter",
          "informer",
          "prévenir",
          "rencontrer",
          "recevoir",
          "interpeller",
          "convoquer",
          "inviter",
          "remercier",
          "nommer",
          "désigner",
          "guider",
          "soutenir",
          "orienter",
          "saluer",
          "retrouver",
          "rejoindre",
          "écouter",
          "encourager",
          "solliciter");

  /** Whether the previous sentence named a person (« … chez son principal, M. Okafor. »). */
  private boolean namedInPrevious;

  private Referent namedAtStart;

  /**
   * The last subject when the sentence began: a pronoun after it may refer to a clitic's person.
   */
  private Referent subjectAtStart;

  private List<Referent.Gender> previousClitics = List.of();
  private List<Referent.Gender> clitics = List.of();

  private List<Referent> previousIntroduced = List.of();
  private List<Referent> previousMentions = List.of();
  private List<Referent> introduced = List.of();
  private List<Referent> mentioned = List.of();

  /** Actors and people named in the sentence being read, with where they are named. */
  private final List<Map.Entry<Integer, Referent>> current = new ArrayList<>();

  Discourse(ActorCatalog catalog) {
    this.catalog = catalog;
  }

  /** Forgets everything: a new unit starts. */
  void reset() {
    speaker = null;
    pendingQuestion = null;
    pendingSituation = null;
    recent.clear();
    previousClitics = List.of();
    clitics = List.of();
    lastSubject = null;
    lastNamedPerson = null;
    namedInPrevious = false;
    persons.clear();
    previousIntroduced = List.of();
    previousMentions = List.of();
    introduced = List.of();
    mentioned = List.of();
    current.clear();
  }

  /** Notes the actors a sentence names, before its clauses are read. */
  void beginSentence(List<Token> tokens, List<Mention> mentions, String text) {
    subjectAtStart = lastSubject;
    namedAtStart = lastNamedPerson;
    List<Referent> in = new ArrayList<>();
    List<Referent> all = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.subjectOnly()) {
        continue;
      }
      Referent r = referent(m, tokens);
      all.add(r);
      if (!isNounComplement(m, tokens) && !inQuotes(m, text)) {
        in.add(r);
      }
    }
    introduced = in;
    mentioned = all;
    List<Referent.Gender> found = new ArrayList<>();
    for (int k = 0; k + 1 < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.textMatches("(?i)le|la|l['’]|lui")
          && t.has("R pers obj 3")
          && tokens.get(k + 1).hasVerbLemma(PERSON_OBJECT_VERBS)) {
        found.add(
            t.is("le")
                ? Referent.Gender.M
                : t.is("la") ? Referent.Gender.F : Referent.Gender.EITHER);
      }
    }
    clitics = found;
  }

  /** The last sentences read, oldest first. */
  List<Said> recent() {
    return List.copyOf(recent);
  }

  /** Forgets what the last sentences said, keeping the people: after a title or a preamble. */
  void forgetSentences() {
    previousIntroduced = List.of();
    previousMentions = List.of();
    previousClitics = List.of();
    lastSubject = null;
    recent.clear();
  }

  /** A question of the text is open until it is answered or two sentences have passed. */
  void ask(Asking question) {
    pendingQuestion = question;
    questionAge = 0;
  }

  /** A situation of the text, to be solved by the next sentence that says who acts. */
  void describe(String situation) {
    pendingSituation = situation;
    situationAge = 0;
  }

  /** A heading starts a new part: what the text asked before is closed. */
  void newSection() {
    pendingQuestion = null;
    pendingSituation = null;
  }

  /** Notes where the sentence names actors and known people, once persons are bound. */
  void noteNamed(List<Token> tokens, List<Mention> mentions, PersonBinder binder) {
    current.clear();
    for (Mention m : mentions) {
      if (!m.subjectOnly()) {
        current.add(Map.entry(m.start(), referent(m, tokens)));
      }
    }
    for (Token t : tokens) {
      if (persons.containsKey(t.text()) && binder.isPersonName(t, mentions)) {
        current.add(Map.entry(t.start(), persons.get(t.text())));
      }
    }
  }

  /** The sentence is read: its actors become the previous sentence's. */
  void endSentence(String text, List<Token> tokens, boolean question) {
    namedInPrevious = lastNamedPerson != null && lastNamedPerson != namedAtStart;
    previousIntroduced = introduced;
    previousMentions = mentioned;
    previousClitics = clitics;
    recent.addLast(new Said(text, tokens));
    while (recent.size() > MEMORY) {
      recent.removeFirst();
    }
    if (!question) {
      if (pendingQuestion != null && ++questionAge >= 2) {
        pendingQuestion = null;
      }
      if (pendingSituation != null && ++situationAge >= 2) {
        pendingSituation = null;
      }
    }
  }

  /** For tests: ends a sentence that is not a question. */
  void endSentence() {
    endSentence("", List.of(), false);
  }

  // ---- resolution -----------------------------------------------------------------------------

  /** The actor (or person, or other noun) a subject stands for, if it can be told for sure. */
  Optional<Referent> resolve(Subject s, List<Token> tokens) {
    if (s.mention() != null) {
      int first = Tokens.tokenAfter(tokens, s.mention().start());
      if (first > 0 && tokens.get(first - 1).textMatches("(?i)ce|cet|cette|ces")) {
        return anaphoricMention(s.mention());
      }
      return Optional.of(referent(s.mention(), tokens));
    }
    if (s.via() == RoleFact.Via.PERSON
        || (s.via() == RoleFact.Via.CLEFT && s.mention() == null && s.pronoun() == null)) {
      return Optional.ofNullable(persons.get(tokens.get(s.start()).text()));
    }
    if (s.via() == RoleFact.Via.SPEAKER) {
      return Optional.ofNullable(speaker);
    }
    Token p = s.pronoun();
    Referent.Gender g =
        p.has("R pers suj 3 f")
                || p.has("R dem f")
                || p.text().toLowerCase(Locale.ROOT).startsWith("celle")
                || p.is("cette")
                || p.is("elle")
                || p.is("elles")
            ? Referent.Gender.F
            : Referent.Gender.M;
    boolean plural = PLURAL_PRONOUNS.contains(p.text().toLowerCase(Locale.ROOT));
    if (SubjectFinder.isDemonstrative(tokens, s.start())) {
      if (lastNamedPerson != null
          && lastNamedPerson.actorId() != null
          && lastNamedPerson.agreesWith(g, plural)
          && namedInPrevious) {
        return Optional.of(lastNamedPerson); // « …, M. Okafor. Ce dernier émet un avis… »
      }
      for (int k = previousMentions.size() - 1; k >= 0; k--) {
        Referent r = previousMentions.get(k);
        if (r.agreesWith(g, plural)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
    if (!plural
        && lastSubject == subjectAtStart
        && previousClitics.stream().anyMatch(c -> c.agrees(g))) {
      // « Le référent peut l'aider… Il peut m'écrire »: « il » may be either of them.
      return Optional.empty();
    }
    if (lastSubject != null && lastSubject.agreesWith(g, plural)) {
      return Optional.of(lastSubject);
    }
    // « Le rôle de Nadia est différent : elle aide… »: someone named earlier in the sentence.
    int at = p.start();
    List<Referent> here =
        current.stream()
            .filter(
                e ->
                    e.getKey() < at
                        && e.getValue().agreesWith(g, plural)
                        && e.getValue().actorId() != null)
            .map(Map.Entry::getValue)
            .toList();
    if (!here.isEmpty()) {
      long distinct = here.stream().map(Referent::actorId).distinct().count();
      return distinct == 1 ? Optional.of(here.get(here.size() - 1)) : Optional.empty();
    }
    List<Referent> candidates =
        previousIntroduced.stream()
            .filter(r -> r.agreesWith(g, plural))
            .map(Referent::actorId)
            .distinct()
            .map(
                id ->
                    previousIntroduced.stream()
                        .filter(r -> r.actorId().equals(id))
                        .findFirst()
                        .get())
            .toList();
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /**
   * « Cet inspecteur »: the actor named just before whose names include the word, if any (« l'IEN
   * chargé de la mission numérique » is an inspecteur).
   */
  private Optional<Referent> anaphoricMention(Mention m) {
    String word = m.text().toLowerCase(Locale.ROOT);
    for (int k = previousMentions.size() - 1; k >= 0; k--) {
      Referent r = previousMentions.get(k);
      Actor a = catalog.byId(r.actorId()).orElseThrow();
      List<String> forms = new ArrayList<>(a.aliases());
      forms.addAll(a.expansions());
      forms.add(a.label());
      if (forms.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains(word))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The referent of a mention, with the gender and number its determiner shows. */
  Referent referent(Mention m, List<Token> tokens) {
    Actor actor = catalog.byId(m.actorId()).orElseThrow();
    int i = Tokens.tokenAfter(tokens, m.start());
    Referent.Gender g = Referent.Gender.EITHER;
    boolean plural =
        m.text().equalsIgnoreCase(actor.plural()) && !actor.plural().equals(actor.label());
    if (i > 0) {
      Token det = tokens.get(i - 1);
      if (det.has("D f") || det.has("P+D f")) {
        g = Referent.Gender.F;
      } else if (det.has("D m") || det.has("P+D m")) {
        g = Referent.Gender.M;
      }
      if (det.textMatches("(?i)les|des|aux|ses|leurs|ces")) {
        plural = true;
      } else if (det.textMatches("(?i)le|la|l['’]|du|au|un|une|son|sa|chaque")) {
        plural = false;
      }
    }
    if (g == Referent.Gender.EITHER && !actor.acronyms().contains(m.text())) {
      g = actor.feminine() ? Referent.Gender.F : Referent.Gender.M;
    }
    return new Referent(actor.id(), g, plural, null);
  }

  /** A name inside quotation marks is quoted, not introduced: « lettre de mission "RUPN" ». */
  private static boolean inQuotes(Mention m, String text) {
    String before = text.substring(0, m.start());
    long straight = before.chars().filter(c -> c == '"').count();
    long open = before.chars().filter(c -> c == '«' || c == '“').count();
    long close = before.chars().filter(c -> c == '»' || c == '”').count();
    return straight % 2 == 1 || open > close;
  }

  /** « sous l'autorité de l'IA-DASEN »: a mention that completes a noun is not introduced. */
  static boolean isNounComplement(Mention m, List<Token> tokens) {
    int i = Tokens.tokenAfter(tokens, m.start());
    int k = i - 1;
    while (k >= 0 && Tokens.isDeterminer(tokens.get(k))) {
      k--;
    }
    if (k < 1) {
      return false;
    }
    Token prep = tokens.get(k);
    if (!(prep.is("de") || prep.is("du") || prep.is("des") || prep.textMatches("(?i)d['’]"))) {
      return false;
    }
    Token before = tokens.get(k - 1);
    return before.has("N") && !before.has("V");
  }
}
