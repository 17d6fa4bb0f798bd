package io.github.coursepack.analysis;

import io.github.coursepack.io.Digests;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds who does what in a unit's sentences: for each clause, the actor in subject position (named,
 * a pronoun, a person the text introduced as an actor, a relative « qui », a cleft « c'est … qui »)
 * and the verb phrase that follows, with its polarity. It is deliberately cautious: a clause whose
 * subject cannot be resolved for sure, or whose verb phrase leans on context (object pronouns,
 * names of people, « vous »), gives no question form.
 *
 * <p>The work is shared out: {@link SubjectFinder} finds clauses and subjects, {@link Discourse}
 * resolves them to actors (with {@link PersonBinder} for the people the text introduces), and
 * {@link FactForms} writes the French forms questions need.
 *
 * <p>Usage: {@code List<RoleFact> facts = new FactExtractor(catalog, nlp).extract(blocks);}
 */
public final class FactExtractor {

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
          "on");

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
  private final PersonBinder binder;
  private final SubjectFinder subjects;
  private final FactForms forms;

  public FactExtractor(ActorCatalog catalog, FrenchNlp nlp) {
    this.catalog = catalog;
    this.finder = new MentionFinder(catalog);
    this.nlp = nlp;
    this.discourse = new Discourse(catalog);
    this.binder = new PersonBinder(catalog, discourse);
    this.subjects = new SubjectFinder(discourse);
    this.forms = new FactForms(nlp);
  }

  /** The facts of a unit's text blocks (transcript or article), in text order. */
  public List<RoleFact> extract(List<TextBlock> blocks) {
    discourse.reset();
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
    String of = Tokens.startsWithVowelSound(infinitive) ? "d'" : "de ";
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
    discourse.beginSentence(tokens, mentions, text);
    binder.bind(tokens, mentions, text);
    discourse.noteNamed(tokens, mentions, binder);
    List<RoleFact> facts = new ArrayList<>();
    boolean question = text.strip().endsWith("?");
    if (!question) {
      for (int[] clause : subjects.clauses(tokens, mentions)) {
        facts.addAll(clause(sentence, tokens, mentions, clause[0], clause[1]));
      }
      for (SubjectFinder.Relative r : subjects.relatives(tokens, mentions)) {
        fact(
                sentence,
                tokens,
                mentions,
                r.verbStart(),
                r.end(),
                discourse.referent(r.mention(), tokens),
                RoleFact.Via.RELATIVE,
                r.pluralVerb())
            .ifPresent(facts::add);
      }
    }
    discourse.endSentence();
    return facts;
  }

  private List<RoleFact> clause(
      Sentence sentence, List<Token> tokens, List<Mention> mentions, int from, int to) {
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
    subjects.otherSubject(tokens, mentions, from, to).ifPresent(r -> discourse.lastSubject = r);
    return List.of();
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
        who = forms.whoForm(form, verbIndex, text);
        role = forms.roleForm(form, verbIndex, text);
      }
      statement = forms.statement(form, verbIndex, text, actor, pluralVerb, polarity);
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
      if (Tokens.isSubjectPronoun(t) && !agreeingNounBefore(phrase, phrase.indexOf(t))) {
        return false; // « les personnes sur lesquelles elle pourra s'appuyer »: elle is the subject
      }
      if (SECOND_PERSON.contains(w)
          || SubjectFinder.isDemonstrativeWord(w)
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
      if (binder.isPersonName(t, mentions)
          || (phrase.indexOf(t) > 0
              && !Tokens.inAnyMention(t, mentions)
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

  /** Lower case, no accents, single spaces: the predicate as a key. */
  static String normalise(String s) {
    return Texts.fold(s).replace('’', '\'').replaceAll("[^a-z0-9']+", " ").strip();
  }
}
