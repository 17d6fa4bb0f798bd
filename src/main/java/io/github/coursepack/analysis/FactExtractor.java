package io.github.coursepack.analysis;

import io.github.coursepack.io.Digests;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Claim;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds who does what in a unit's sentences: for each clause, the actor in subject position (named,
 * a pronoun, a person the text introduced as an actor, a relative « qui », a cleft « c'est … qui »,
 * the speaker of an interview) or in one of the {@link Constructions} that name the actor elsewhere
 * (a contrast, a duty, a share, an authority, a passive's agent, whom to turn to), the answer to a
 * « Qui … ? » of the text, and the verb phrase with its polarity. It is deliberately cautious: a
 * clause whose subject cannot be resolved for sure, or whose verb phrase leans on context (object
 * pronouns, names of people, « vous »), gives no question form.
 *
 * <p>The work is shared out: {@link SubjectFinder} finds clauses and subjects, {@link Discourse}
 * resolves them to actors (with {@link PersonBinder} for the people the text introduces), {@link
 * FactForms} writes the French forms questions need, {@link Lead} reads what comes before a subject
 * and {@link Salience} scores each fact.
 *
 * <p>Usage: {@code List<RoleFact> facts = new FactExtractor(catalog, nlp).extract(title, blocks);}
 */
public final class FactExtractor {

  private static final Pattern MISSION_WORDS =
      Pattern.compile("(?s).*\\b(missions?|rôles?|activités|tâches|attributions)\\b.*");
  private static final Pattern POSSESSIVE_START = Pattern.compile("(?s)^(ses|son|sa|leurs?)\\b.*");
  private static final Pattern LIST_MARK =
      Pattern.compile("^[\\s▶►•●○‣∙·*–—-]*(\\d{1,2}\\s*[.)]\\s*)?");
  private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.;,]+$");
  private static final Pattern PRESENT_3S = Pattern.compile("V (ind|sub) pres 3 s");

  /** « référent.e.s », « élu·es »: inclusive writing. */
  private static final Pattern INCLUSIVE_WRITING =
      Pattern.compile("(?s).*\\p{L}[.·](e|es|e\\.s)(?!\\p{L}).*");

  private static final Pattern PRESENT_1S = Pattern.compile("V( etre| avoir)? ind pres 1 s");
  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([,.;:])");
  private static final Pattern NOT_A_KEY_CHARACTER = Pattern.compile("[^a-z0-9']+");

  /** A noun's tag that agrees with a pronoun, by the pronoun's gender and number. */
  private static final java.util.Map<String, Pattern> AGREEING_NOUN =
      java.util.Map.of(
          "fs", Pattern.compile("N [fe] (s|sp)"),
          "fp", Pattern.compile("N [fe] (p|sp)"),
          "ms", Pattern.compile("N [me] (s|sp)"),
          "mp", Pattern.compile("N [me] (p|sp)"));

  private static final Set<String> NEGATION_ENDS =
      Set.of(
          "pas",
          "plus",
          "jamais",
          "point",
          "guère",
          "rien",
          "aucun",
          "aucune",
          "personne",
          "ni",
          "nullement");

  private static final Set<String> SECOND_PERSON =
      Set.of(
          "vous", "votre", "vos", "nous", "notre", "nos", "je", "tu", "te", "t'", "me", "m'", "j'",
          "on", "mon", "ma", "mes", "moi");

  /**
   * Verbs of what an actor receives or relies on, not of what it does: « peut s'appuyer sur
   * l'assistance », « peut compter sur le soutien ». Anyone could; they make no question.
   */
  private static final Set<String> BENEFICIARY_VERBS =
      Set.of("appuyer", "compter", "bénéficier", "profiter", "recevoir", "obtenir");

  private static final int MAX_PREDICATE_WORDS = 28;
  private static final int MIN_PREDICATE_WORDS = 2;

  /** A shorter verb phrase (« pilote et évalue ») is too vague to ask « Qui … ? » about. */
  private static final int MIN_QUESTION_WORDS = 4;

  private final ActorCatalog catalog;
  private final MentionFinder finder;
  private final FrenchNlp nlp;
  private final Discourse discourse;
  private final Antecedents antecedents;
  private final PersonBinder binder;
  private final SubjectFinder subjects;
  private final FactForms forms;

  /** A sentence as the clause readers receive it. */
  private record Read(Sentence sentence, List<Token> tokens, List<Mention> mentions, String text) {}

  /**
   * What a clause adds to its facts.
   *
   * @param lead what comes before the subject
   * @param contrast the actor the text sets against the subject
   * @param firstPerson the verb is in the first person (an interview)
   */
  private record Extras(Lead lead, Optional<String> contrast, boolean firstPerson) {
    static final Extras NONE = new Extras(Lead.NONE, Optional.empty(), false);

    Extras withLead(Lead l) {
      return new Extras(l, contrast, firstPerson);
    }

    Extras withContrast(String actorId) {
      return new Extras(lead, Optional.of(actorId), firstPerson);
    }
  }

  /** The heading being read ends with a question: its other sentences set the situation. */
  private boolean headingAsks;

  /**
   * The clause being read answers a situation (« Si …, », « quand …, »): its question says the
   * situation, so a short verb phrase (« qui envoie un technicien ? ») is enough.
   */
  private boolean situated;

  /** The sentence starts with a condition that cannot be carried into a question. */
  private boolean conditionUnsaid;

  /** The actors the last heading or question of the text named: what « ce rôle » is about. */
  private List<String> topicActors = List.of();

  /** The actors that were the subjects of the sentence's clauses so far, in order. */
  private final List<Referent> clauseSubjects = new ArrayList<>();

  /** « Ce n'est pas X mais Y : elle … »: the contrast the rest of the sentence is about. */
  private Constructions.Contrast sentenceContrast;

  public FactExtractor(ActorCatalog catalog, FrenchNlp nlp) {
    this.catalog = catalog;
    this.finder = new MentionFinder(catalog);
    this.nlp = nlp;
    this.discourse = new Discourse(catalog);
    this.antecedents = new Antecedents(discourse);
    this.binder = new PersonBinder(catalog, discourse);
    this.subjects = new SubjectFinder(discourse);
    this.forms = new FactForms(nlp);
  }

  /** The facts of a unit's text blocks (transcript or article), in text order. */
  public List<RoleFact> extract(List<TextBlock> blocks) {
    return extract("", blocks);
  }

  /**
   * The facts of a unit's text blocks, in text order.
   *
   * @param preamble the unit's title, read first for the people it introduces (« Une journée avec
   *     Karim, directeur d'école »)
   */
  public List<RoleFact> extract(String preamble, List<TextBlock> blocks) {
    discourse.reset();
    if (!preamble.isBlank()) {
      List<Token> tokens = nlp.tokens(preamble);
      List<Mention> mentions = finder.find(preamble);
      discourse.beginSentence(tokens, mentions, preamble);
      binder.bind(tokens, mentions, preamble);
      discourse.forgetSentences();
    }
    List<RoleFact> facts = new ArrayList<>();
    String missionActor = null;
    boolean previousWasMissionItem = false;
    List<String> blockActors = List.of();
    for (TextBlock block : blocks) {
      boolean missionItem = false;
      if (block.kind() == TextBlock.Kind.HEADING) {
        discourse.newSection();
      }
      if (block.kind() == TextBlock.Kind.PARAGRAPH || block.kind() == TextBlock.Kind.HEADING) {
        String text = block.text().strip();
        if (text.endsWith(":")) {
          Optional<String> named = missionIntro(text, blockActors);
          missionActor = named.orElse(previousWasMissionItem ? missionActor : null);
        } else if (block.kind() == TextBlock.Kind.PARAGRAPH) {
          missionActor = null;
        }
      }
      List<String> named = new ArrayList<>();
      headingAsks =
          block.kind() == TextBlock.Kind.HEADING
              && block.sentences().size() > 1
              && block.sentences().get(block.sentences().size() - 1).text().strip().endsWith("?");
      for (Sentence sentence : block.sentences()) {
        List<Mention> found = finder.find(sentence.text());
        facts.addAll(sentence(sentence, block.kind(), found));
        found.stream().filter(m -> !m.subjectOnly()).map(Mention::actorId).forEach(named::add);
        if (block.kind() == TextBlock.Kind.LIST_ITEM && missionActor != null) {
          Optional<RoleFact> mission = missionItem(sentence, missionActor);
          mission.ifPresent(facts::add);
          missionItem |= mission.isPresent();
        }
      }
      blockActors = named.stream().distinct().toList();
      previousWasMissionItem = missionItem;
    }
    Map<String, RoleFact> byId = new LinkedHashMap<>();
    for (RoleFact f : facts) {
      byId.putIfAbsent(f.id(), f);
    }
    return List.copyOf(byId.values());
  }

  /**
   * « Les missions … des référent.e.s … (RUPN) ont été ainsi définies : » introduces a list of
   * missions of the actor it names; « Ses missions : » those of the actor the block before named («
   * Diapositive 3 – Les missions de l'IAN »).
   */
  private Optional<String> missionIntro(String text, List<String> blockActors) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!MISSION_WORDS.matcher(lower).matches()) {
      return Optional.empty();
    }
    List<String> actors =
        finder.find(text).stream()
            .filter(m -> !m.subjectOnly())
            .map(Mention::actorId)
            .distinct()
            .toList();
    if (actors.size() == 1) {
      return Optional.of(actors.get(0));
    }
    if (actors.isEmpty() && POSSESSIVE_START.matcher(lower).matches()) {
      if (blockActors.size() == 1) {
        return Optional.of(blockActors.get(0));
      }
      if (discourse.lastSubject != null && discourse.lastSubject.actorId() != null) {
        return Optional.of(discourse.lastSubject.actorId());
      }
    }
    return Optional.empty();
  }

  /** A list item of missions: « ▶ 1. Développer et faciliter l'utilisation… ». */
  private Optional<RoleFact> missionItem(Sentence sentence, String actorId) {
    String text = LIST_MARK.matcher(sentence.text()).replaceFirst("").strip();
    text = FINAL_PUNCTUATION.matcher(text).replaceFirst("").strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<Token> tokens = nlp.tokens(text);
    if (tokens.isEmpty() || !tokens.get(0).has("V inf")) {
      return Optional.empty();
    }
    int words = (int) tokens.stream().filter(t -> !t.isPunctuation()).count();
    if (words < MIN_PREDICATE_WORDS || words > MAX_PREDICATE_WORDS) {
      return Optional.empty();
    }
    Actor actor = catalog.byId(actorId).orElseThrow();
    String infinitive = Character.toLowerCase(text.charAt(0)) + text.substring(1);
    String of = Tokens.startsWithVowelSound(infinitive) ? "d'" : "de ";
    String who = "a pour mission " + of + infinitive;
    String id = factId(actor, infinitive);
    boolean standsAlone =
        tokens.stream()
            .noneMatch(t -> t.textMatches("(?i)ce|cet|cette|ces|vous|votre|vos|nous|notre"));
    RoleFact f =
        RoleFact.of(
                id,
                actor.id(),
                Polarity.POSITIVE,
                infinitive,
                standsAlone ? Optional.of(who) : Optional.empty(),
                standsAlone ? Optional.of(infinitive) : Optional.empty(),
                Optional.of(actor.definiteCapitalised() + " " + who + "."),
                sentence,
                RoleFact.Via.MISSION)
            .withClaim(standsAlone ? Optional.of(Claim.subject(who, who)) : Optional.empty());
    return Optional.of(f.withSalience(Salience.of(f, tokens.get(0), Lead.NONE, tokens, text)));
  }

  // ---- one sentence ---------------------------------------------------------------------------

  /** The facts of one sentence, whose actors' mentions {@code found} holds. */
  private List<RoleFact> sentence(Sentence sentence, TextBlock.Kind kind, List<Mention> found) {
    String text = sentence.text();
    List<Token> tokens = verbAfterActors(nlp.tokens(text), found);
    List<Mention> mentions = promote(found, tokens);
    clauseSubjects.clear();
    discourse.beginSentence(tokens, mentions, text);
    binder.bind(tokens, mentions, text);
    discourse.noteNamed(tokens, mentions, binder);
    bindSpeaker(tokens, mentions);
    Read r = new Read(sentence, tokens, mentions, text);
    boolean question = text.strip().endsWith("?");
    if (question || kind == TextBlock.Kind.HEADING) {
      topicActors =
          mentions.stream().filter(m -> !m.subjectOnly()).map(Mention::actorId).distinct().toList();
    }
    List<RoleFact> facts = new ArrayList<>();
    sentenceContrast = null;
    if (question) {
      readQuestion(r);
    } else if (kind == TextBlock.Kind.HEADING) {
      if (headingAsks) {
        discourse.describe(
            Situations.situationText(text)); // « Je ne peux plus me connecter… » « Qui ? »
      }
    } else {
      int start = 0;
      Optional<String> situation = Optional.empty();
      int comma = Situations.conditionEnd(tokens);
      boolean boundByCondition = false;
      situated = false;
      if (comma > 0) {
        situation = Situations.situationOf(tokens, text, comma);
        situated = situation.isPresent();
        start = comma + 1;
        // « Si c'est toute la plateforme qui est en panne, l'incident est pris en charge… »: a
        // condition that cannot be said limits the fact, which then makes no question.
        boundByCondition = situation.isEmpty();
      }
      conditionUnsaid = boundByCondition;
      for (int[] clause : subjects.clauses(tokens, mentions)) {
        int from = Math.max(clause[0], start);
        if (from < clause[1]) {
          facts.addAll(clause(r, from, clause[1]));
        }
      }
      for (SubjectFinder.Relative rel : subjects.relatives(tokens, mentions)) {
        if (rel.verbStart() - 1 < start) {
          continue;
        }
        fact(
                r,
                rel.verbStart(),
                rel.end(),
                discourse.referent(rel.mention(), tokens),
                RoleFact.Via.RELATIVE,
                rel.pluralVerb(),
                Extras.NONE)
            .ifPresent(facts::add);
      }
      facts.addAll(objectRelatives(r, start));
      facts.addAll(answer(r));
      Optional<String> solved = situation.or(() -> Optional.ofNullable(discourse.pendingSituation));
      List<RoleFact> placed = new ArrayList<>();
      for (RoleFact f : facts) {
        if (solved.isPresent() && f.who().isPresent() && f.situation().isEmpty()) {
          f = f.withSituation(solved);
        }
        if (f.via() == RoleFact.Via.CONTACT && f.situation().isEmpty() && f.scope().isEmpty()) {
          continue; // « il faut prévenir X » says nothing without the situation it solves
        }
        placed.add(f);
      }
      if (solved.isPresent() && placed.stream().anyMatch(f -> f.situation().isPresent())) {
        discourse.pendingSituation = null;
      }
      facts = placed;
    }
    discourse.endSentence(text, tokens, question);
    return facts;
  }

  /**
   * « La commune finance l'équipement »: the tagger may read a verb after an actor's name as a noun
   * (« la commune finance », the common finance). A word after an actor that starts a clause, with
   * no verb reading, gets its readings as a verb when it has some.
   */
  private List<Token> verbAfterActors(List<Token> tokens, List<Mention> mentions) {
    List<Token> out = new ArrayList<>(tokens);
    for (Mention m : mentions) {
      int first = Tokens.tokenAfter(tokens, m.start());
      int after = Tokens.tokenAfter(tokens, m.end());
      if (after >= tokens.size() || tokens.get(after).has("V") || !tokens.get(after).has("N")) {
        continue;
      }
      int before = first - 1;
      while (before >= 0 && Tokens.isDeterminer(tokens.get(before))) {
        before--;
      }
      boolean clauseStart = before < 0 || tokens.get(before).isPunctuation();
      if (!clauseStart || after + 1 >= tokens.size() || !tokens.get(after + 1).has("D")) {
        continue; // « la commune finance l'équipement »: a determiner follows the verb
      }
      Token t = tokens.get(after);
      List<Token.Reading> verb = nlp.asVerb(t.text());
      if (verb.stream().anyMatch(r -> PRESENT_3S.matcher(r.pos()).matches())) {
        out.set(after, new Token(t.text(), t.start(), t.end(), verb));
      }
    }
    return out;
  }

  /**
   * « un ticket d'incident, que chaque enseignant remplit lui-même sur le portail » : the actor of
   * an object relative does what the relative says to the noun phrase before it (« Qui remplit un
   * ticket d'incident sur le portail ? »).
   */
  private List<RoleFact> objectRelatives(Read r, int start) {
    List<Token> tokens = r.tokens();
    List<RoleFact> out = new ArrayList<>();
    for (int k = Math.max(1, start); k + 2 < tokens.size(); k++) {
      if (!tokens.get(k).textMatches("(?i)que|qu['’]")) {
        continue;
      }
      int npEnd = tokens.get(k - 1).is(",") ? k - 1 : k;
      int npStart = npEnd - 1;
      while (npStart > 0
          && (tokens.get(npStart).has("N")
              || tokens.get(npStart).has("J")
              || tokens.get(npStart).textMatches("(?i)de|d['’]|du|des"))
          && !tokens.get(npStart).isFinite()) {
        npStart--;
      }
      if (npStart >= npEnd || !tokens.get(npStart).textMatches("(?i)un|une|le|la|l['’]|les")) {
        continue;
      }
      int s = k + 1;
      while (s < tokens.size() && Tokens.isDeterminer(tokens.get(s))) {
        s++;
      }
      Optional<Mention> m =
          s < tokens.size() ? Tokens.mentionStartingAt(r.mentions(), tokens, s) : Optional.empty();
      if (m.isEmpty()) {
        continue;
      }
      int verb = Tokens.tokenAfter(tokens, m.get().end());
      if (verb >= tokens.size() || !tokens.get(verb).isFiniteThirdPerson()) {
        continue;
      }
      int end = Tokens.findAny(tokens, verb + 1, tokens.size(), ",", ".", ";", ":", "!", "?");
      end = end < 0 ? tokens.size() : end;
      StringBuilder text = new StringBuilder(tokens.get(verb).text());
      text.append(' ').append(r.text(), tokens.get(npStart).start(), tokens.get(npEnd - 1).end());
      for (int j = verb + 1; j < end; j++) {
        Token t = tokens.get(j);
        if (t.textMatches("(?i)(lui|elle|eux|elles)-mêmes?")) {
          continue; // « remplit lui-même »: emphasis, no role
        }
        text.append(t.start() > tokens.get(j - 1).end() ? " " : "").append(t.text());
      }
      String phrase = text.toString();
      Read rewritten = new Read(r.sentence(), nlp.tokens(phrase), finder.find(phrase), phrase);
      Referent actor = discourse.referent(m.get(), tokens);
      fact(
              rewritten,
              0,
              rewritten.tokens().size(),
              actor,
              RoleFact.Via.RELATIVE,
              Tokens.verbIsPlural(tokens.get(verb)),
              Extras.NONE)
          .ifPresent(out::add);
    }
    return out;
  }

  /**
   * « Sa candidature arrive chez son principal, M. Okafor »: a name that is an actor's only as a
   * subject (principal is also an adjective) names it after a possessive when a name or a comma
   * follows.
   */
  private static List<Mention> promote(List<Mention> mentions, List<Token> tokens) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.subjectOnly()) {
        int i = Tokens.tokenAfter(tokens, m.start());
        int after = Tokens.tokenAfter(tokens, m.end());
        boolean possessive =
            i > 0 && tokens.get(i - 1).textMatches("(?i)son|sa|leur|notre|votre|mon|ma");
        boolean closed =
            after >= tokens.size()
                || tokens.get(after).isPunctuation()
                || Character.isUpperCase(tokens.get(after).text().charAt(0));
        if (possessive && closed) {
          m = new Mention(m.actorId(), m.start(), m.end(), m.text(), false);
        }
      }
      out.add(m);
    }
    return out;
  }

  /** « Je suis DPD académique depuis 2019. »: the speaker says which actor they are. */
  private void bindSpeaker(List<Token> tokens, List<Mention> mentions) {
    for (int k = 0; k + 1 < tokens.size(); k++) {
      if (SubjectFinder.isFirstPerson(tokens.get(k)) && tokens.get(k + 1).is("suis")) {
        Optional<Mention> m =
            Constructions.actorAt(tokens, mentions, k + 2, Math.min(tokens.size(), k + 5));
        if (m.isPresent() && !catalog.byId(m.get().actorId()).map(Actor::generic).orElse(true)) {
          discourse.speaker = discourse.referent(m.get(), tokens);
          return;
        }
      }
    }
  }

  // ---- questions and situations ---------------------------------------------------------------

  /**
   * A question of the text: « (Dans un collège,) qui est responsable de traitement ? » may be
   * answered next; a situation asked as a question (« Un élève ne trouve pas son manuel ? ») may be
   * solved next.
   */
  private void readQuestion(Read r) {
    List<Token> tokens = r.tokens();
    int end = tokens.size();
    while (end > 0 && tokens.get(end - 1).isPunctuation()) {
      end--;
    }
    for (int k = 0; k < end; k++) {
      if (!tokens.get(k).is("qui")) {
        continue;
      }
      Lead lead = k == 0 ? Lead.NONE : Lead.before(tokens, 0, k, r.text());
      if (k > 0 && lead.kind() == Lead.Kind.NONE) {
        break;
      }
      List<Token> phrase = tokens.subList(k + 1, end);
      boolean ok =
          !phrase.isEmpty()
              && (phrase.get(0).isFiniteThirdPerson()
                  || phrase.get(0).isInfinitive()
                  || Tokens.isNe(phrase.get(0)))
              && phrase.stream()
                  .noneMatch(
                      t ->
                          SECOND_PERSON.contains(t.text().toLowerCase(Locale.ROOT))
                              || t.textMatches("(?i)ce|cet|cette|ces|-t-il|-il|-elle"));
      if (ok && lead.kind() != Lead.Kind.CONTEXT) {
        discourse.ask(
            new Asking(
                phrase,
                r.text(),
                lead.kind() == Lead.Kind.SCOPE ? Optional.of(lead.text()) : Optional.empty()));
      }
      return;
    }
    if (Situations.isSituation(tokens)) {
      discourse.describe(Situations.situationText(r.text()));
    }
  }

  /**
   * « Qui est responsable d'affectation ? Par défaut, c'est le chef d'établissement. »: the answer
   * to the text's question, as a fact on the actor that answers it.
   */
  private List<RoleFact> answer(Read r) {
    Asking q = discourse.pendingQuestion;
    if (q == null) {
      return List.of();
    }
    List<Token> tokens = r.tokens();
    List<Mention> mentions = r.mentions();
    Optional<Mention> actor = Optional.empty();
    Optional<String> contrast = Optional.empty();
    Lead lead = Lead.NONE;
    if (sentenceContrast != null) {
      actor = Optional.of(sentenceContrast.credited());
      contrast = Optional.of(sentenceContrast.denied().actorId());
    } else {
      int k = 0;
      int comma = Tokens.find(tokens, ",", 0, Math.min(tokens.size(), 8));
      if (comma > 0) {
        Lead l = Lead.of(tokens, 0, comma, r.text());
        if (l.kind() != Lead.Kind.NONE) {
          lead = l;
          k = comma + 1;
        }
      }
      if (k + 1 < tokens.size()
          && tokens.get(k).textMatches("(?i)c['’]|ce")
          && tokens.get(k + 1).textMatches("(?i)est|sont")) {
        actor = Constructions.actorAt(tokens, mentions, k + 2, tokens.size());
      } else {
        Optional<Mention> first = Constructions.actorAt(tokens, mentions, k, tokens.size());
        int stop = Tokens.findAny(tokens, k, tokens.size(), ",", ".", ";", ":");
        if (first.isPresent() && !Tokens.containsVerb(tokens, k, stop < 0 ? tokens.size() : stop)) {
          actor = first;
        }
      }
      if (actor.isPresent()) {
        int after = Tokens.tokenAfter(tokens, actor.get().end());
        after = Constructions.skipComplement(tokens, after, tokens.size());
        if (after < tokens.size() && tokens.get(after).is("qui")) {
          actor = Optional.empty(); // a cleft of its own, read as such
        }
      }
    }
    if (actor.isEmpty()) {
      return List.of();
    }
    discourse.pendingQuestion = null;
    Actor a = catalog.byId(actor.get().actorId()).orElseThrow();
    if (a.service()) {
      return List.of();
    }
    Lead answerLead = lead;
    Optional<String> scope = q.scope().or(() -> scopeOf(answerLead));
    List<Token> phrase = q.tokens();
    List<RoleFact> out = new ArrayList<>();
    String predicate =
        q.text().substring(phrase.get(0).start(), phrase.get(phrase.size() - 1).end());
    String id = factId(a, predicate);
    RoleFact f;
    if (phrase.get(0).isInfinitive()) {
      // « Qui contacter ? » — « La DSI du rectorat. »
      String who = "faut-il " + predicate;
      f =
          RoleFact.of(
                  id,
                  a.id(),
                  Polarity.POSITIVE,
                  predicate,
                  Optional.of(who),
                  Optional.empty(),
                  Optional.of("Il faut " + predicate + " " + a.definite() + "."),
                  r.sentence(),
                  RoleFact.Via.ANSWER)
              .withClaim(
                  Optional.of(Claim.either("Il faut " + predicate + " " + Claim.OBJECT + ".")));
    } else {
      int verbIndex = 0;
      while (verbIndex < phrase.size() && Tokens.isNe(phrase.get(verbIndex))) {
        verbIndex++;
      }
      Optional<String> who = forms.whoForm(phrase, verbIndex, q.text(), false);
      Optional<String> whoF = forms.whoForm(phrase, verbIndex, q.text(), true);
      if (who.isEmpty() || whoF.isEmpty()) {
        return List.of();
      }
      Claim claim = Claim.subject(who.get(), whoF.get());
      f =
          RoleFact.of(
                  id,
                  a.id(),
                  Polarity.POSITIVE,
                  predicate,
                  who,
                  forms.roleForm(phrase, verbIndex, q.text()),
                  Optional.of(claim.of(a)),
                  r.sentence(),
                  RoleFact.Via.ANSWER)
              .withClaim(Optional.of(claim));
    }
    f = f.withScope(scope).withContrast(contrast);
    f = f.withSalience(Salience.of(f, phrase.get(0), lead, tokens, r.text()));
    out.add(f);
    if (contrast.isPresent()) {
      denied(f, contrast.get()).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> scopeOf(Lead lead) {
    return lead.kind() == Lead.Kind.SCOPE ? Optional.of(lead.text()) : Optional.empty();
  }

  /**
   * The negative fact that a contrast gives: « ce n'est pas X qui … » as a false statement on X.
   */
  private Optional<RoleFact> denied(RoleFact credited, String deniedActor) {
    if (credited.claim().isEmpty() || deniedActor.equals(credited.actorId())) {
      return Optional.empty();
    }
    Actor x = catalog.byId(deniedActor).orElseThrow();
    String predicate = credited.predicate();
    String id = x.id() + "-" + Digests.shortHex("pas " + normalise(predicate));
    RoleFact f =
        RoleFact.of(
                id,
                x.id(),
                Polarity.NEGATIVE,
                predicate,
                Optional.empty(),
                Optional.empty(),
                Optional.of(credited.claim().get().of(x)),
                credited.evidence(),
                credited.via())
            .withScope(credited.scope())
            .withSituation(credited.situation())
            .withContrast(Optional.of(credited.actorId()));
    return Optional.of(f.withSalience(credited.salience()));
  }

  // ---- clauses --------------------------------------------------------------------------------

  /**
   * A clause; one that opens with its own condition (« … : quand un poste tombe en panne, c'est la
   * région qui envoie un technicien ») gives its facts that situation.
   */
  private List<RoleFact> clause(Read r, int from, int to) {
    int comma = from > 0 ? Situations.conditionEnd(r.tokens(), from, to) : -1;
    if (comma < 0) {
      return clauseBody(r, from, to);
    }
    Optional<String> situation = Situations.situationOf(r.tokens(), r.text(), from, comma);
    boolean before = conditionUnsaid;
    conditionUnsaid = situation.isEmpty();
    situated = situation.isPresent();
    List<RoleFact> out = new ArrayList<>();
    for (RoleFact f : clauseBody(r, comma + 1, to)) {
      out.add(situation.isPresent() && f.who().isPresent() ? f.withSituation(situation) : f);
    }
    conditionUnsaid = before;
    situated = false;
    return out;
  }

  private List<RoleFact> clauseBody(Read r, int from, int to) {
    List<Token> tokens = r.tokens();
    List<Mention> mentions = r.mentions();
    // What comes first, up to a comma, is a lead: a scope, a time, a connector.
    int start = from;
    Lead lead = Lead.NONE;
    for (int guard = 0; guard < 3; guard++) {
      int comma = Tokens.find(tokens, ",", start, Math.min(to, start + 10));
      if (comma <= start) {
        break;
      }
      Lead l = Lead.of(tokens, start, comma, r.text());
      if (l.kind() == Lead.Kind.NONE) {
        // « Dans les régions où le numérique est déployé, … »: a qualifier with a clause of its
        // own cannot be carried into a question, and without it the fact may be false.
        boolean subordinate = false;
        for (int k = start; k < comma; k++) {
          subordinate |= tokens.get(k).textMatches("(?i)où|lorsque|lorsqu['’]|quand|si");
        }
        if (subordinate && Tokens.containsVerb(tokens, start, comma)) {
          lead = new Lead(Lead.Kind.CONTEXT, "");
        }
        break;
      }
      lead = l.kind() == Lead.Kind.CONNECTOR && lead.kind() != Lead.Kind.NONE ? lead : l;
      start = comma + 1;
    }
    if (conditionUnsaid) {
      lead = new Lead(Lead.Kind.CONTEXT, "");
    }
    Extras extras = Extras.NONE.withLead(lead);
    List<RoleFact> special = constructions(r, start, to, extras);
    if (special != null) {
      return special;
    }
    for (int i = from; i < to; i++) {
      Optional<Subject> subject = subjects.subjectAt(tokens, mentions, i, from, to);
      if (subject.isEmpty()) {
        continue;
      }
      Subject s = subject.get();
      Optional<Referent> referent = discourse.resolve(s, tokens);
      if (referent.isEmpty() || referent.get().actorId() == null) {
        discourse.lastSubject = referent.orElse(null);
        return List.of();
      }
      discourse.lastSubject = referent.get();
      if (s.indefinite()) {
        return List.of(); // « Un chef d'établissement a besoin… » is an example, not a role
      }
      clauseSubjects.add(referent.get());
      Lead before = i > from ? Lead.before(tokens, from, i, r.text()) : Lead.NONE;
      Extras x =
          new Extras(
              conditionUnsaid || before.kind() == Lead.Kind.NONE ? lead : before,
              Optional.empty(),
              s.via() == RoleFact.Via.SPEAKER);
      if (sentenceContrast != null
          && referent.get().actorId().equals(sentenceContrast.credited().actorId())) {
        x = x.withContrast(sentenceContrast.denied().actorId());
      }
      int verb = firstVerb(tokens, s.verbStart(), to, x.firstPerson());
      if (verb >= 0) {
        List<RoleFact> passive = passive(r, s, referent.get(), verb, to, x);
        if (passive != null) {
          return passive;
        }
        List<RoleFact> authority =
            x.firstPerson() ? null : authority(r, referent.get(), verb, to, x);
        if (authority != null) {
          return authority;
        }
      }
      Optional<RoleFact> fronted = frontedParticiple(r, from, i, referent.get(), x);
      List<RoleFact> out = new ArrayList<>();
      fronted.ifPresent(out::add);
      // « intervient pour le compte de la collectivité et ne prend pas de commandes »: two facts.
      int split = negatedConjunct(tokens, verb < 0 ? s.verbStart() : verb + 1, to);
      int end = split < 0 ? to : split;
      fact(r, s.verbStart(), end, referent.get(), s.via(), s.pluralVerb(), x).ifPresent(out::add);
      if (x.contrast().isPresent() && !out.isEmpty()) {
        denied(out.get(out.size() - 1), x.contrast().get()).ifPresent(out::add);
      }
      if (split >= 0) {
        fact(r, split + 1, to, referent.get(), s.via(), s.pluralVerb(), x).ifPresent(out::add);
      }
      return out;
    }
    // « La DRANE, c'est la délégation… »: a definition; what follows is about the DRANE.
    Optional<Mention> defined = Constructions.actorAt(tokens, mentions, start, to);
    if (defined.isPresent()) {
      int after = Tokens.tokenAfter(tokens, defined.get().end());
      if (after + 2 < to
          && tokens.get(after).is(",")
          && tokens.get(after + 1).textMatches("(?i)c['’]")
          && tokens.get(after + 2).is("est")) {
        discourse.lastSubject = discourse.referent(defined.get(), tokens);
        return List.of();
      }
    }
    // No actor is the subject. If something else is (« Ce rôle peut être… »), pronouns that
    // follow refer to it, not to an earlier actor.
    subjects.otherSubject(tokens, mentions, from, to).ifPresent(x -> discourse.lastSubject = x);
    List<RoleFact> out = new ArrayList<>();
    apposedParticiple(r, from, to, extras).ifPresent(out::add);
    // « Ce parcours a été conçu par une équipe de formateurs »: a passive with a thing as subject.
    int aux = firstVerb(tokens, start, to, false);
    if (aux >= 0) {
      List<RoleFact> passive = passive(r, null, null, aux, to, extras);
      if (passive != null) {
        out.addAll(passive);
      }
    }
    return out;
  }

  /** The « et » of « … et ne prend pas … » after the verb, or -1. */
  private static int negatedConjunct(List<Token> tokens, int from, int to) {
    for (int k = from; k + 2 < to; k++) {
      if (tokens.get(k).is("qui") || tokens.get(k).is("que")) {
        return -1;
      }
      if (tokens.get(k).textMatches("(?i)et|mais|puis")
          && Tokens.isNe(tokens.get(k + 1))
          && (tokens.get(k + 2).isFinite() || (k + 3 < to && tokens.get(k + 3).isFinite()))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * « Désigné par le chef d'établissement, il conseille… »: a participle in front of the clause
   * whose agent is an actor, and whose patient is the clause's subject.
   */
  private Optional<RoleFact> frontedParticiple(
      Read r, int from, int subject, Referent patient, Extras x) {
    List<Token> tokens = r.tokens();
    int k = from;
    if (k + 2 >= subject || !tokens.get(k).isPastParticiple() || !tokens.get(k + 1).is("par")) {
      return Optional.empty();
    }
    return participleFact(r, k, subject, patient, x);
  }

  /**
   * « …, un enseignant en poste, désigné par les inspecteurs de sa discipline »: a participle in
   * apposition, whose patient is the actor named before it (a broad one, such as « enseignant »,
   * stands for the specific actor the sentence named before).
   */
  private Optional<RoleFact> apposedParticiple(Read r, int from, int to, Extras x) {
    List<Token> tokens = r.tokens();
    for (int k = from + 1; k + 2 < to; k++) {
      if (!(tokens.get(k - 1).is(",")
          && tokens.get(k).isPastParticiple()
          && !tokens.get(k).isFinite()
          && tokens.get(k + 1).is("par"))) {
        continue;
      }
      int before = tokens.get(k - 1).start();
      List<Mention> earlier =
          r.mentions().stream().filter(m -> !m.subjectOnly() && m.end() <= before).toList();
      if (earlier.isEmpty()) {
        return Optional.empty();
      }
      Mention nearest = earlier.get(earlier.size() - 1);
      if (catalog.byId(nearest.actorId()).map(Actor::generic).orElse(false)) {
        List<String> specific =
            earlier.stream()
                .map(Mention::actorId)
                .filter(id -> !catalog.byId(id).map(Actor::generic).orElse(false))
                .distinct()
                .toList();
        if (specific.size() != 1) {
          return Optional.empty();
        }
        String only = specific.get(0);
        nearest = earlier.stream().filter(m -> m.actorId().equals(only)).findFirst().get();
      }
      return participleFact(r, k, to, discourse.referent(nearest, tokens), x);
    }
    return Optional.empty();
  }

  /** The fact on the agent of the participle at {@code k} (followed by « par »). */
  private Optional<RoleFact> participleFact(Read r, int k, int to, Referent patient, Extras x) {
    List<Token> tokens = r.tokens();
    Optional<Mention> agentMention = Constructions.actorAt(tokens, r.mentions(), k + 2, to);
    if (agentMention.isEmpty() || agentMention.get().actorId().equals(patient.actorId())) {
      return Optional.empty();
    }
    Actor agent = catalog.byId(agentMention.get().actorId()).orElseThrow();
    Actor p = catalog.byId(patient.actorId()).orElseThrow();
    Optional<String> active = activeForm(tokens.get(k), "pres");
    if (agent.service() || active.isEmpty()) {
      return Optional.empty();
    }
    int end = Tokens.tokenAfter(tokens, agentMention.get().end());
    end = Constructions.skipComplement(tokens, end, to);
    String rest = "";
    int comma = Tokens.findAny(tokens, end, to, ",", ".", ";", ":");
    int restEnd = comma < 0 ? trimEnd(tokens, end, to) : comma;
    if (restEnd > end && restEnd - end <= 6) {
      List<Token> tail = tokens.subList(end, restEnd);
      if (standsAlone(tail, -1, r.mentions(), r.text(), Set.of())) {
        rest = ", " + r.text().substring(tail.get(0).start(), tail.get(tail.size() - 1).end());
      }
    }
    String who = active.get() + " " + p.definite() + rest;
    return Optional.of(agentFact(r, agent, who, RoleFact.Via.PASSIVE, tokens.get(k), x.lead(), 0));
  }

  static int firstVerb(List<Token> tokens, int from, int to, boolean firstPerson) {
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      boolean finite = firstPerson ? t.isFirstPersonSingular() : t.isFiniteThirdPerson();
      if (finite && !Tokens.isNe(t)) {
        return k;
      }
    }
    return -1;
  }

  /** The constructions that name the actor out of subject position; null when none applies. */
  private List<RoleFact> constructions(Read r, int from, int to, Extras extras) {
    List<Token> tokens = r.tokens();
    List<Mention> mentions = r.mentions();
    Optional<Constructions.Contrast> contrast = Constructions.contrast(tokens, mentions, from, to);
    if (contrast.isPresent()) {
      Constructions.Contrast c = contrast.get();
      Referent y = discourse.referent(c.credited(), tokens);
      discourse.lastSubject = y;
      sentenceContrast = c;
      List<RoleFact> out = new ArrayList<>();
      if (c.verbStart() >= 0) {
        int verb = firstVerb(tokens, c.verbStart(), to, false);
        Optional<RoleFact> f =
            fact(
                r,
                c.verbStart(),
                to,
                y,
                RoleFact.Via.CLEFT,
                verb >= 0 && Tokens.verbIsPlural(tokens.get(verb)),
                extras.withContrast(c.denied().actorId()));
        f.ifPresent(out::add);
        f.flatMap(x -> denied(x, c.denied().actorId())).ifPresent(out::add);
      }
      return out;
    }
    Optional<Constructions.Duty> duty = Constructions.duty(tokens, mentions, from, to);
    if (duty.isPresent()) {
      return duty(r, duty.get(), to, extras).map(List::of).orElse(List.of());
    }
    Optional<Constructions.Share> share = Constructions.share(tokens, mentions, from, to);
    if (share.isPresent()) {
      return share(r, share.get(), extras).map(List::of).orElse(List.of());
    }
    Optional<Constructions.Contact> contact = Constructions.contact(tokens, mentions, from, to);
    if (contact.isPresent()) {
      return contact(r, contact.get(), extras).map(List::of).orElse(List.of());
    }
    return null;
  }

  /** « C'est au responsable d'affectation de vérifier… »: « Qui doit vérifier… ? » */
  private Optional<RoleFact> duty(Read r, Constructions.Duty d, int to, Extras extras) {
    List<Token> tokens = r.tokens();
    Actor a = catalog.byId(d.actor().actorId()).orElseThrow();
    discourse.lastSubject = discourse.referent(d.actor(), tokens);
    int end = trimEnd(tokens, d.infinitive(), to);
    if (end <= d.infinitive() || a.service()) {
      return Optional.empty();
    }
    List<Token> phrase = tokens.subList(d.infinitive(), end);
    String infinitive =
        r.text().substring(phrase.get(0).start(), phrase.get(phrase.size() - 1).end());
    boolean alone = standsAlone(phrase, 0, r.mentions(), r.text(), Set.of());
    String of = Tokens.startsWithVowelSound(infinitive) ? "d'" : "de ";
    String id = factId(a, infinitive);
    Claim claim = Claim.either("C'est " + Claim.TO + " " + of + infinitive + ".");
    RoleFact f =
        RoleFact.of(
                id,
                a.id(),
                Polarity.POSITIVE,
                infinitive,
                alone ? Optional.of("doit " + infinitive) : Optional.empty(),
                alone ? Optional.of(infinitive) : Optional.empty(),
                Optional.of("C'est " + toFormAsWritten(r, d) + " " + of + infinitive + "."),
                r.sentence(),
                RoleFact.Via.CLEFT)
            .withClaim(alone ? Optional.of(claim) : Optional.empty())
            .withScope(scopeOf(extras.lead()));
    return Optional.of(
        f.withSalience(Salience.of(f, phrase.get(0), extras.lead(), tokens, r.text()) + 1));
  }

  /** « aux collectivités », « au responsable d'affectation », as the text writes it. */
  private static String toFormAsWritten(Read r, Constructions.Duty d) {
    List<Token> tokens = r.tokens();
    int de = d.infinitive() - 1;
    int start = 2;
    for (int k = 0; k < de; k++) {
      if (tokens.get(k).textMatches("(?i)à|au|aux")) {
        start = k;
        break;
      }
    }
    return r.text().substring(tokens.get(start).start(), tokens.get(de - 1).end());
  }

  /** « La décision d'achat revient à la commune »: « À qui revient la décision d'achat ? » */
  private Optional<RoleFact> share(Read r, Constructions.Share s, Extras extras) {
    List<Token> tokens = r.tokens();
    Actor a = catalog.byId(s.actor().actorId()).orElseThrow();
    if (a.service()) {
      return Optional.empty();
    }
    List<Token> thing = tokens.subList(s.start(), s.thingEnd());
    if (!standsAlone(thing, -1, r.mentions(), r.text(), Set.of())) {
      return Optional.empty();
    }
    String thingText = r.text().substring(thing.get(0).start(), thing.get(thing.size() - 1).end());
    String thingLower = Texts.lowerFirst(thingText);
    Token verb = tokens.get(s.verb());
    Optional<String> singular = forms.toSingular(verb);
    if (singular.isEmpty()) {
      return Optional.empty();
    }
    String who = singular.get() + " " + thingLower;
    String predicate = verb.text() + " à " + a.label();
    String id = factId(a, thingText + " " + verb.verbLemma());
    String sentence =
        Texts.capitalise(r.text().substring(thing.get(0).start(), tokens.get(s.end() - 1).end()))
            + ".";
    Claim claim =
        Claim.either(Texts.capitalise(thingLower) + " " + verb.text() + " " + Claim.TO + ".");
    RoleFact f =
        RoleFact.of(
                id,
                a.id(),
                Polarity.POSITIVE,
                thingText + " " + predicate,
                Optional.of(who),
                Optional.empty(),
                Optional.of(sentence),
                r.sentence(),
                RoleFact.Via.NAMED)
            .withAsked(RoleFact.Asked.TO)
            .withClaim(Optional.of(claim))
            .withScope(scopeOf(extras.lead()));
    discourse.lastSubject = discourse.referent(s.actor(), tokens);
    return Optional.of(f.withSalience(Salience.of(f, verb, extras.lead(), tokens, r.text())));
  }

  /** « il faut prévenir l'administrateur ENT », « Contactez l'IAN… »: whom to turn to. */
  private Optional<RoleFact> contact(Read r, Constructions.Contact c, Extras extras) {
    Actor a = catalog.byId(c.actor().actorId()).orElseThrow();
    discourse.lastSubject = discourse.referent(c.actor(), r.tokens());
    if (a.service()) {
      return Optional.empty();
    }
    String action = c.who().substring("faut-il ".length());
    String id = factId(a, "contact " + action);
    String object = c.to() ? Claim.TO : Claim.OBJECT;
    Claim claim = Claim.either("Il faut " + action + " " + object + ".");
    RoleFact f =
        RoleFact.of(
                id,
                a.id(),
                Polarity.POSITIVE,
                c.who(),
                Optional.of(c.who()),
                Optional.empty(),
                Optional.of(claim.of(a)),
                r.sentence(),
                RoleFact.Via.CONTACT)
            .withAsked(c.to() ? RoleFact.Asked.TO : RoleFact.Asked.SUBJECT)
            .withClaim(Optional.of(claim))
            .withScope(scopeOf(extras.lead()));
    return Optional.of(f.withSalience(Salience.of(f, null, extras.lead(), r.tokens(), r.text())));
  }

  /**
   * A passive with its agent: the fact is on the agent (« Qui a conçu le parcours… ? »), never on
   * the subject, which only receives the action. Null when the clause is not one.
   */
  private List<RoleFact> passive(Read r, Subject s, Referent patient, int aux, int to, Extras x) {
    List<Token> tokens = r.tokens();
    List<Constructions.Passive> found = Constructions.passives(tokens, r.mentions(), aux, to);
    if (found.isEmpty()) {
      return null;
    }
    if (x.lead().kind() == Lead.Kind.CONTEXT) {
      return List.of(); // the agent acts under a qualifier the question cannot say
    }
    // The patient as an object: the actor's name, or the noun phrase the clause starts with.
    if (x.firstPerson() && !tokens.get(aux).hasVerbLemma(Set.of("avoir", "être"))) {
      return null;
    }
    Optional<String> object;
    if (patient != null && patient.actorId() != null) {
      Actor p = catalog.byId(patient.actorId()).orElseThrow();
      object = Optional.of(patient.plural() ? p.definitePlural() : p.definite());
    } else {
      object = nounPhraseBefore(r, aux);
    }
    List<RoleFact> out = new ArrayList<>();
    for (Constructions.Passive p : found) {
      Actor agent = catalog.byId(p.agent().actorId()).orElseThrow();
      if (agent.service() || object.isEmpty()) {
        continue;
      }
      Optional<String> active = activeForm(tokens.get(p.participle()), p.tense());
      if (active.isEmpty()) {
        continue;
      }
      String rest = "";
      int comma = Tokens.findAny(tokens, p.end(), to, ",", ";", ":", ".");
      int restEnd = comma < 0 ? trimEnd(tokens, p.end(), to) : comma;
      if (restEnd > p.end() && found.indexOf(p) == found.size() - 1) {
        List<Token> tail = tokens.subList(p.end(), restEnd);
        if (standsAlone(tail, -1, r.mentions(), r.text(), Set.of())
            && tail.stream().noneMatch(t -> t.is("puis") || t.isFinite())
            && tail.size() <= 8) {
          rest = " " + r.text().substring(tail.get(0).start(), tail.get(tail.size() - 1).end());
        }
      }
      String locution =
          p.locution() == 0
              ? ""
              : " "
                  + r.text()
                      .substring(
                          tokens.get(p.participle() + 1).start(),
                          tokens.get(p.participle() + p.locution()).end());
      String who = active.get() + locution + " " + object.get() + rest;
      out.add(
          agentFact(r, agent, who, RoleFact.Via.PASSIVE, tokens.get(p.participle()), x.lead(), 0));
    }
    return out;
  }

  /**
   * A fact built from a question form the construction wrote (« a conçu le parcours », « a autorité
   * sur les enseignants »), the same for either gender of another actor.
   *
   * @param bonus added to the salience: how plainly the construction states a role
   */
  private RoleFact agentFact(
      Read r, Actor actor, String who, RoleFact.Via via, Token verb, Lead lead, int bonus) {
    String id = factId(actor, who);
    Claim claim = Claim.subject(who, who);
    RoleFact f =
        RoleFact.of(
                id,
                actor.id(),
                Polarity.POSITIVE,
                who,
                Optional.of(who),
                Optional.empty(),
                Optional.of(claim.of(actor)),
                r.sentence(),
                via)
            .withClaim(Optional.of(claim))
            .withScope(scopeOf(lead));
    return f.withSalience(Salience.of(f, verb, lead, r.tokens(), r.text()) + bonus);
  }

  /** « conçu » in the tense of its passive: « a conçu », « valide », « validera ». */
  private Optional<String> activeForm(Token participle, String tense) {
    Optional<Token.Reading> reading = participle.reading("V ppa");
    if (reading.isEmpty()) {
      return Optional.empty();
    }
    String lemma = reading.get().lemma();
    Token.Reading r = reading.get();
    return switch (tense) {
      case "pc" ->
          nlp.inflect(participle.text(), lemma, r.pos(), "V ppa m s")
              .or(() -> nlp.inflect(participle.text(), lemma, r.pos(), "V ppa m sp"))
              .map(p -> "a " + p);
      case "pres" -> nlp.inflect(participle.text(), lemma, r.pos(), "V ind pres 3 s");
      case "futu" -> nlp.inflect(participle.text(), lemma, r.pos(), "V ind futu 3 s");
      case "impa" -> nlp.inflect(participle.text(), lemma, r.pos(), "V ind impa 3 s");
      default -> Optional.empty();
    };
  }

  /**
   * The clause's subject when it is a thing (« Ce parcours », « Le circuit »), as an object: a
   * demonstrative takes the words of the noun phrase it points back to.
   */
  private Optional<String> nounPhraseBefore(Read r, int aux) {
    List<Token> tokens = r.tokens();
    int start = aux - 1;
    while (start >= 0
        && !tokens.get(start).isPunctuation()
        && !tokens.get(start).isFinite()
        && !tokens.get(start).is("qui")
        && !tokens.get(start).is("que")) {
      start--;
    }
    start++;
    if (start >= aux || !Tokens.isDeterminer(tokens.get(start))) {
      return Optional.empty();
    }
    List<Token> np = tokens.subList(start, aux);
    String text =
        Antecedents.substitute(
            r.text().substring(np.get(0).start(), np.get(np.size() - 1).end()),
            antecedents.demonstratives(r.text(), np));
    List<Token> retokenised = nlp.tokens(text);
    long content = retokenised.stream().filter(t -> t.has("N") || t.has("J") || t.has("Z")).count();
    if (content < 2 || !standsAlone(retokenised, -1, finder.find(text), text, Set.of())) {
      return Optional.empty(); // « le circuit » alone: which one is said before
    }
    return Optional.of(Texts.lowerFirst(text));
  }

  /**
   * « Les enseignants relèvent de l'autorité de l'IEN »: a fact on the authority, « Qui a autorité
   * sur les enseignants de l'école ? ». Null when the clause is not one.
   */
  private List<RoleFact> authority(Read r, Referent subject, int verb, int to, Extras x) {
    List<Token> tokens = r.tokens();
    Optional<Constructions.Authority> found = Constructions.authority(tokens, verb, to);
    if (found.isEmpty()) {
      return null;
    }
    int head = found.get().head();
    while (head < to && Tokens.isDeterminer(tokens.get(head))) {
      head++;
    }
    Optional<Referent> boss = Optional.empty();
    Optional<Mention> m =
        head < to ? Tokens.mentionStartingAt(r.mentions(), tokens, head) : Optional.empty();
    if (m.isPresent()) {
      boss = Optional.of(discourse.referent(m.get(), tokens));
    } else {
      for (int k = head; k < Math.min(to, head + 3); k++) {
        Referent p = discourse.persons.get(tokens.get(k).text());
        if (p != null && p.actorId() != null) {
          boss = Optional.of(p);
          break;
        }
      }
    }
    if (boss.isEmpty() || boss.get().actorId().equals(subject.actorId())) {
      return List.of();
    }
    Actor a = catalog.byId(boss.get().actorId()).orElseThrow();
    Actor under = catalog.byId(subject.actorId()).orElseThrow();
    String object = subject.plural() ? under.definitePlural() : under.definite();
    String who = "a autorité sur " + object;
    return List.of(agentFact(r, a, who, RoleFact.Via.NAMED, tokens.get(verb), x.lead(), 2));
  }

  private static int trimEnd(List<Token> tokens, int from, int to) {
    int end = to;
    while (end > from
        && tokens.get(end - 1).isPunctuation()
        && !tokens.get(end - 1).is(")")
        && !tokens.get(end - 1).is("»")) {
      end--;
    }
    return end;
  }

  // ---- the fact itself ------------------------------------------------------------------------

  private Optional<RoleFact> fact(
      Read r,
      int from,
      int to,
      Referent subject,
      RoleFact.Via via,
      boolean pluralVerb,
      Extras extras) {
    List<Token> tokens = r.tokens();
    List<Mention> mentions = r.mentions();
    Sentence sentence = r.sentence();
    Actor actor = catalog.byId(subject.actorId()).orElseThrow();
    int end = trimEnd(tokens, from, to);
    if (end <= from) {
      return Optional.empty();
    }
    List<Token> phrase = tokens.subList(from, end);
    String text = r.text();
    String predicate = text.substring(phrase.get(0).start(), phrase.get(phrase.size() - 1).end());

    int verbIndex = firstVerb(phrase, 0, phrase.size(), extras.firstPerson());
    if (verbIndex < 0) {
      return Optional.empty();
    }
    Token verb = phrase.get(verbIndex);
    int phraseStart = phrase.get(0).start();
    int phraseEnd = phrase.get(phrase.size() - 1).end();
    if (verb.has("V etre")
        && mentions.stream()
            .anyMatch(
                m ->
                    m.actorId().equals(actor.id())
                        && m.start() >= phraseStart
                        && m.end() <= phraseEnd)) {
      return Optional.empty(); // « Elle est eRUN… » says who someone is, not what the eRUN does
    }
    // « Le responsable de traitement est le chef d'établissement »: an identity of two actors, not
    // a role; the quiz keeps it only to know that they are not distractors for each other.
    int afterVerb = phrase.get(verbIndex).end();
    int nearVerb = phrase.get(Math.min(phrase.size() - 1, verbIndex + 2)).start();
    boolean identity =
        verb.has("V etre")
            && mentions.stream()
                .anyMatch(
                    m ->
                        m.start() >= afterVerb
                            && m.start() <= nearVerb
                            && !m.actorId().equals(actor.id())
                            && determinerBefore(phrase, m));
    boolean negated = false;
    boolean restrictive = false;
    for (int k = 0; k < verbIndex; k++) {
      if (Tokens.isNe(phrase.get(k))) {
        negated = true;
      }
    }
    if (negated) {
      boolean closed = false;
      for (int k = verbIndex + 1; k < Math.min(phrase.size(), verbIndex + 5); k++) {
        String w = phrase.get(k).text().toLowerCase(Locale.ROOT);
        if (w.equals("que") || w.equals("qu'") || w.equals("qu’")) {
          restrictive = !closed;
        }
        if (NEGATION_ENDS.contains(w)) {
          closed = true;
        }
      }
      if (!closed && !restrictive) {
        return Optional.empty(); // an unclosed « ne » is not read
      }
      if (restrictive) {
        negated = false; // « ne reçoit que… » restricts: it affirms, and keeps its « ne … que »
      }
    }
    Polarity polarity = negated ? Polarity.NEGATIVE : Polarity.POSITIVE;
    // « Elle est dirigée par un délégué »: the subject receives what someone else does.
    boolean receives =
        verb.hasVerbLemma(Set.of("être"))
            && verbIndex + 2 < phrase.size()
            && phrase.get(verbIndex + 1).isPastParticiple()
            && phrase.get(verbIndex + 2).is("par");

    // Question forms stop before a list of examples (« …, par exemple les publications
    // Éduscol », « des outils comme le LSU ») and before a cause (« …, car le module… »).
    List<Token> form = phrase.subList(0, examplesStart(phrase, verbIndex));
    int formStart = form.get(0).start();
    int formEnd = form.get(form.size() - 1).end();
    String formText = text.substring(formStart, formEnd);
    Map<String, String> subs = antecedents.demonstratives(r.text(), form);
    subs.putAll(roleNouns(r, form, actor));
    // « je l'aide à évaluer… », « C'est Léa qui les préparera » : the object pronoun put back as
    // what it stands for, when the text says it just before.
    if (!standsAlone(form, verbIndex, mentions, text, subs.keySet())) {
      Optional<Read> rewritten = withoutClitics(r, form, verbIndex, subject, extras.firstPerson());
      if (rewritten.isPresent()) {
        Read w = rewritten.get();
        int v = firstVerb(w.tokens(), 0, w.tokens().size(), false);
        if (v < 0 && extras.firstPerson()) {
          v = firstVerb(w.tokens(), 0, w.tokens().size(), true);
        }
        if (v >= 0) {
          form = w.tokens().subList(0, examplesStart(w.tokens(), v));
          verbIndex = v;
          text = w.text();
          mentions = w.mentions();
          formStart = form.get(0).start();
          formEnd = form.get(form.size() - 1).end();
          formText = text.substring(formStart, formEnd);
        }
      }
    }
    int fs = formStart;
    int fe = formEnd;
    List<Mention> formMentions = mentions;
    boolean standsAlone =
        standsAlone(form, verbIndex, mentions, text, subs.keySet())
            && extras.lead().kind() != Lead.Kind.CONTEXT
            && !INCLUSIVE_WRITING.matcher(formText).matches()
            && formMentions.stream()
                .noneMatch(m -> m.actorId().equals(actor.id()) && m.start() >= fs && m.end() <= fe)
            && !(via == RoleFact.Via.RELATIVE
                && form.stream().anyMatch(t -> t.textMatches("(?i)son|sa|ses|leur|leurs")));
    int words =
        (int)
            form.stream().filter(t -> !t.isPunctuation() && !t.textMatches("(?i)et|ou|ni")).count();
    boolean fitting = words >= MIN_PREDICATE_WORDS && words <= MAX_PREDICATE_WORDS;
    boolean asksWell =
        (words >= MIN_QUESTION_WORDS || (situated && words >= 2))
            && !(pluralVerb && verb.has("V etre"));
    boolean present =
        verb.isPresentThirdPerson()
            || verb.has("V ind futu")
            || (extras.firstPerson()
                && verb.has("V")
                && verb.readings().stream()
                    .anyMatch(x -> x.pos() != null && PRESENT_1S.matcher(x.pos()).matches()));
    if (verb.has("V etre")
        && verbIndex + 1 < form.size()
        && form.get(verbIndex + 1).has("N")
        && !form.get(verbIndex + 1).has("J")
        && !form.get(verbIndex + 1).has("V")) {
      present = false; // « est professeure des écoles »: who someone is, with a gendered noun
    }

    Optional<String> who = Optional.empty();
    Optional<String> role = Optional.empty();
    Optional<String> statement = Optional.empty();
    Optional<Claim> claim = Optional.empty();
    asksWell &= (restrictive || !beneficiary(form, verbIndex)) && !receives && !identity;
    if (standsAlone && fitting && present) {
      if (polarity == Polarity.POSITIVE && asksWell) {
        who =
            forms
                .whoForm(form, verbIndex, text, false, pluralVerb)
                .map(w -> Antecedents.substitute(w, subs));
        role =
            restrictive
                ? Optional.empty()
                : forms.roleForm(form, verbIndex, text).map(w -> Antecedents.substitute(w, subs));
        Optional<String> feminine =
            forms
                .whoForm(form, verbIndex, text, true, pluralVerb)
                .map(w -> Antecedents.substitute(w, subs));
        if (who.isPresent() && feminine.isPresent() && !restrictive) {
          claim = Optional.of(Claim.subject(who.get(), feminine.get()));
        }
      }
      statement =
          forms
              .statement(
                  form,
                  verbIndex,
                  text,
                  actor,
                  pluralVerb && !extras.firstPerson(),
                  polarity,
                  extras.firstPerson())
              .map(w -> Antecedents.substitute(w, subs));
    }
    String id = factId(actor, predicate);
    RoleFact f =
        RoleFact.of(id, actor.id(), polarity, predicate, who, role, statement, sentence, via)
            .withClaim(claim)
            .withScope(scopeOf(extras.lead()))
            .withContrast(extras.contrast());
    return Optional.of(f.withSalience(Salience.of(f, verb, extras.lead(), tokens, r.text())));
  }

  /**
   * « Celui-ci peut déléguer ce rôle »: « ce rôle » (« cette fonction », « cette mission ») is the
   * role of the actor the last heading or question of the text named, other than the subject: « le
   * rôle de responsable d'affectation ».
   */
  private Map<String, String> roleNouns(Read r, List<Token> phrase, Actor subject) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int k = 0; k + 1 < phrase.size(); k++) {
      Token det = phrase.get(k);
      Token noun = phrase.get(k + 1);
      if (!det.textMatches("(?i)ce|cette") || !noun.textMatches("(?i)rôle|fonction|mission")) {
        continue;
      }
      List<String> others = topicActors.stream().filter(a -> !a.equals(subject.id())).toList();
      Optional<String> named = others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
      if (named.isPresent()) {
        Actor a = catalog.byId(named.get()).orElseThrow();
        String article = noun.is("rôle") ? "le " : "la ";
        out.put(
            r.text().substring(det.start(), noun.end()),
            article + noun.text().toLowerCase(Locale.ROOT) + " de " + a.label());
      }
    }
    return out;
  }

  /**
   * The verb phrase with its object pronouns put back as what they stand for: a singular one (« je
   * l'aide ») as the actor that was the subject of the clause before (« le principal m'appelle : je
   * l'aide » → « aide le chef d'établissement »), « les » as what the sentence before named after
   * its verb (« L'IEN a inscrit trois animations… C'est Léa qui les préparera » → « préparera les
   * trois animations… »). Empty when the pronoun cannot be told for sure.
   */
  private Optional<Read> withoutClitics(
      Read r, List<Token> form, int verbIndex, Referent subject, boolean firstPerson) {
    List<Integer> clitics = new ArrayList<>();
    int last = -1;
    for (int k = 0; k + 1 < form.size(); k++) {
      Token t = form.get(k);
      Token next = form.get(k + 1);
      boolean verbNext = next.isFinite() || (firstPerson && next.isFirstPersonSingular());
      boolean personVerb =
          t.textMatches("(?i)les") || next.hasVerbLemma(Discourse.PERSON_OBJECT_VERBS);
      if (t.textMatches("(?i)le|la|l['’]|les|lui")
          && t.has("R pers obj")
          && verbNext
          && personVerb) {
        clitics.add(k);
        last = k + 1;
      }
    }
    if (clitics.isEmpty()) {
      return Optional.empty();
    }
    String first = form.get(clitics.get(0)).text().toLowerCase(Locale.ROOT);
    if (clitics.stream()
        .anyMatch(k -> !form.get(k).text().equalsIgnoreCase(form.get(clitics.get(0)).text()))) {
      return Optional.empty();
    }
    Optional<String> object;
    if (first.equals("les")) {
      object = antecedents.pluralObjectOfPreviousSentence();
    } else {
      Referent.Gender g =
          first.equals("le")
              ? Referent.Gender.M
              : first.equals("la") ? Referent.Gender.F : Referent.Gender.EITHER;
      object = Optional.empty();
      for (int k = clauseSubjects.size() - 1; k >= 0; k--) {
        Referent c = clauseSubjects.get(k);
        if (c.actorId() != null && !c.actorId().equals(subject.actorId()) && c.gender().agrees(g)) {
          Actor a = catalog.byId(c.actorId()).orElseThrow();
          object = Optional.of(first.equals("lui") ? a.toForm() : a.definite());
          break;
        }
      }
    }
    if (object.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < form.size(); k++) {
      if (clitics.contains(k)) {
        continue;
      }
      Token t = form.get(k);
      if (out.length() > 0 && !out.toString().endsWith("'") && !out.toString().endsWith("’")) {
        out.append(' ');
      }
      out.append(t.text());
      if (k == last) {
        out.append(' ').append(object.get());
      }
    }
    String text = SPACE_BEFORE_PUNCTUATION.matcher(out).replaceAll("$1");
    return Optional.of(new Read(r.sentence(), nlp.tokens(text), finder.find(text), text));
  }

  /** « est le chef d'établissement » names an actor; « est responsable de » gives a role. */
  private static boolean determinerBefore(List<Token> phrase, Mention m) {
    for (int k = 1; k < phrase.size(); k++) {
      if (phrase.get(k).start() == m.start()) {
        return Tokens.isDeterminer(phrase.get(k - 1));
      }
    }
    return false;
  }

  /** « peut s'appuyer sur… », « compte sur… »: the main verb (after a modal) receives or relies. */
  private static boolean beneficiary(List<Token> form, int verbIndex) {
    for (int k = verbIndex; k < Math.min(form.size(), verbIndex + 4); k++) {
      for (Token.Reading r : form.get(k).readings()) {
        if (r.pos() != null && r.pos().startsWith("V") && BENEFICIARY_VERBS.contains(r.lemma())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where a list of examples starts in a verb phrase, or the phrase's length when none does. */
  private static int examplesStart(List<Token> phrase, int verbIndex) {
    for (int k = verbIndex + 1; k < phrase.size(); k++) {
      Token t = phrase.get(k);
      Token next = k + 1 < phrase.size() ? phrase.get(k + 1) : null;
      boolean subordinate =
          t.is("car")
              || t.is("sauf")
              || (t.is("parce") && next != null && next.textMatches("(?i)que|qu['’]"))
              || (t.is("même") && next != null && next.textMatches("(?i)si|s['’]"))
              || (t.is(",")
                  && next != null
                  && next.textMatches("(?i)que|qu['’]|si|s['’]il|s['’]ils|qui"))
              || (t.is("à") && next != null && next.is("moins"));
      if (subordinate) {
        // « …, car le module répond au projet », « …, que l'établissement l'ait achetée… »: the
        // reason or the concession is not the role.
        int cut = k > 0 && phrase.get(k - 1).is(",") ? k - 1 : k;
        return cut - 1 <= verbIndex ? phrase.size() : cut;
      }
      boolean starts = false;
      if (t.is(",") && next != null) {
        starts =
            next.textMatches("(?i)comme|notamment|tels?|telles?")
                || (next.is("par") && k + 2 < phrase.size() && phrase.get(k + 2).is("exemple"));
      } else if (t.is("comme") && next != null && next.has("D")) {
        starts = true;
      } else if (t.is("(")) {
        starts = true;
      }
      if (starts) {
        Token last = phrase.get(k - 1);
        boolean dangling = last.has("P") || last.has("D") || last.is("et") || last.is("ou");
        return dangling || k - 1 <= verbIndex ? phrase.size() : k;
      }
    }
    return phrase.size();
  }

  /**
   * Whether the verb phrase makes sense out of its context: no object pronoun before the verb (« il
   * les réunit »), no demonstrative, no person's name, no « vous ».
   */
  private boolean standsAlone(
      List<Token> phrase,
      int verbIndex,
      List<Mention> mentions,
      String text,
      Set<String> resolved) {
    for (int k = 0; k < verbIndex; k++) {
      Token t = phrase.get(k);
      boolean reflexive = t.textMatches("(?i)se|s['’]");
      if (!reflexive
          && !Tokens.isNe(t)
          && (t.has("R pers obj") || t.textMatches("(?i)y|en|lui|leur|les|la|le|l['’]"))) {
        return false;
      }
    }
    if (verbIndex >= 0
        && verbIndex + 2 < phrase.size()
        && phrase.get(verbIndex + 1).textMatches("(?i)sa|son|ses|leur|leurs")
        && phrase.get(verbIndex + 2).textMatches("(?i).+(tion|sion|ment|age|ure)s?")) {
      return false; // « coordonne sa rédaction »: the thing is said before
    }
    for (int k = verbIndex + 1; k + 1 < phrase.size() && k <= verbIndex + 3; k++) {
      // « peut la former », « va les accompagner »: an object pronoun before an infinitive.
      if (phrase.get(k).textMatches("(?i)le|la|les|l['’]|lui|leur|y|en")
          && phrase.get(k + 1).has("V inf")) {
        return false;
      }
    }
    for (int i = 0; i < phrase.size(); i++) {
      Token t = phrase.get(i);
      String w = t.text().toLowerCase(Locale.ROOT);
      if (Tokens.isSubjectPronoun(t) && !agreeingNounBefore(phrase, i)) {
        return false; // « les personnes sur lesquelles elle pourra s'appuyer »: elle is the subject
      }
      if (SECOND_PERSON.contains(w)
          || SubjectFinder.isDemonstrativeWord(w)
          || w.equals("cela")
          || w.equals("ça")) {
        return false;
      }
      boolean capitalised =
          !t.text().isEmpty()
              && Character.isUpperCase(t.text().charAt(0))
              && !t.text().equals(t.text().toUpperCase(Locale.ROOT));
      boolean product =
          t.textMatches(".*[@0-9_].*")
              || (t.text().length() > 1 && t.text().equals(t.text().toUpperCase(Locale.ROOT)));
      if (binder.isPersonName(t, mentions)
          || (i > 0
              && !Tokens.inAnyMention(t, mentions)
              && !product
              && (t.has("Z") || (capitalised && t.readings().isEmpty())))) {
        return false; // people and places (« Rosemarie », « Valmont-sur-Lys ») belong to the story
      }
      if (t.is("«") || t.is("»") || t.is("\"")) {
        return false;
      }
      if (t.textMatches("(?i)ce|cet|cette|ces")
          && t.has("D")
          && resolved.stream().noneMatch(d -> d.toLowerCase(Locale.ROOT).startsWith(w + " "))) {
        return false; // « le respect de ce règlement »: which one is said before
      }
      if (t.textMatches(".*\\p{L}[.·](e|e\\.s|s|es)$") || t.text().contains("·")) {
        return false; // inclusive writing (« convoqué.e.s ») has no agreement to work with
      }
    }
    return true;
  }

  /**
   * « former les enseignants pour qu'ils s'approprient… »: the pronoun has its noun in the phrase.
   */
  private static boolean agreeingNounBefore(List<Token> phrase, int index) {
    Token p = phrase.get(index);
    String gender = p.has("R pers suj 3 f") ? "f" : "m";
    String number = p.text().toLowerCase(Locale.ROOT).endsWith("s") ? "p" : "s";
    for (int k = index - 1; k >= 0; k--) {
      if (phrase.get(k).has("V")) {
        continue; // « donne » is also a noun (la donne), but here it is the verb
      }
      for (Token.Reading r : phrase.get(k).readings()) {
        if (r.pos() != null && AGREEING_NOUN.get(gender + number).matcher(r.pos()).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A fact's stable id: its actor and the words that say what it does, so that it survives edits
   * elsewhere in the text (question ids and a trainer's overrides are made from it).
   */
  private static String factId(Actor actor, String words) {
    return actor.id() + "-" + Digests.shortHex(normalise(words));
  }

  /** Lower case, no accents, single spaces: the predicate as a key. */
  static String normalise(String s) {
    return NOT_A_KEY_CHARACTER.matcher(Texts.fold(s).replace('’', '\'')).replaceAll(" ").strip();
  }
}
