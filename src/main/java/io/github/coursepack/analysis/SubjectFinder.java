package io.github.coursepack.analysis;

import io.github.coursepack.model.RoleFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds clauses and their subjects in a tokenised sentence: an actor mention, a pronoun or a
 * person's name in subject position, a cleft « c'est X qui … », and relative clauses « X, qui … ».
 */
final class SubjectFinder {

  private static final java.util.regex.Pattern QUE_OR_DE =
      java.util.regex.Pattern.compile("que|qu['’]|de|d['’]");

  private static final Set<String> DEMONSTRATIVES =
      Set.of("celui-ci", "celle-ci", "ceux-ci", "celles-ci");

  private final Discourse discourse;

  SubjectFinder(Discourse discourse) {
    this.discourse = discourse;
  }

  /** A relative clause on an actor: « la DRANE, qui anime… ». */
  record Relative(Mention mention, int verbStart, int end, boolean pluralVerb) {}

  // ---- clauses ------------------------------------------------------------------------------

  /**
   * Token ranges of independent clauses: split at « ; », « : », « et il… », and at a comma that
   * starts a clause of its own (« …, le département équipe les collèges, le DPD conseille… »).
   */
  List<int[]> clauses(List<Token> tokens, List<Mention> mentions) {
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
          && (Tokens.isSubjectPronoun(tokens.get(i + 1))
              || isFirstPerson(tokens.get(i + 1))
              || (startsClause(tokens, mentions, i + 1) && verbBefore(tokens, start, i)))) {
        // « L'IEN réunit les directeurs et l'eRUN les prépare »: a second subject, a second clause.
        out.add(new int[] {start, i});
        start = i + 1;
      } else if (t.is(",") && i > start) {
        int j = i + 1;
        if (j < tokens.size() && (tokens.get(j).is("et") || tokens.get(j).is("mais"))) {
          j++;
        }
        // « Pour les écoles, c'est la commune qui… », « Dans ce collège, la DSI installe… »: what
        // comes before the comma is the clause's lead, not a clause of its own.
        // « quand un poste tombe en panne, c'est la région qui… »: the comma closes the
        // condition, whose clause goes on.
        boolean condition =
            tokens.get(start).textMatches("(?i)si|s['’]|quand|lorsque|lorsqu['’]")
                || (start + 1 < i
                    && tokens.get(start).textMatches("(?i)et|mais")
                    && tokens.get(start + 1).textMatches("(?i)si|s['’]|quand|lorsque"));
        if (startsClause(tokens, mentions, j)
            && Tokens.containsVerb(tokens, start, i)
            && !(condition && Tokens.find(tokens, ",", start, i) < 0)) {
          out.add(new int[] {start, i});
          start = j;
        }
      }
    }
    out.add(new int[] {start, tokens.size()});
    return out;
  }

  /**
   * Whether [from, to) has a verb of its own after its last subordinating word: « réunit les
   * directeurs » before « et l'eRUN les prépare » has one; « s'assurer que les élèves » before « et
   * les parents parviennent » has none (the two subjects share the verb that follows).
   */
  private static boolean verbBefore(List<Token> tokens, int from, int to) {
    int start = from;
    for (int k = from; k < to; k++) {
      if (tokens
          .get(k)
          .textMatches("(?i)que|qu['’]|qui|dont|où|si|s['’]|quand|lorsque|lorsqu['’]")) {
        start = k + 1;
      }
    }
    return Tokens.containsVerb(tokens, start, to);
  }

  /**
   * Whether a subject and its verb start at token {@code j}: « il conseille », « le DPD conseille
   * ».
   */
  private boolean startsClause(List<Token> tokens, List<Mention> mentions, int j) {
    if (j >= tokens.size()) {
      return false;
    }
    if (Tokens.isSubjectPronoun(tokens.get(j)) || isFirstPerson(tokens.get(j))) {
      return true;
    }
    if (j + 1 < tokens.size()
        && tokens.get(j).textMatches("(?i)c['’]")
        && tokens.get(j + 1).is("est")) {
      return true; // « …, c'est l'EAFC qui les convoque »
    }
    if (!tokens.get(j).textMatches("(?i)le|la|les|l['’]")) {
      return false;
    }
    int k = j + 1;
    Optional<Mention> m =
        k < tokens.size() ? Tokens.mentionStartingAt(mentions, tokens, k) : Optional.empty();
    if (m.isPresent()) {
      k = Tokens.tokenAfter(tokens, m.get().end());
    } else if (k < tokens.size() && tokens.get(k).has("N") && !tokens.get(k).has("V")) {
      k++;
      while (k < tokens.size() && tokens.get(k).has("J") && !tokens.get(k).isFiniteThirdPerson()) {
        k++;
      }
    } else {
      return false;
    }
    // « la commune ne les finance pas », « l'eRUN les prépare »: pronouns before the verb.
    while (k < tokens.size()
        && tokens.get(k).textMatches("(?i)ne|n['’]|se|s['’]|y|en|le|la|les|l['’]|lui|leur")) {
      k++;
    }
    return k < tokens.size() && tokens.get(k).isFiniteThirdPerson();
  }

  /**
   * The subject of a clause whose subject is not an actor, as far as gender and number go; or, for
   * « La première tâche de Sarah est… », the person or actor it belongs to, who stays the topic.
   */
  Optional<Referent> otherSubject(List<Token> tokens, List<Mention> mentions, int from, int to) {
    for (int v = from; v < to; v++) {
      Token t = tokens.get(v);
      if (!t.isFiniteThirdPerson() || t.has("N") && !t.has("V ind") || Tokens.isNe(t)) {
        continue;
      }
      for (int k = v - 1; k >= from; k--) {
        Token n = tokens.get(k);
        if (n.is("qui") || n.is("que") || n.is("qu'") || n.is("où") || n.is("dont")) {
          break; // the verb of a relative clause
        }
        boolean unknownName =
            n.readings().isEmpty()
                && !n.text().isEmpty()
                && Character.isUpperCase(n.text().charAt(0));
        if ((n.has("N") && !n.has("V")) || unknownName) {
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
          Referent.Gender g =
              n.has("N f")
                  ? Referent.Gender.F
                  : n.has("N m") ? Referent.Gender.M : Referent.Gender.EITHER;
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
      if (!(t.textMatches("(?i)de|du|d['’]") && k + 1 < verb)) {
        continue;
      }
      Token next = tokens.get(k + 1);
      Referent person = discourse.persons.get(next.text());
      if (person != null && person.actorId() != null) {
        return Optional.of(person);
      }
      int after = k + 1;
      while (after < verb && Tokens.isDeterminer(tokens.get(after))) {
        after++;
      }
      if (after < verb) {
        Optional<Mention> m = Tokens.mentionStartingAt(mentions, tokens, after);
        if (m.isPresent() && !m.get().subjectOnly()) {
          return Optional.of(discourse.referent(m.get(), tokens));
        }
      }
    }
    return Optional.empty();
  }

  // ---- subjects -----------------------------------------------------------------------------

  /**
   * A subject starting at token {@code i}: an actor mention, a pronoun or a person's name, in
   * subject position (after the clause start, a comma or a determiner only), followed by a finite
   * verb (with « ne », object pronouns, a parenthesis or an apposition between).
   */
  Optional<Subject> subjectAt(List<Token> tokens, List<Mention> mentions, int i, int from, int to) {
    Token t = tokens.get(i);
    // « C'est le chef d'établissement qui confie… »
    if (i + 1 < to && t.textMatches("(?i)c['’]") && tokens.get(i + 1).is("est")) {
      int k = i + 2;
      while (k < to && CLEFT_ADVERBS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
        k++; // « c'est donc le DASEN qui… », « c'est aussi lui qui… »
      }
      while (k < to && Tokens.isDeterminer(tokens.get(k))) {
        k++;
      }
      Optional<Mention> m =
          k < to ? Tokens.mentionStartingAt(mentions, tokens, k) : Optional.empty();
      if (m.isEmpty()
          && k + 1 < to
          && tokens.get(k).textMatches("(?i)lui|elle|eux|elles")
          && tokens.get(k + 1).is("qui")) {
        int verb = skipToVerb(tokens, k + 2, to);
        if (verb > k + 1) {
          // « C'est elle qui signe les conventions »: the pronoun refers as « il » and « elle » do.
          return Optional.of(
              new Subject(
                  k,
                  k + 1,
                  k + 2,
                  Tokens.verbIsPlural(tokens.get(verb)),
                  RoleFact.Via.CLEFT,
                  null,
                  tokens.get(k),
                  false));
        }
      }
      if (m.isEmpty() && k + 1 < to && discourse.persons.containsKey(tokens.get(k).text())) {
        int after = k + 1;
        while (after < to && discourse.persons.containsKey(tokens.get(after).text())) {
          after++;
        }
        if (after + 1 < to && tokens.get(after).is("qui")) {
          int verb = skipToVerb(tokens, after + 1, to);
          if (verb > after) {
            // « C'est Léa qui les préparera… »: the person the text made an actor.
            return Optional.of(
                new Subject(
                    k,
                    after,
                    after + 1,
                    Tokens.verbIsPlural(tokens.get(verb)),
                    RoleFact.Via.CLEFT,
                    null,
                    null,
                    false));
          }
        }
      }
      if (m.isPresent()) {
        int after = Tokens.tokenAfter(tokens, m.get().end());
        after = skipNounComplement(tokens, after, to);
        after = skipApposition(tokens, mentions, after, to);
        if (after + 1 < to
            && tokens.get(after).is("qui")
            && tokens.get(after + 1).isFiniteThirdPerson()) {
          return Optional.of(
              new Subject(
                  i,
                  after,
                  after + 1,
                  tokens.get(after + 1).has("V") && Tokens.verbIsPlural(tokens.get(after + 1)),
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
    Optional<Mention> m = Tokens.mentionStartingAt(mentions, tokens, i);
    boolean indefinite =
        m.isPresent() && i > from && tokens.get(i - 1).textMatches("(?i)un|une|des|d['’]autres");
    int end;
    RoleFact.Via via;
    Token pronoun = null;
    if (m.isPresent()) {
      end = Tokens.tokenAfter(tokens, m.get().end());
      end = skipNounComplement(tokens, end, to);
      via = RoleFact.Via.NAMED;
    } else if (Tokens.isSubjectPronoun(t) || isDemonstrative(tokens, i)) {
      if (isImpersonal(tokens, i, to)) {
        return Optional.empty();
      }
      pronoun = t;
      end = i + (t.is("ce") || t.is("cette") ? 2 : 1);
      via = RoleFact.Via.PRONOUN;
    } else if (isFirstPerson(t) && discourse.speaker != null) {
      pronoun = t;
      end = i + 1;
      via = RoleFact.Via.SPEAKER;
    } else if (discourse.persons.containsKey(t.text())
        && Character.isUpperCase(t.text().charAt(0))) {
      end = i + 1;
      while (end < to && discourse.persons.containsKey(tokens.get(end).text())) {
        end++; // « Léa Fontaine »
      }
      via = RoleFact.Via.PERSON;
    } else {
      return Optional.empty();
    }
    int verb =
        via == RoleFact.Via.SPEAKER
            ? skipToFirstPersonVerb(tokens, end, to)
            : skipToVerb(tokens, end, to);
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
            Tokens.verbIsPlural(tokens.get(verb)),
            via,
            m.orElse(null),
            pronoun,
            indefinite));
  }

  /**
   * Where the verb phrase starts: « ne/n' » and object pronouns right before the verb belong to it.
   */
  private static int phraseStart(List<Token> tokens, int from, int verb) {
    int k = verb - 1;
    while (k >= from
        && tokens
            .get(k)
            .textMatches(
                "(?i)ne|n['’]|s['’]|se|y|en|lui|leur|les|la|le|l['’]|me|m['’]|te|t['’]|nous|vous")) {
      k--;
    }
    return k + 1;
  }

  /**
   * Index of the finite verb after a subject ending at {@code from}, or -1: only « ne », object
   * pronouns, adverbs, a parenthesis or a comma-enclosed apposition without a verb may come
   * between.
   */
  static int skipToVerb(List<Token> tokens, int from, int to) {
    int k = from;
    while (k < to) {
      Token t = tokens.get(k);
      if (t.isFiniteThirdPerson() && !Tokens.isNe(t)) {
        return k;
      }
      if (t.is("(")) {
        int close = Tokens.find(tokens, ")", k, to);
        if (close < 0) {
          return -1;
        }
        k = close + 1;
      } else if (t.is(",") && k + 1 < to && tokens.get(k + 1).isFiniteThirdPerson()) {
        k++; // « Le délégué au numérique, de région ou d'académie, est chargé… »
      } else if (t.is(",") || t.is("–") || t.is("—") || t.is("-")) {
        int close = Tokens.findAny(tokens, k + 1, to, ",", "–", "—", "-");
        if (close < 0 || Tokens.containsVerb(tokens, k + 1, close)) {
          return -1;
        }
        k = close + 1;
      } else if (t.textMatches("(?i)ne|n['’]|s['’]|se|y|en|lui|leur|les|la|le|l['’]")
          || t.has("R pers obj")
          || (t.has("A") && !t.has("V"))) {
        k++;
      } else {
        return -1;
      }
    }
    return -1;
  }

  /** Words between « c'est » and the actor of a cleft. */
  private static final Set<String> CLEFT_ADVERBS =
      Set.of(
          "donc",
          "aussi",
          "bien",
          "alors",
          "justement",
          "plutôt",
          "surtout",
          "toujours",
          "d'abord",
          "d’abord",
          "souvent",
          "généralement",
          "normalement",
          "encore");

  /** « je », « j' »: the speaker of an interview. */
  static boolean isFirstPerson(Token t) {
    return t.textMatches("(?i)je|j['’]") && t.has("R pers suj 1");
  }

  /**
   * « il y a », « il faut », « il suffit de », « il s'agit de », « il est important de »: a subject
   * « il » that stands for nothing.
   */
  static boolean isImpersonal(List<Token> tokens, int i, int to) {
    if (!tokens.get(i).is("il")) {
      return false;
    }
    int k = i + 1;
    while (k < to && tokens.get(k).textMatches("(?i)ne|n['’]|y|s['’]|se")) {
      if (tokens.get(k).textMatches("(?i)y|s['’]|se") && k + 1 < to) {
        if (tokens.get(k + 1).hasVerbLemma(Set.of("avoir", "agir"))) {
          return true; // « il y a », « il s'agit »
        }
      }
      k++;
    }
    if (k >= to) {
      return false;
    }
    if (tokens.get(k).hasVerbLemma(IMPERSONAL_VERBS)) {
      return true;
    }
    String next = k + 1 < to ? tokens.get(k + 1).text().toLowerCase(Locale.ROOT) : "";
    boolean clitic = k > i + 1 && tokens.get(k - 1).textMatches("(?i)lui|leur");
    if (tokens.get(k).hasVerbLemma(Set.of("arriver", "sembler", "paraître"))
        && QUE_OR_DE.matcher(next).matches()) {
      return true; // « il arrive que… », « il semble que… »
    }
    if (tokens.get(k).hasVerbLemma(Set.of("rester"))
        && (clitic
            || QUE_OR_DE.matcher(next).matches()
            || next.equals("à") && k + 2 < to && tokens.get(k + 2).isInfinitive())) {
      return true; // « il lui reste à envoyer… »
    }
    if (tokens.get(k).hasVerbLemma(Set.of("être", "sembler", "paraître"))) {
      // « il est important de… », « il est donc nécessaire que… »
      int j = k + 1;
      while (j < to && tokens.get(j).has("A") && !tokens.get(j).has("J")) {
        j++;
      }
      return j + 1 < to
          && tokens.get(j).has("J")
          && tokens.get(j + 1).textMatches("(?i)de|d['’]|que|qu['’]");
    }
    return false;
  }

  private static final Set<String> IMPERSONAL_VERBS =
      Set.of(
          "falloir",
          "suffire",
          "agir",
          "exister",
          "convenir",
          "importer",
          "manquer",
          "valoir",
          "pleuvoir",
          "s'agir");

  /** The first-person verb after « je », with only « ne » and object pronouns between. */
  private static int skipToFirstPersonVerb(List<Token> tokens, int from, int to) {
    int k = from;
    while (k < to) {
      Token t = tokens.get(k);
      if (t.isFirstPersonSingular()) {
        return k;
      }
      if (t.textMatches("(?i)ne|n['’]|me|m['’]|l['’]|le|la|les|lui|leur|y|en|vous|nous")) {
        k++;
      } else {
        return -1;
      }
    }
    return -1;
  }

  /**
   * « C'est l'École académique de la formation continue, l'EAFC, qui… »: an apposition between
   * commas after the actor of a cleft.
   */
  private static int skipApposition(List<Token> tokens, List<Mention> mentions, int from, int to) {
    if (from >= to || !tokens.get(from).is(",")) {
      return from;
    }
    int close = Tokens.find(tokens, ",", from + 1, Math.min(to, from + 8));
    if (close < 0 || close + 1 >= to || !tokens.get(close + 1).is("qui")) {
      return from;
    }
    if (Tokens.containsVerb(tokens, from + 1, close)) {
      return from;
    }
    return close + 1;
  }

  /** After a mention, « de son établissement », « du collège », « de l'académie »… belong to it. */
  static int skipNounComplement(List<Token> tokens, int from, int to) {
    int k = from;
    // « Le DPD académique a vérifié… »: an adjective right after the actor's name belongs to it.
    int adjectives = k;
    while (adjectives < to
        && tokens.get(adjectives).has("J")
        && !tokens.get(adjectives).isFinite()
        && !tokens.get(adjectives).has("V")) {
      adjectives++;
    }
    if (adjectives > k && adjectives < to && tokens.get(adjectives).isFiniteThirdPerson()) {
      return adjectives;
    }
    if (k < to
        && (tokens.get(k).is("de")
            || tokens.get(k).is("du")
            || tokens.get(k).is("des")
            || tokens.get(k).textMatches("(?i)d['’]"))) {
      int j = k + 1;
      int words = 0;
      while (j < to && words < 5) {
        Token t = tokens.get(j);
        if (t.isFiniteThirdPerson() && !(t.has("N") && words == 0)) {
          break;
        }
        if (t.isPunctuation() && !t.textMatches("['’-]")) {
          break;
        }
        if (!(t.has("D")
            || t.has("N")
            || t.has("J")
            || t.has("Z")
            || t.has("P")
            || t.textMatches("(?i)l['’]|et"))) {
          break; // « Les IAN de mathématiques et de français ont conçu… »
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
    while (k >= from && Tokens.isDeterminer(tokens.get(k))) {
      k--;
    }
    if (k < from) {
      return true;
    }
    Token before = tokens.get(k);
    if ((before.is("que") || before.textMatches("(?i)qu['’]"))
        && k - 1 >= from
        && tokens.get(k - 1).has("V imp pres 1 p")) {
      return true; // « Rappelons que le directeur n'est pas… »
    }
    return before.is(",")
        || before.is(":")
        || before.is("–")
        || before.is("—")
        || (k == from && before.textMatches("(?i)et|mais|donc|puis|alors|ainsi|enfin|or"));
  }

  /** « celui-ci », « celle-ci », « ce dernier », « cette dernière »… */
  static boolean isDemonstrative(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (DEMONSTRATIVES.contains(t.text().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return i + 1 < tokens.size()
        && (t.is("ce") || t.is("cette"))
        && (tokens.get(i + 1).is("dernier") || tokens.get(i + 1).is("dernière"));
  }

  /** A word of the demonstrative pronouns (celui-ci, ce dernier…). */
  static boolean isDemonstrativeWord(String lowerCase) {
    return DEMONSTRATIVES.contains(lowerCase);
  }

  // ---- relative clauses ---------------------------------------------------------------------

  /** « … avec la DRANE, qui anime le réseau des référents … »: a clause on the DRANE. */
  List<Relative> relatives(List<Token> tokens, List<Mention> mentions) {
    List<Relative> out = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.subjectOnly()) {
        continue;
      }
      int k = Tokens.tokenAfter(tokens, m.end());
      k = skipComplementBeforeQui(tokens, k);
      if (k < tokens.size() && tokens.get(k).is(",")) {
        k++;
      }
      if (k + 1 < tokens.size()
          && tokens.get(k).is("qui")
          && (tokens.get(k + 1).isFiniteThirdPerson() || Tokens.isNe(tokens.get(k + 1)))) {
        if (k >= 1 && tokens.get(k - 1).start() < m.end()) {
          continue;
        }
        int verb = skipToVerb(tokens, k + 1, tokens.size());
        if (verb < 0 || isCleftSubject(tokens, m)) {
          continue;
        }
        out.add(
            new Relative(
                m, k + 1, relativeEnd(tokens, verb), Tokens.verbIsPlural(tokens.get(verb))));
      }
    }
    return out;
  }

  /** « l'IEN de sa circonscription, qui organise… »: the complement before « , qui ». */
  private static int skipComplementBeforeQui(List<Token> tokens, int from) {
    if (from >= tokens.size() || !tokens.get(from).textMatches("(?i)de|du|des|d['’]")) {
      return from;
    }
    for (int j = from + 1; j < Math.min(tokens.size(), from + 6); j++) {
      Token t = tokens.get(j);
      if (t.is(",") && j + 1 < tokens.size() && tokens.get(j + 1).is("qui")) {
        return j;
      }
      if (!(t.has("D") || t.has("N") || t.has("J") || t.has("P") || t.textMatches("(?i)l['’]"))) {
        return from;
      }
    }
    return from;
  }

  private static boolean isCleftSubject(List<Token> tokens, Mention m) {
    int i = Tokens.tokenAfter(tokens, m.start());
    int k = i - 1;
    while (k >= 0 && Tokens.isDeterminer(tokens.get(k))) {
      k--;
    }
    return k >= 1 && tokens.get(k).is("est") && tokens.get(k - 1).textMatches("(?i)c['’]");
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
          && (Tokens.isSubjectPronoun(tokens.get(k + 1))
              || tokens.get(k + 1).is("et")
              || tokens.get(k + 1).is("mais"))) {
        return k;
      }
    }
    return tokens.size();
  }
}
