package io.github.coursepack.analysis;

import io.github.coursepack.io.Digests;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds who does what in a unit's sentences: for each clause, the actor in subject position (named,
 * a pronoun, a person the text introduced as an actor, a relative « qui », a cleft « c'est … qui »)
 * and the verb phrase that follows, with its polarity. It is deliberately cautious: a clause whose
 * subject cannot be resolved for sure, or whose verb phrase leans on context (object pronouns,
 * names of people, « vous »), gives no question form.
 *
 * <p>Pronouns: « il, elle, ils, elles » refer to the last actor in subject position when gender and
 * number agree; otherwise to the only agreeing actor that the previous sentence introduced (not as
 * a noun's complement). « celui-ci, celle-ci, ce dernier » refer to the last actor mentioned with
 * the same gender and number, which is what French uses them for.
 *
 * <p>Usage: {@code List<RoleFact> facts = new FactExtractor(catalog, nlp).extract(blocks);}
 */
public final class FactExtractor {

  /** Discourse words dropped from question forms: « anime aussi », « distribue par exemple ». */
  private static final List<String> DISCOURSE_WORDS =
      List.of(
          "par exemple",
          "notamment",
          "également",
          "aussi",
          "donc",
          "ainsi",
          "alors",
          "d'ailleurs",
          "en effet",
          "en outre",
          "par ailleurs",
          "quant à lui",
          "quant à elle",
          "enfin",
          "bien",
          "toujours",
          "souvent",
          "parfois",
          "généralement");

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

  /** Negations whose affirmative cannot be written safely. */
  private static final Set<String> NOT_AFFIRMABLE =
      Set.of("rien", "aucun", "aucune", "personne", "guère", "que", "qu'");

  private static final Set<String> DEMONSTRATIVES =
      Set.of("celui-ci", "celle-ci", "ceux-ci", "celles-ci", "ce dernier", "cette dernière");

  private static final Set<String> SECOND_PERSON =
      Set.of(
          "vous", "votre", "vos", "nous", "notre", "nos", "je", "tu", "te", "t'", "me", "m'", "j'",
          "on");

  private static final Set<String> NO_ROLE_VERBS = Set.of("être", "avoir", "aller", "devenir");

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

  /** Someone or something a pronoun may refer to. */
  private record Referent(String actorId, Gender gender, boolean plural, String person) {}

  private enum Gender {
    M,
    F,
    EITHER;

    boolean agrees(Gender other) {
      return this == EITHER || other == EITHER || this == other;
    }
  }

  // Discourse state, for one unit.
  private Referent lastSubject;
  private List<Referent> previousIntroduced = List.of();
  private List<Referent> previousMentions = List.of();
  private Referent lastNamedPerson;
  private final Map<String, Referent> persons = new HashMap<>();

  /** Actors and people named in the sentence being read, with where they are named. */
  private final List<Map.Entry<Integer, Referent>> current = new ArrayList<>();

  public FactExtractor(ActorCatalog catalog, FrenchNlp nlp) {
    this.catalog = catalog;
    this.finder = new MentionFinder(catalog);
    this.nlp = nlp;
  }

  /** The facts of a unit's text blocks (transcript or article), in text order. */
  public List<RoleFact> extract(List<TextBlock> blocks) {
    lastSubject = null;
    previousIntroduced = List.of();
    previousMentions = List.of();
    lastNamedPerson = null;
    persons.clear();
    List<RoleFact> facts = new ArrayList<>();
    String missionActor = null;
    boolean previousWasMissionItem = false;
    for (TextBlock block : blocks) {
      boolean missionItem = false;
      if (block.kind() == TextBlock.Kind.PARAGRAPH) {
        String text = block.text().strip();
        if (text.endsWith(":")) {
          Optional<String> named = missionIntro(text);
          missionActor = named.orElse(previousWasMissionItem ? missionActor : null);
        } else {
          missionActor = null;
        }
      }
      for (Sentence sentence : block.sentences()) {
        facts.addAll(sentence(sentence));
        if (block.kind() == TextBlock.Kind.LIST_ITEM && missionActor != null) {
          Optional<RoleFact> mission = missionItem(sentence, missionActor);
          mission.ifPresent(facts::add);
          missionItem |= mission.isPresent();
        }
      }
      previousWasMissionItem = missionItem;
    }
    return facts;
  }

  /**
   * « Les missions … des référent.e.s … (RUPN) ont été ainsi définies : » introduces a list of
   * missions of the actor it names.
   */
  private Optional<String> missionIntro(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.matches(".*\\b(missions?|rôles?|activités|tâches|attributions)\\b.*")) {
      return Optional.empty();
    }
    List<String> actors =
        finder.find(text).stream()
            .filter(m -> !m.subjectOnly())
            .map(Mention::actorId)
            .distinct()
            .toList();
    return actors.size() == 1 ? Optional.of(actors.get(0)) : Optional.empty();
  }

  /** A list item of missions: « ▶ 1. Développer et faciliter l'utilisation… ». */
  private Optional<RoleFact> missionItem(Sentence sentence, String actorId) {
    String text =
        sentence.text().replaceFirst("^[\\s▶►•●○‣∙·*–—-]*(\\d{1,2}\\s*[.)]\\s*)?", "").strip();
    text = text.replaceFirst("[.;,]+$", "").strip();
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
    String of = startsWithVowelSound(infinitive) ? "d'" : "de ";
    String who = "a pour mission " + of + infinitive;
    String id = actor.id() + "-" + Digests.shortHex(normalise(infinitive));
    return Optional.of(
        new RoleFact(
            id,
            actor.id(),
            Polarity.POSITIVE,
            infinitive,
            Optional.of(who),
            Optional.of(infinitive),
            Optional.of(actor.definiteCapitalised() + " " + who + "."),
            sentence,
            RoleFact.Via.NAMED));
  }

  // ---- one sentence ---------------------------------------------------------------------------

  private List<RoleFact> sentence(Sentence sentence) {
    String text = sentence.text();
    List<Token> tokens = nlp.tokens(text);
    List<Mention> mentions = finder.find(text);
    List<Referent> introduced = new ArrayList<>();
    List<Referent> mentioned = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.subjectOnly()) {
        continue;
      }
      Referent r = referent(m, tokens);
      mentioned.add(r);
      if (!isNounComplement(m, tokens) && !inQuotes(m, text)) {
        introduced.add(r);
      }
    }
    bindPersons(tokens, mentions, text);
    current.clear();
    for (Mention m : mentions) {
      if (!m.subjectOnly()) {
        current.add(Map.entry(m.start(), referent(m, tokens)));
      }
    }
    for (Token t : tokens) {
      if (persons.containsKey(t.text()) && isPersonName(t, mentions)) {
        current.add(Map.entry(t.start(), persons.get(t.text())));
      }
    }

    List<RoleFact> facts = new ArrayList<>();
    boolean question = text.strip().endsWith("?");
    if (!question) {
      for (int[] clause : clauses(tokens, mentions)) {
        facts.addAll(clause(sentence, tokens, mentions, clause[0], clause[1]));
      }
      facts.addAll(relatives(sentence, tokens, mentions));
    }
    previousIntroduced = introduced;
    previousMentions = mentioned;
    return facts;
  }

  /**
   * People the text introduces as actors: « Nadia, conseillère pédagogique départementale au
   * numérique, … », « Élodie est … référente numérique … », « En tant qu'eRUN, Aurélie … », « Elle,
   * c'est Sarah. Elle est eRUN … ».
   */
  private void bindPersons(List<Token> tokens, List<Mention> mentions, String text) {
    // « Elle est eRUN dans le département… »: the pronoun is the person last named.
    if (tokens.size() > 2
        && isSubjectPronoun(tokens.get(0))
        && tokens.get(1).is("est")
        && lastNamedPerson != null
        && lastNamedPerson.actorId() == null) {
      Optional<Mention> role =
          firstMentionBefore(mentions, tokens.get(1).end(), clauseEnd(tokens, 2, text));
      if (role.isPresent()) {
        Referent bound =
            new Referent(
                role.get().actorId(), lastNamedPerson.gender(), false, lastNamedPerson.person());
        persons.put(lastNamedPerson.person(), bound);
        lastNamedPerson = bound;
        lastSubject = bound;
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!isPersonName(t, mentions)) {
        continue;
      }
      Gender g = t.has("Z f") ? Gender.F : t.has("Z m") ? Gender.M : Gender.EITHER;
      Referent person = persons.getOrDefault(t.text(), new Referent(null, g, false, t.text()));
      // « Elle, c'est Sarah. »: the name is who « elle » is.
      if (i >= 2 && tokens.get(i - 1).is("est") && tokens.get(i - 2).text().matches("(?i)c['’]")) {
        lastNamedPerson = person;
      }
      Optional<Mention> role = Optional.empty();
      if (i + 1 < tokens.size() && tokens.get(i + 1).is(",")) {
        role =
            firstMentionBefore(mentions, tokens.get(i + 1).end(), nextComma(tokens, i + 2, text));
      } else if (i + 1 < tokens.size() && tokens.get(i + 1).is("est")) {
        role =
            firstMentionBefore(mentions, tokens.get(i + 1).end(), clauseEnd(tokens, i + 2, text));
      }
      if (role.isEmpty() && i >= 2 && tokens.get(i - 1).is(",")) {
        // « En tant qu'eRUN, Aurélie … »
        int start = Math.max(0, i - 8);
        for (int k = start; k < i - 1; k++) {
          if (tokens.get(k).is("tant")
              && k + 1 < i
              && tokens.get(k + 1).text().matches("(?i)qu['’]e?")) {
            role =
                firstMentionBefore(mentions, tokens.get(k + 1).start(), tokens.get(i - 1).start());
          }
        }
      }
      if (persons.containsKey(t.text())) {
        lastNamedPerson = persons.get(t.text()); // a person keeps the role the text first gave
      } else if (role.isPresent()) {
        Referent bound = new Referent(role.get().actorId(), g, false, t.text());
        persons.put(t.text(), bound);
        lastNamedPerson = bound;
      } else {
        lastNamedPerson = person;
      }
    }
  }

  /** The role named between two offsets; a specific one wins over a broad one (enseignant). */
  private Optional<Mention> firstMentionBefore(List<Mention> mentions, int from, int to) {
    List<Mention> inRange =
        mentions.stream()
            .filter(m -> !m.subjectOnly() && m.start() >= from && m.end() <= to)
            .toList();
    return inRange.stream()
        .filter(m -> !catalog.byId(m.actorId()).map(Actor::generic).orElse(false))
        .findFirst()
        .or(() -> inRange.stream().findFirst());
  }

  private static int nextComma(List<Token> tokens, int from, String text) {
    for (int k = from; k < tokens.size(); k++) {
      if (tokens.get(k).is(",") || tokens.get(k).is(".") || tokens.get(k).is(";")) {
        return tokens.get(k).start();
      }
    }
    return text.length();
  }

  private static int clauseEnd(List<Token> tokens, int from, String text) {
    for (int k = from; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is(".") || t.is(";") || t.is(":") || t.isFiniteThirdPerson()) {
        return t.start();
      }
    }
    return text.length();
  }

  // ---- clauses ------------------------------------------------------------------------------

  /**
   * Token ranges of independent clauses: split at « ; », « : », « et il… », and at a comma that
   * starts a clause of its own (« …, le département équipe les collèges, le DPD conseille… »).
   */
  private List<int[]> clauses(List<Token> tokens, List<Mention> mentions) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int quote = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("«")) {
        quote++;
      } else if (t.is("»")) {
        quote = Math.max(0, quote - 1);
      }
      if (quote > 0) {
        continue;
      }
      if (t.is(";") || t.is(":")) {
        out.add(new int[] {start, i});
        start = i + 1;
      } else if ((t.is("et") || t.is("mais"))
          && i + 1 < tokens.size()
          && isSubjectPronoun(tokens.get(i + 1))) {
        out.add(new int[] {start, i});
        start = i + 1;
      } else if (t.is(",") && i > start) {
        int j = i + 1;
        if (j < tokens.size() && (tokens.get(j).is("et") || tokens.get(j).is("mais"))) {
          j++;
        }
        if (startsClause(tokens, mentions, j)) {
          out.add(new int[] {start, i});
          start = j;
        }
      }
    }
    out.add(new int[] {start, tokens.size()});
    return out;
  }

  /**
   * Whether a subject and its verb start at token {@code j}: « il conseille », « le DPD conseille
   * ».
   */
  private boolean startsClause(List<Token> tokens, List<Mention> mentions, int j) {
    if (j >= tokens.size()) {
      return false;
    }
    if (isSubjectPronoun(tokens.get(j))) {
      return true;
    }
    if (!tokens.get(j).text().matches("(?i)le|la|les|l['’]")) {
      return false;
    }
    int k = j + 1;
    Optional<Mention> m =
        k < tokens.size() ? mentionStartingAt(mentions, tokens, k) : Optional.empty();
    if (m.isPresent()) {
      k = tokenAfter(tokens, m.get().end());
    } else if (k < tokens.size() && tokens.get(k).has("N") && !tokens.get(k).has("V")) {
      k++;
      while (k < tokens.size() && tokens.get(k).has("J") && !tokens.get(k).isFiniteThirdPerson()) {
        k++;
      }
    } else {
      return false;
    }
    while (k < tokens.size() && tokens.get(k).text().matches("(?i)ne|n['’]|se|s['’]|y|en")) {
      k++;
    }
    return k < tokens.size() && tokens.get(k).isFiniteThirdPerson();
  }

  private List<RoleFact> clause(
      Sentence sentence, List<Token> tokens, List<Mention> mentions, int from, int to) {
    for (int i = from; i < to; i++) {
      Optional<Subject> subject = subjectAt(tokens, mentions, i, from, to);
      if (subject.isEmpty()) {
        continue;
      }
      Subject s = subject.get();
      Optional<Referent> referent = resolve(s, tokens);
      if (referent.isEmpty() || referent.get().actorId() == null) {
        lastSubject = referent.orElse(null);
        return List.of();
      }
      lastSubject = referent.get();
      if (s.indefinite()) {
        return List.of(); // « Un chef d'établissement a besoin… » is an example, not a role
      }
      return fact(
              sentence,
              tokens,
              mentions,
              s.verbStart(),
              to,
              referent.get(),
              s.via(),
              s.pluralVerb())
          .map(List::of)
          .orElse(List.of());
    }
    // No actor is the subject. If something else is (« Ce rôle peut être… »), pronouns that
    // follow refer to it, not to an earlier actor.
    otherSubject(tokens, mentions, from, to).ifPresent(r -> lastSubject = r);
    return List.of();
  }

  /**
   * The subject of a clause whose subject is not an actor, as far as gender and number go; or, for
   * « La première tâche de Sarah est… », the person or actor it belongs to, who stays the topic.
   */
  private Optional<Referent> otherSubject(
      List<Token> tokens, List<Mention> mentions, int from, int to) {
    for (int v = from; v < to; v++) {
      Token t = tokens.get(v);
      if (!t.isFiniteThirdPerson()
          || t.has("N") && !t.has("V ind")
          || t.text().matches("(?i)ne|n['’]")) {
        continue;
      }
      for (int k = v - 1; k >= from; k--) {
        Token n = tokens.get(k);
        if (n.is("qui") || n.is("que") || n.is("qu'") || n.is("où") || n.is("dont")) {
          break; // the verb of a relative clause
        }
        if (n.has("N") && !n.has("V")) {
          int first = k;
          while (first > from
              && tokens.get(first - 1).has("N")
              && !tokens.get(first - 1).has("V")) {
            first--;
          }
          Optional<Referent> owner = owner(tokens, mentions, first, v);
          if (owner.isPresent()) {
            return owner;
          }
          Gender g = n.has("N f") ? Gender.F : n.has("N m") ? Gender.M : Gender.EITHER;
          boolean plural =
              n.readings().stream()
                  .anyMatch(
                      r -> r.pos() != null && r.pos().startsWith("N") && r.pos().endsWith(" p"));
          return Optional.of(new Referent(null, g, plural, null));
        }
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * « tâche de Sarah », « rôle du CPD »: whose the subject noun is, between the noun and the verb.
   */
  private Optional<Referent> owner(List<Token> tokens, List<Mention> mentions, int noun, int verb) {
    int start = noun;
    while (start > 0
        && !tokens.get(start - 1).isPunctuation()
        && !tokens.get(start - 1).isFiniteThirdPerson()) {
      start--;
    }
    for (int k = start; k < verb; k++) {
      Token t = tokens.get(k);
      if (!(t.text().matches("(?i)de|du|d['’]") && k + 1 < verb)) {
        continue;
      }
      Token next = tokens.get(k + 1);
      if (persons.containsKey(next.text()) && persons.get(next.text()).actorId() != null) {
        return Optional.of(persons.get(next.text()));
      }
      int after = k + 1;
      while (after < verb && isDeterminer(tokens.get(after))) {
        after++;
      }
      if (after < verb) {
        Optional<Mention> m = mentionStartingAt(mentions, tokens, after);
        if (m.isPresent() && !m.get().subjectOnly()) {
          return Optional.of(referent(m.get(), tokens));
        }
      }
    }
    return Optional.empty();
  }

  /** A subject found in a clause: where the verb phrase starts and how the subject was named. */
  private record Subject(
      int start,
      int end,
      int verbStart,
      boolean pluralVerb,
      RoleFact.Via via,
      Mention mention,
      Token pronoun,
      boolean indefinite) {}

  /**
   * A subject starting at token {@code i}: an actor mention, a pronoun or a person's name, in
   * subject position (after the clause start, a comma or a determiner only), followed by a finite
   * verb (with « ne », object pronouns, a parenthesis or an apposition between).
   */
  private Optional<Subject> subjectAt(
      List<Token> tokens, List<Mention> mentions, int i, int from, int to) {
    Token t = tokens.get(i);
    // « C'est le chef d'établissement qui confie… »
    if (i + 1 < to && t.text().matches("(?i)c['’]") && tokens.get(i + 1).is("est")) {
      int k = i + 2;
      while (k < to && isDeterminer(tokens.get(k))) {
        k++;
      }
      Optional<Mention> m = k < to ? mentionStartingAt(mentions, tokens, k) : Optional.empty();
      if (m.isPresent()) {
        int after = tokenAfter(tokens, m.get().end());
        after = skipNounComplement(tokens, after, to);
        if (after + 1 < to
            && tokens.get(after).is("qui")
            && tokens.get(after + 1).isFiniteThirdPerson()) {
          return Optional.of(
              new Subject(
                  i,
                  after,
                  after + 1,
                  tokens.get(after + 1).has("V") && verbIsPlural(tokens.get(after + 1)),
                  RoleFact.Via.CLEFT,
                  m.get(),
                  null,
                  false));
        }
      }
      return Optional.empty();
    }
    if (!inSubjectPosition(tokens, i, from)) {
      return Optional.empty();
    }
    Optional<Mention> m = mentionStartingAt(mentions, tokens, i);
    boolean indefinite =
        m.isPresent() && i > from && tokens.get(i - 1).text().matches("(?i)un|une|des|d['’]autres");
    int end;
    RoleFact.Via via;
    Token pronoun = null;
    if (m.isPresent()) {
      end = tokenAfter(tokens, m.get().end());
      end = skipNounComplement(tokens, end, to);
      via = RoleFact.Via.NAMED;
    } else if (isSubjectPronoun(t) || isDemonstrative(tokens, i)) {
      pronoun = t;
      end = i + (t.is("ce") || t.is("cette") ? 2 : 1);
      via = RoleFact.Via.PRONOUN;
    } else if (persons.containsKey(t.text()) && t.has("Z")) {
      end = i + 1;
      via = RoleFact.Via.PERSON;
    } else {
      return Optional.empty();
    }
    int verb = skipToVerb(tokens, end, to);
    if (verb < 0) {
      return Optional.empty();
    }
    if (m.isPresent() && m.get().subjectOnly() && !tokens.get(verb).isFiniteThirdPerson()) {
      return Optional.empty();
    }
    return Optional.of(
        new Subject(
            i,
            end,
            phraseStart(tokens, end, verb),
            verbIsPlural(tokens.get(verb)),
            via,
            m.orElse(null),
            pronoun,
            indefinite));
  }

  private static boolean verbIsPlural(Token verb) {
    return verb.readings().stream()
            .anyMatch(r -> r.pos() != null && r.pos().startsWith("V") && r.pos().endsWith(" 3 p"))
        && verb.readings().stream()
            .noneMatch(r -> r.pos() != null && r.pos().startsWith("V") && r.pos().endsWith(" 3 s"));
  }

  /**
   * Where the verb phrase starts: « ne/n' » and object pronouns right before the verb belong to it.
   */
  private static int phraseStart(List<Token> tokens, int from, int verb) {
    int k = verb - 1;
    while (k >= from) {
      Token t = tokens.get(k);
      if (t.text().matches("(?i)ne|n['’]|s['’]|se|y|en|lui|leur|les|la|le|l['’]|me|te|nous|vous")
          && !t.is(",")) {
        k--;
      } else {
        break;
      }
    }
    return k + 1;
  }

  /**
   * Index of the finite verb after a subject ending at {@code from}, or -1: only « ne », object
   * pronouns, adverbs, a parenthesis or a comma-enclosed apposition without a verb may come
   * between.
   */
  private static int skipToVerb(List<Token> tokens, int from, int to) {
    int k = from;
    while (k < to) {
      Token t = tokens.get(k);
      if (t.isFiniteThirdPerson() && !t.text().matches("(?i)ne|n['’]")) {
        return k;
      }
      if (t.is("(")) {
        int close = find(tokens, ")", k, to);
        if (close < 0) {
          return -1;
        }
        k = close + 1;
      } else if (t.is(",") && k + 1 < to && tokens.get(k + 1).isFiniteThirdPerson()) {
        k++; // « Le délégué au numérique, de région ou d'académie, est chargé… »
      } else if (t.is(",") || t.is("–") || t.is("—") || t.is("-")) {
        int close = findAny(tokens, k + 1, to, ",", "–", "—", "-");
        if (close < 0 || containsVerb(tokens, k + 1, close)) {
          return -1;
        }
        k = close + 1;
      } else if (t.text().matches("(?i)ne|n['’]|s['’]|se|y|en|lui|leur|les|la|le|l['’]")
          || t.has("R pers obj")
          || (t.has("A") && !t.has("V"))) {
        k++;
      } else {
        return -1;
      }
    }
    return -1;
  }

  private static boolean containsVerb(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tokens.get(k).isFiniteThirdPerson()
          && !tokens.get(k).has("N")
          && !tokens.get(k).has("J")) {
        return true;
      }
    }
    return false;
  }

  /** After a mention, « de son établissement », « du collège », « de l'académie »… belong to it. */
  private static int skipNounComplement(List<Token> tokens, int from, int to) {
    int k = from;
    if (k < to
        && (tokens.get(k).is("de")
            || tokens.get(k).is("du")
            || tokens.get(k).is("des")
            || tokens.get(k).text().matches("(?i)d['’]"))) {
      int j = k + 1;
      int words = 0;
      while (j < to && words < 5) {
        Token t = tokens.get(j);
        if (t.isFiniteThirdPerson() && !(t.has("N") && words == 0)) {
          break;
        }
        if (t.isPunctuation() && !t.text().matches("['’-]")) {
          break;
        }
        if (!(t.has("D")
            || t.has("N")
            || t.has("J")
            || t.has("Z")
            || t.has("P")
            || t.text().matches("(?i)l['’]"))) {
          break;
        }
        j++;
        words++;
      }
      if (j < to && tokens.get(j).isFiniteThirdPerson()) {
        return j;
      }
    }
    return k;
  }

  /** Only a clause start, a comma, a determiner or an opening word may come before a subject. */
  private static boolean inSubjectPosition(List<Token> tokens, int i, int from) {
    int k = i - 1;
    while (k >= from && isDeterminer(tokens.get(k))) {
      k--;
    }
    if (k < from) {
      return true;
    }
    Token before = tokens.get(k);
    return before.is(",")
        || before.is(":")
        || before.is("–")
        || before.is("—")
        || (k == from && before.text().matches("(?i)et|mais|donc|puis|alors|ainsi|enfin|or"));
  }

  private static boolean isDeterminer(Token t) {
    return t.text()
        .matches(
            "(?i)le|la|les|l['’]|un|une|chaque|tout|toute|tous|son|sa|ses|leur|"
                + "leurs|ce|cet|cette|ces|notre|votre");
  }

  private Optional<Mention> mentionStartingAt(List<Mention> mentions, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    return mentions.stream()
        .filter(m -> m.start() == t.start() || (m.start() > t.start() && m.start() < t.end()))
        .findFirst();
  }

  private static int tokenAfter(List<Token> tokens, int offset) {
    for (int k = 0; k < tokens.size(); k++) {
      if (tokens.get(k).start() >= offset) {
        return k;
      }
    }
    return tokens.size();
  }

  private static int find(List<Token> tokens, String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tokens.get(k).is(text)) {
        return k;
      }
    }
    return -1;
  }

  private static int findAny(List<Token> tokens, int from, int to, String... texts) {
    for (int k = from; k < to; k++) {
      for (String t : texts) {
        if (tokens.get(k).is(t)) {
          return k;
        }
      }
    }
    return -1;
  }

  private static boolean isSubjectPronoun(Token t) {
    return t.text().matches("(?i)il|elle|ils|elles") && t.has("R pers suj");
  }

  private static boolean isDemonstrative(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (DEMONSTRATIVES.contains(t.text().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return i + 1 < tokens.size()
        && (t.is("ce") || t.is("cette"))
        && (tokens.get(i + 1).is("dernier") || tokens.get(i + 1).is("dernière"));
  }

  /** A first name: the tagger's proper nouns of a gender with "sp" number (places are "s"). */
  private boolean isPersonName(Token t, List<Mention> mentions) {
    if (!(t.has("Z f sp") || t.has("Z m sp")) || t.text().length() < 2) {
      return false;
    }
    boolean inMention =
        mentions.stream().anyMatch(m -> m.start() <= t.start() && t.end() <= m.end());
    return !inMention && Character.isUpperCase(t.text().charAt(0));
  }

  // ---- resolution -----------------------------------------------------------------------------

  private Optional<Referent> resolve(Subject s, List<Token> tokens) {
    if (s.mention() != null) {
      int first = tokenAfter(tokens, s.mention().start());
      if (first > 0 && tokens.get(first - 1).text().matches("(?i)ce|cet|cette|ces")) {
        return anaphoricMention(s.mention());
      }
      return Optional.of(referent(s.mention(), tokens));
    }
    if (s.via() == RoleFact.Via.PERSON) {
      return Optional.ofNullable(persons.get(tokens.get(s.start()).text()));
    }
    Token p = s.pronoun();
    Gender g =
        p.has("R pers suj 3 f")
                || p.has("R dem f")
                || p.text().toLowerCase(Locale.ROOT).startsWith("celle")
                || p.is("cette")
            ? Gender.F
            : Gender.M;
    boolean plural = p.text().toLowerCase(Locale.ROOT).matches("ils|elles|ceux-ci|celles-ci");
    if (isDemonstrative(tokens, s.start())) {
      for (int k = previousMentions.size() - 1; k >= 0; k--) {
        Referent r = previousMentions.get(k);
        if (r.gender().agrees(g) && r.plural() == plural) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
    if (lastSubject != null && lastSubject.gender().agrees(g) && lastSubject.plural() == plural) {
      return Optional.of(lastSubject);
    }
    // « Le rôle de Nadia est différent : elle aide… »: someone named earlier in the sentence.
    int at = p.start();
    List<Referent> here =
        current.stream()
            .filter(
                e ->
                    e.getKey() < at
                        && e.getValue().gender().agrees(g)
                        && e.getValue().plural() == plural
                        && e.getValue().actorId() != null)
            .map(Map.Entry::getValue)
            .toList();
    if (!here.isEmpty()) {
      long distinct = here.stream().map(Referent::actorId).distinct().count();
      return distinct == 1 ? Optional.of(here.get(here.size() - 1)) : Optional.empty();
    }
    List<Referent> candidates =
        previousIntroduced.stream()
            .filter(r -> r.gender().agrees(g) && r.plural() == plural)
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
  private Referent referent(Mention m, List<Token> tokens) {
    Actor actor = catalog.byId(m.actorId()).orElseThrow();
    int i = tokenAfter(tokens, m.start());
    Gender g = Gender.EITHER;
    boolean plural =
        m.text().equalsIgnoreCase(actor.plural()) && !actor.plural().equals(actor.label());
    if (i > 0) {
      Token det = tokens.get(i - 1);
      if (det.has("D f") || det.has("P+D f")) {
        g = Gender.F;
      } else if (det.has("D m") || det.has("P+D m")) {
        g = Gender.M;
      }
      if (det.text().matches("(?i)les|des|aux|ses|leurs|ces")) {
        plural = true;
      } else if (det.text().matches("(?i)le|la|l['’]|du|au|un|une|son|sa|chaque")) {
        plural = false;
      }
    }
    if (g == Gender.EITHER && !actor.acronyms().contains(m.text())) {
      g = actor.feminine() ? Gender.F : Gender.M;
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
  private static boolean isNounComplement(Mention m, List<Token> tokens) {
    int i = tokenAfter(tokens, m.start());
    int k = i - 1;
    while (k >= 0 && isDeterminer(tokens.get(k))) {
      k--;
    }
    if (k < 1) {
      return false;
    }
    Token prep = tokens.get(k);
    if (!(prep.is("de") || prep.is("du") || prep.is("des") || prep.text().matches("(?i)d['’]"))) {
      return false;
    }
    Token before = tokens.get(k - 1);
    return before.has("N") && !before.has("V");
  }

  // ---- relative clauses ---------------------------------------------------------------------

  /** « … avec la DRANE, qui anime le réseau des référents … »: a fact on the DRANE. */
  private List<RoleFact> relatives(Sentence sentence, List<Token> tokens, List<Mention> mentions) {
    List<RoleFact> out = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.subjectOnly()) {
        continue;
      }
      int k = tokenAfter(tokens, m.end());
      k = skipComplementBeforeQui(tokens, k);
      if (k < tokens.size() && tokens.get(k).is(",")) {
        k++;
      }
      if (k + 1 < tokens.size()
          && tokens.get(k).is("qui")
          && (tokens.get(k + 1).isFiniteThirdPerson()
              || tokens.get(k + 1).text().matches("(?i)ne|n['’]"))) {
        if (k >= 1 && tokens.get(k - 1).start() < m.end()) {
          continue;
        }
        int verb = skipToVerb(tokens, k + 1, tokens.size());
        if (verb < 0 || isCleftSubject(tokens, m)) {
          continue;
        }
        int end = relativeEnd(tokens, verb);
        Referent r = referent(m, tokens);
        fact(
                sentence,
                tokens,
                mentions,
                k + 1,
                end,
                r,
                RoleFact.Via.RELATIVE,
                verbIsPlural(tokens.get(verb)))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /** « l'IEN de sa circonscription, qui organise… »: the complement before « , qui ». */
  private static int skipComplementBeforeQui(List<Token> tokens, int from) {
    if (from >= tokens.size() || !tokens.get(from).text().matches("(?i)de|du|des|d['’]")) {
      return from;
    }
    for (int j = from + 1; j < Math.min(tokens.size(), from + 6); j++) {
      Token t = tokens.get(j);
      if (t.is(",") && j + 1 < tokens.size() && tokens.get(j + 1).is("qui")) {
        return j;
      }
      if (!(t.has("D")
          || t.has("N")
          || t.has("J")
          || t.has("P")
          || t.text().matches("(?i)l['’]"))) {
        return from;
      }
    }
    return from;
  }

  private static boolean isCleftSubject(List<Token> tokens, Mention m) {
    int i = tokenAfter(tokens, m.start());
    int k = i - 1;
    while (k >= 0 && isDeterminer(tokens.get(k))) {
      k--;
    }
    return k >= 1 && tokens.get(k).is("est") && tokens.get(k - 1).text().matches("(?i)c['’]");
  }

  /**
   * A relative clause ends at the sentence's end, « ; », « : » or a comma that opens another
   * clause.
   */
  private static int relativeEnd(List<Token> tokens, int verb) {
    for (int k = verb + 1; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is(";") || t.is(":") || t.is(".") || t.is("!") || t.is("?")) {
        return k;
      }
      if (t.is(",")
          && k + 1 < tokens.size()
          && (isSubjectPronoun(tokens.get(k + 1))
              || tokens.get(k + 1).is("et")
              || tokens.get(k + 1).is("mais"))) {
        return k;
      }
    }
    return tokens.size();
  }

  // ---- the fact itself ------------------------------------------------------------------------

  private Optional<RoleFact> fact(
      Sentence sentence,
      List<Token> tokens,
      List<Mention> mentions,
      int from,
      int to,
      Referent subject,
      RoleFact.Via via,
      boolean pluralVerb) {
    Actor actor = catalog.byId(subject.actorId()).orElseThrow();
    // Trailing punctuation is not part of the verb phrase.
    int end = to;
    while (end > from
        && tokens.get(end - 1).isPunctuation()
        && !tokens.get(end - 1).is(")")
        && !tokens.get(end - 1).is("»")) {
      end--;
    }
    if (end <= from) {
      return Optional.empty();
    }
    List<Token> phrase = tokens.subList(from, end);
    String text = sentence.text();
    String predicate = text.substring(phrase.get(0).start(), phrase.get(phrase.size() - 1).end());

    int verbIndex = -1;
    for (int k = 0; k < phrase.size(); k++) {
      if (phrase.get(k).isFiniteThirdPerson() && !phrase.get(k).text().matches("(?i)ne|n['’]")) {
        verbIndex = k;
        break;
      }
    }
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
    boolean negated = false;
    boolean restrictive = false;
    for (int k = 0; k < verbIndex; k++) {
      if (phrase.get(k).text().matches("(?i)ne|n['’]")) {
        negated = true;
      }
    }
    if (negated) {
      boolean closed = false;
      for (int k = verbIndex + 1; k < Math.min(phrase.size(), verbIndex + 5); k++) {
        String w = phrase.get(k).text().toLowerCase(Locale.ROOT);
        if (w.equals("que") || w.equals("qu'") || w.equals("qu’")) {
          restrictive = true;
        }
        if (NEGATION_ENDS.contains(w)) {
          closed = true;
        }
      }
      if (restrictive || !closed) {
        return Optional.empty(); // « ne … que » restricts; an unclosed « ne » is not read
      }
    }
    Polarity polarity = negated ? Polarity.NEGATIVE : Polarity.POSITIVE;

    // Question forms stop before a list of examples: « …, par exemple les publications Éduscol »,
    // « des outils comme le LSU (livret scolaire unique) ».
    List<Token> form = phrase.subList(0, examplesStart(phrase, verbIndex));
    int formStart = form.get(0).start();
    int formEnd = form.get(form.size() - 1).end();
    String formText = text.substring(formStart, formEnd);
    boolean standsAlone =
        standsAlone(form, verbIndex, mentions, text)
            && !formText.matches("(?s).*\\p{L}[.·](e|es|e\\.s)(?!\\p{L}).*")
            && mentions.stream()
                .noneMatch(
                    m ->
                        m.actorId().equals(actor.id())
                            && m.start() >= formStart
                            && m.end() <= formEnd)
            && !(via == RoleFact.Via.RELATIVE
                && form.stream().anyMatch(t -> t.text().matches("(?i)son|sa|ses|leur|leurs")));
    int words =
        (int)
            form.stream()
                .filter(t -> !t.isPunctuation() && !t.text().matches("(?i)et|ou|ni"))
                .count();
    boolean fitting = words >= MIN_PREDICATE_WORDS && words <= MAX_PREDICATE_WORDS;
    boolean asksWell = words >= MIN_QUESTION_WORDS && !(pluralVerb && verb.has("V etre"));
    boolean present = verb.isPresentThirdPerson();
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
    asksWell &= !beneficiary(form, verbIndex);
    if (standsAlone && fitting && present) {
      if (polarity == Polarity.POSITIVE && asksWell) {
        who = whoForm(form, verbIndex, text);
        role = roleForm(form, verbIndex, text);
      }
      statement = statement(form, verbIndex, text, actor, pluralVerb, polarity);
    }
    String id = actor.id() + "-" + Digests.shortHex(normalise(predicate));
    return Optional.of(
        new RoleFact(id, actor.id(), polarity, predicate, who, role, statement, sentence, via));
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
      boolean starts = false;
      if (t.is(",") && k + 1 < phrase.size()) {
        Token next = phrase.get(k + 1);
        starts =
            next.text().matches("(?i)comme|notamment|tels?|telles?")
                || (next.is("par") && k + 2 < phrase.size() && phrase.get(k + 2).is("exemple"));
      } else if (t.is("comme") && k + 1 < phrase.size() && phrase.get(k + 1).has("D")) {
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
      List<Token> phrase, int verbIndex, List<Mention> mentions, String text) {
    for (int k = 0; k < verbIndex; k++) {
      Token t = phrase.get(k);
      boolean reflexive = t.text().matches("(?i)se|s['’]");
      if (!reflexive
          && !t.text().matches("(?i)ne|n['’]")
          && (t.has("R pers obj") || t.text().matches("(?i)y|en|lui|leur|les|la|le|l['’]"))) {
        return false;
      }
    }
    for (int k = verbIndex + 1; k + 1 < phrase.size() && k <= verbIndex + 3; k++) {
      // « peut la former », « va les accompagner »: an object pronoun before an infinitive.
      if (phrase.get(k).text().matches("(?i)le|la|les|l['’]|lui|leur|y|en")
          && phrase.get(k + 1).has("V inf")) {
        return false;
      }
    }
    for (Token t : phrase) {
      String w = t.text().toLowerCase(Locale.ROOT);
      if (isSubjectPronoun(t) && !agreeingNounBefore(phrase, phrase.indexOf(t))) {
        return false; // « les personnes sur lesquelles elle pourra s'appuyer »: elle is the subject
      }
      if (SECOND_PERSON.contains(w)
          || DEMONSTRATIVES.contains(w)
          || w.equals("cela")
          || w.equals("ça")
          || w.equals("celle-ci")
          || w.equals("celui-ci")) {
        return false;
      }
      boolean capitalised =
          !t.text().isEmpty()
              && Character.isUpperCase(t.text().charAt(0))
              && !t.text().equals(t.text().toUpperCase(Locale.ROOT));
      if (isPersonName(t, mentions)
          || (phrase.indexOf(t) > 0
              && !inAnyMention(t, mentions)
              && (t.has("Z") || (capitalised && t.readings().isEmpty())))) {
        return false; // people and places (« Rosemarie », « Valmont-sur-Lys ») belong to the story
      }
      if (t.is("«") || t.is("»") || t.is("\"")) {
        return false;
      }
      if (t.text().matches("(?i)ce|cet|cette|ces") && t.has("D")) {
        return false; // « le respect de ce règlement »: which one is said before
      }
      if (t.text().matches(".*\\p{L}[.·](e|e\\.s|s|es)$") || t.text().contains("·")) {
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
        if (r.pos() != null && r.pos().matches("N [" + gender + "e] (" + number + "|sp)")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean inAnyMention(Token t, List<Mention> mentions) {
    return mentions.stream().anyMatch(m -> m.start() <= t.start() && t.end() <= m.end());
  }

  /**
   * The verb phrase for « Qui … ? »: third person singular, masculine agreement, no discourse
   * words.
   */
  private Optional<String> whoForm(List<Token> phrase, int verbIndex, String text) {
    boolean[] drop = discourseWords(phrase);
    List<String> words = new ArrayList<>();
    for (int k = 0; k < phrase.size(); k++) {
      Token t = phrase.get(k);
      if (drop[k]) {
        words.add(null);
        continue;
      }
      String w = t.text();
      if (k == verbIndex || isCoordinatedVerb(phrase, k, verbIndex)) {
        Optional<String> singular = toSingular(t);
        if (singular.isEmpty()) {
          return Optional.empty();
        }
        w = singular.get();
      } else if (k > verbIndex && k <= verbIndex + 2 && isAfterEtre(phrase, verbIndex, k)) {
        Optional<String> agreed = agree(t, false, false);
        if (agreed.isEmpty()) {
          return Optional.empty();
        }
        w = agreed.get();
      }
      words.add(w);
    }
    return Optional.of(join(phrase, words, text));
  }

  /**
   * « animer le réseau… » from « anime le réseau… »; modal and « être chargé de » are unwrapped.
   */
  private Optional<String> roleForm(List<Token> phrase, int verbIndex, String text) {
    Token verb = phrase.get(verbIndex);
    Optional<Token.Reading> reading = thirdPersonVerb(verb);
    if (reading.isEmpty()) {
      return Optional.empty();
    }
    String lemma = reading.get().lemma();
    int start = verbIndex;
    List<String> words = new ArrayList<>();
    if (lemma.equals("pouvoir") || lemma.equals("devoir")) {
      int inf = verbIndex + 1;
      while (inf < phrase.size() && phrase.get(inf).has("A") && !phrase.get(inf).has("V inf")) {
        inf++;
      }
      if (inf >= phrase.size() || !phrase.get(inf).has("V inf")) {
        return Optional.empty();
      }
      start = inf;
      words.add(phrase.get(inf).text());
    } else if (lemma.equals("être")
        && verbIndex + 2 < phrase.size()
        && phrase.get(verbIndex + 1).text().toLowerCase(Locale.ROOT).startsWith("chargé")
        && phrase.get(verbIndex + 2).text().matches("(?i)de|d['’]")) {
      int k = verbIndex + 3;
      while (k < phrase.size() && !phrase.get(k).has("V inf")) {
        k++;
      }
      if (k >= phrase.size() || k > verbIndex + 6) {
        return Optional.empty();
      }
      start = k;
      words.add(phrase.get(k).text());
    } else if (lemma.equals("avoir")
        && verbIndex + 2 < phrase.size()
        && phrase.get(verbIndex + 1).is("pour")
        && phrase.get(verbIndex + 2).text().startsWith("mission")) {
      int k = verbIndex + 3;
      while (k < phrase.size() && !phrase.get(k).text().matches("(?i)de|d['’]")) {
        k++;
      }
      if (k + 1 >= phrase.size() || !phrase.get(k + 1).has("V inf")) {
        return Optional.empty();
      }
      start = k + 1;
      words.add(phrase.get(k + 1).text());
    } else if (NO_ROLE_VERBS.contains(lemma)) {
      return Optional.empty();
    } else {
      words.add(lemma);
    }
    // A reflexive pronoun before the verb stays with the infinitive: « s'occuper de… ».
    String prefix = "";
    for (int k = 0; k < verbIndex; k++) {
      if (phrase.get(k).text().matches("(?i)se|s['’]")) {
        prefix = startsWithVowelSound(words.get(0)) ? "s'" : "se ";
      }
    }
    boolean[] drop = discourseWords(phrase);
    for (int k = start + 1; k < phrase.size(); k++) {
      Token t = phrase.get(k);
      if (drop[k]) {
        words.add(null);
      } else if (isCoordinatedVerb(phrase, k, verbIndex)) {
        Optional<Token.Reading> r = thirdPersonVerb(t);
        if (r.isEmpty()) {
          return Optional.empty();
        }
        words.add(r.get().lemma());
      } else {
        words.add(t.text());
      }
    }
    List<Token> tail = phrase.subList(start, phrase.size());
    String joined = prefix + join(tail, words, text);
    return Optional.of(joined);
  }

  /** The affirmative sentence: the actor as subject, negation removed, agreement kept. */
  private Optional<String> statement(
      List<Token> phrase,
      int verbIndex,
      String text,
      Actor actor,
      boolean pluralVerb,
      Polarity polarity) {
    List<String> words = new ArrayList<>();
    List<Token> kept = new ArrayList<>();
    boolean skippedPas = false;
    boolean[] drop = discourseWords(phrase);
    for (int k = 0; k < phrase.size(); k++) {
      Token t = phrase.get(k);
      String w = t.text().toLowerCase(Locale.ROOT);
      if (drop[k]) {
        continue;
      }
      if (polarity == Polarity.NEGATIVE
          && k + 1 < phrase.size()
          && phrase.get(k).is("pour")
          && phrase.get(k + 1).is("autant")) {
        k++;
        continue; // « pour autant » only makes sense in the negation
      }
      if (polarity == Polarity.NEGATIVE) {
        if (k < verbIndex && w.matches("ne|n['’]")) {
          continue;
        }
        if (k > verbIndex && NOT_AFFIRMABLE.contains(w)) {
          return Optional.empty();
        }
        if (k > verbIndex
            && !skippedPas
            && (w.equals("pas")
                || w.equals("plus")
                || w.equals("jamais")
                || w.equals("point")
                || w.equals("nullement"))) {
          skippedPas = true;
          if (k + 2 < phrase.size()
              && phrase.get(k + 1).is("non")
              && phrase.get(k + 2).is("plus")) {
            k += 2;
          }
          continue;
        }
        if (k > verbIndex && w.equals("ni")) {
          if (!skippedPas && kept.size() == verbIndex + 1 - countNe(phrase, verbIndex)) {
            continue; // « ne remplace ni A ni B »: the first « ni » goes
          }
          if (!skippedPas) {
            words.add("et");
            kept.add(t);
            continue;
          }
          // « n'assure pas A, ni B »: what follows « ni » is another negation; stop before it.
          if (!kept.isEmpty() && kept.get(kept.size() - 1).is(",")) {
            kept.remove(kept.size() - 1);
            words.remove(words.size() - 1);
          }
          break;
        }
      }
      String word = t.text();
      if (k > verbIndex && k <= verbIndex + 2 && isAfterEtre(phrase, verbIndex, k)) {
        Optional<String> agreed = agree(t, actor.feminine(), pluralVerb);
        if (agreed.isEmpty()) {
          return Optional.empty();
        }
        word = agreed.get();
      }
      words.add(word);
      kept.add(t);
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    String subject =
        pluralVerb ? Texts.capitalise(actor.definitePlural()) : actor.definiteCapitalised();
    String body = join(kept, words, text);
    return Optional.of(subject + " " + body + ".");
  }

  /**
   * A second verb sharing the subject: « prépare les ressources et communique les informations », «
   * repère, accompagne et valorise ».
   */
  private static boolean isCoordinatedVerb(List<Token> phrase, int k, int verbIndex) {
    if (k <= verbIndex || k == 0) {
      return false;
    }
    for (int j = verbIndex + 1; j < k; j++) {
      Token w = phrase.get(j);
      if (isSubjectPronoun(w)
          || w.text()
              .matches("(?i)que|qu['’]|qui|où|dont|lorsque|lorsqu['’]|quand|si|s['’]il|s['’]ils")) {
        return false; // « … pour qu'ils s'approprient et développent » has a subject of its own
      }
    }
    Token t = phrase.get(k);
    int b = k - 1;
    while (b > verbIndex
        && phrase.get(b).text().matches("(?i)se|s['’]|lui|leur|les|la|le|l['’]|y|en|ne|n['’]")) {
      b--; // « …, s'occupent de… », « … et lui confie », « … et les transmet »
    }
    Token before = phrase.get(b);
    return t.isPresentThirdPerson()
        && !t.has("D")
        && (before.is("et") || before.is(",") || before.is("ou") || before.is("puis"))
        && !(b >= 1 && isDeterminer(phrase.get(b - 1)) && before.is(","));
  }

  private static int countNe(List<Token> phrase, int verbIndex) {
    int n = 0;
    for (int k = 0; k < verbIndex; k++) {
      if (phrase.get(k).text().matches("(?i)ne|n['’]")) {
        n++;
      }
    }
    return n;
  }

  /** Whether token {@code k} is the participle or adjective right after a form of « être ». */
  private static boolean isAfterEtre(List<Token> phrase, int verbIndex, int k) {
    Token verb = phrase.get(verbIndex);
    if (!verb.has("V etre")) {
      return false;
    }
    Token t = phrase.get(k);
    if (k == verbIndex + 2 && !phrase.get(verbIndex + 1).has("A")) {
      return false;
    }
    return (t.has("J") || t.has("V ppa")) && !t.has("N") || t.has("V ppa");
  }

  /** A participle or adjective in the given gender and number (masculine singular for « Qui »). */
  private Optional<String> agree(Token t, boolean feminine, boolean plural) {
    String target = (feminine ? "f" : "m") + " " + (plural ? "p" : "s");
    for (Token.Reading r : t.readings()) {
      if (r.pos() == null) {
        continue;
      }
      if (r.pos().startsWith("V ppa") || r.pos().startsWith("J")) {
        String kind = r.pos().startsWith("V ppa") ? "V ppa " : "J ";
        if (r.pos().endsWith(target)
            || r.pos().endsWith(target.replace("m", "e").replace("f", "e"))) {
          return Optional.of(t.text());
        }
        Optional<String> form = nlp.inflect(t.text(), r.lemma(), r.pos(), kind + target);
        if (form.isPresent()) {
          return form;
        }
        Optional<String> epicene =
            nlp.inflect(t.text(), r.lemma(), r.pos(), kind + "e " + (plural ? "p" : "s"));
        if (epicene.isPresent()) {
          return epicene;
        }
      }
    }
    return Optional.of(t.text());
  }

  /** The third-person singular of a verb form: « ont » gives « a ». */
  private Optional<String> toSingular(Token verb) {
    for (Token.Reading r : verb.readings()) {
      if (r.pos() != null && r.pos().startsWith("V") && r.pos().endsWith(" 3 s")) {
        return Optional.of(verb.text());
      }
    }
    for (Token.Reading r : verb.readings()) {
      if (r.pos() != null && r.pos().startsWith("V") && r.pos().endsWith(" 3 p")) {
        String target = r.pos().substring(0, r.pos().length() - 1) + "s";
        return nlp.inflect(verb.text(), r.lemma(), r.pos(), target);
      }
    }
    return Optional.empty();
  }

  /**
   * Joins words back with the spacing of the source text (elisions stay glued: « l'ENT »). A null
   * word is left out, with the spacing around it.
   */
  private static String join(List<Token> tokens, List<String> words, String text) {
    StringBuilder out = new StringBuilder();
    Token previous = null;
    for (int k = 0; k < tokens.size(); k++) {
      String w = words.get(k);
      if (w == null) {
        continue;
      }
      Token t = tokens.get(k);
      if (previous != null) {
        int gapFrom = previous.end();
        int gapTo = t.start();
        if (gapTo < gapFrom || gapTo > text.length()) {
          out.append(' ');
        } else if (gapTo > gapFrom) {
          // Only the spacing between two kept words; words left out in between are not copied.
          String gap = text.substring(gapFrom, gapTo);
          out.append(gap.isBlank() ? gap : " ");
        }
      }
      boolean unchanged = w.equals(t.text()) && t.end() <= text.length();
      out.append(unchanged ? text.substring(t.start(), t.end()) : w);
      previous = t;
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  /**
   * Marks discourse words right after a verb (« anime aussi », « distribue par exemple », « peut
   * notamment »), which question forms leave out. « par exemple » after a comma introduces examples
   * and stays.
   */
  private static boolean[] discourseWords(List<Token> phrase) {
    boolean[] drop = new boolean[phrase.size()];
    for (int k = 0; k < phrase.size(); k++) {
      if (!phrase.get(k).has("V")) {
        continue;
      }
      int j = k + 1;
      if (j < phrase.size() && (phrase.get(j).is("là") || phrase.get(j).is("ici"))) {
        j++; // « est là notamment pour… »
      }
      boolean found = true;
      while (found && j < phrase.size()) {
        found = false;
        for (String w : DISCOURSE_WORDS) {
          String[] parts = w.split("(?<=')|\\s+");
          if (j + parts.length > phrase.size()) {
            continue;
          }
          boolean match = true;
          for (int p = 0; p < parts.length; p++) {
            String tok = phrase.get(j + p).text().replace('’', '\'');
            if (!tok.equalsIgnoreCase(parts[p])) {
              match = false;
              break;
            }
          }
          if (match) {
            for (int p = 0; p < parts.length; p++) {
              drop[j + p] = true;
            }
            j += parts.length;
            found = true;
            break;
          }
        }
      }
    }
    return drop;
  }

  /** The token's reading as a verb in the third person, whose lemma is its infinitive. */
  private static Optional<Token.Reading> thirdPersonVerb(Token t) {
    return t.readings().stream()
        .filter(r -> r.pos() != null && r.pos().startsWith("V") && r.pos().contains(" 3 "))
        .findFirst();
  }

  private static boolean startsWithVowelSound(String w) {
    return !w.isEmpty() && "aeiouyàâéèêëîïôûhAEIOUYÀÂÉÈÊËÎÏÔÛH".indexOf(w.charAt(0)) >= 0;
  }

  /** Lower case, no accents, single spaces: the predicate as a key. */
  static String normalise(String s) {
    return Texts.fold(s).replace('’', '\'').replaceAll("[^a-z0-9']+", " ").strip();
  }
}
