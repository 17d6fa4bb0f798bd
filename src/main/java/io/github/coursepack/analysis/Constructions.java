package io.github.coursepack.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * French constructions that say who does what without putting the actor in subject position:
 *
 * <ul>
 *   <li>a contrast, « Ce n'est pas X mais Y qui répare… », which credits Y and denies X;
 *   <li>a duty, « C'est à X de vérifier… »;
 *   <li>a share, « La décision d'achat revient à X » (also « incombe », « appartient »);
 *   <li>an authority, « Les enseignants relèvent de l'autorité de X », « Elle travaille sous
 *       l'autorité de X », « Elle dépend hiérarchiquement de X »;
 *   <li>a passive with its agent, « Le parcours a été conçu par X, puis validé par Y »;
 *   <li>whom to turn to, « il faut prévenir X », « Contactez X », « Parlez-en à X ».
 * </ul>
 *
 * Each finder reads one clause's tokens and returns where the parts are; {@link FactExtractor}
 * makes the facts.
 */
final class Constructions {

  private Constructions() {}

  // ---- contrast ---------------------------------------------------------------------------------

  /**
   * « Ce n'est pas X mais Y(,) qui … » or « Ce n'est pas X, c'est Y qui … »; without « qui », Y is
   * what the next clause is about (« … mais la DSI : elle gère… »).
   *
   * @param denied the actor the text says does not do it
   * @param credited the actor the text says does it
   * @param verbStart where the verb phrase after « qui » starts, or -1 when there is none
   * @param end the token after the construction (its verb phrase excluded)
   */
  record Contrast(Mention denied, Mention credited, int verbStart, int end) {}

  static Optional<Contrast> contrast(List<Token> tokens, List<Mention> mentions, int from, int to) {
    int k = from;
    if (!(k + 3 < to
        && tokens.get(k).textMatches("(?i)ce|c['’]")
        && Tokens.isNe(tokens.get(k + 1))
        && tokens.get(k + 2).is("est")
        && tokens.get(k + 3).is("pas"))) {
      return Optional.empty();
    }
    k += 4;
    Optional<Mention> x = actorAt(tokens, mentions, k, to);
    if (x.isEmpty()) {
      return Optional.empty();
    }
    k = SubjectFinder.skipNounComplement(tokens, Tokens.tokenAfter(tokens, x.get().end()), to);
    k = skipComplement(tokens, k, to);
    if (k < to && tokens.get(k).is(",")) {
      k++;
    }
    if (k + 1 < to && tokens.get(k).textMatches("(?i)c['’]") && tokens.get(k + 1).is("est")) {
      k += 2; // « ce n'est pas X, c'est Y qui … »
    } else if (k < to && tokens.get(k).is("mais")) {
      k++;
    } else {
      return Optional.empty();
    }
    Optional<Mention> y = actorAt(tokens, mentions, k, to);
    if (y.isEmpty()) {
      return Optional.empty();
    }
    k = Tokens.tokenAfter(tokens, y.get().end());
    k = skipComplement(tokens, k, to);
    int comma = k < to && tokens.get(k).is(",") ? k + 1 : k;
    if (comma + 1 < to
        && tokens.get(comma).is("qui")
        && (tokens.get(comma + 1).isFiniteThirdPerson() || Tokens.isNe(tokens.get(comma + 1)))) {
      return Optional.of(new Contrast(x.get(), y.get(), comma + 1, to));
    }
    return Optional.of(new Contrast(x.get(), y.get(), -1, k));
  }

  // ---- duty -------------------------------------------------------------------------------------

  /**
   * « C'est au responsable d'affectation de vérifier que… », « c'est aux collectivités de financer
   * l'équipement ».
   *
   * @param actor the actor whose duty it is
   * @param infinitive the infinitive that starts the duty
   */
  record Duty(Mention actor, int infinitive) {}

  static Optional<Duty> duty(List<Token> tokens, List<Mention> mentions, int from, int to) {
    int k = from;
    if (!(k + 2 < to
        && tokens.get(k).textMatches("(?i)c['’]")
        && tokens.get(k + 1).is("est")
        && tokens.get(k + 2).textMatches("(?i)à|au|aux"))) {
      return Optional.empty();
    }
    int at = k + 3;
    if (tokens.get(k + 2).is("à")) {
      while (at < to && Tokens.isDeterminer(tokens.get(at))) {
        at++;
      }
    }
    Optional<Mention> x =
        at < to ? Tokens.mentionStartingAt(mentions, tokens, at) : Optional.empty();
    if (x.isEmpty()) {
      return Optional.empty();
    }
    int j = Tokens.tokenAfter(tokens, x.get().end());
    if (j + 1 < to
        && tokens.get(j).textMatches("(?i)de|d['’]")
        && tokens.get(j + 1).isInfinitive()) {
      return Optional.of(new Duty(x.get(), j + 1));
    }
    return Optional.empty();
  }

  // ---- share ------------------------------------------------------------------------------------

  private static final Set<String> SHARE_VERBS = Set.of("revenir", "incomber", "appartenir");

  /**
   * « La décision d'achat revient à la commune »: what falls to the actor.
   *
   * @param thing the noun phrase [start, end) that falls to the actor
   * @param verb the verb
   * @param actor the actor
   * @param end the token after the actor and its complement
   */
  record Share(int start, int thingEnd, int verb, Mention actor, int end) {}

  static Optional<Share> share(List<Token> tokens, List<Mention> mentions, int from, int to) {
    int start = from;
    // « Leur maintenance revient… »: whose it is was said before; only an article will do.
    if (start >= to || !tokens.get(start).textMatches("(?i)le|la|les|l['’]|un|une")) {
      return Optional.empty();
    }
    int verb = -1;
    for (int k = start + 1; k < Math.min(to, start + 9); k++) {
      Token t = tokens.get(k);
      if (t.isFiniteThirdPerson() && t.hasVerbLemma(SHARE_VERBS) && !t.has("N")) {
        verb = k;
        break;
      }
      if (t.isFinite() || t.isPunctuation() || t.is("qui") || t.is("que")) {
        return Optional.empty();
      }
    }
    if (verb < 0 || verb + 1 >= to) {
      return Optional.empty();
    }
    for (int k = start; k < verb; k++) {
      if (Tokens.inAnyMention(tokens.get(k), mentions)) {
        return Optional.empty(); // an actor as subject: the ordinary way reads it
      }
    }
    int at = verb + 1;
    if (!tokens.get(at).textMatches("(?i)à|au|aux")) {
      return Optional.empty();
    }
    // « à la commune », « aux collectivités »: « au » and « aux » hold their determiner.
    Optional<Mention> x =
        tokens.get(at).is("à")
            ? actorAt(tokens, mentions, at + 1, to)
            : at + 1 < to ? Tokens.mentionStartingAt(mentions, tokens, at + 1) : Optional.empty();
    if (x.isEmpty()) {
      return Optional.empty();
    }
    int end = Tokens.tokenAfter(tokens, x.get().end());
    return Optional.of(new Share(start, verb, verb, x.get(), end));
  }

  // ---- authority --------------------------------------------------------------------------------

  /**
   * « Les enseignants de l'école relèvent de l'autorité de l'IEN », « Elle travaille sous
   * l'autorité de M. Rousseau », « Elle dépend hiérarchiquement de son IEN ».
   *
   * @param verb the verb after the subject
   * @param head where the authority (an actor, or a person's name) starts
   */
  record Authority(int verb, int head) {}

  static Optional<Authority> authority(List<Token> tokens, int verb, int to) {
    Token v = tokens.get(verb);
    int k = verb + 1;
    while (k < to && tokens.get(k).has("A") && !tokens.get(k).has("P")) {
      if (!tokens
          .get(k)
          .textMatches("(?i)hiérarchiquement|directement|administrativement|en|effet|donc|aussi")) {
        break;
      }
      k++;
    }
    String rest = joinLower(tokens, k, Math.min(to, k + 4));
    if (v.hasVerbLemma(Set.of("relever", "dépendre"))) {
      if (rest.startsWith("de l'autorité de ") || rest.startsWith("de l’autorité de ")) {
        return Optional.of(new Authority(verb, k + 4));
      }
      if (v.hasVerbLemma(Set.of("dépendre"))
          && k < to
          && tokens.get(k).textMatches("(?i)de|du|d['’]")
          && tokens.get(verb + 1).textMatches("(?i)hiérarchiquement")) {
        return Optional.of(new Authority(verb, tokens.get(k).is("du") ? k : k + 1));
      }
    }
    if (v.hasVerbLemma(Set.of("être", "travailler", "exercer", "agir"))) {
      int s = k;
      if (s < to && tokens.get(s).textMatches("(?i)placée?s?")) {
        s++;
      }
      String after = joinLower(tokens, s, Math.min(to, s + 4));
      if (after.startsWith("sous l'autorité de ") || after.startsWith("sous l’autorité de ")) {
        return Optional.of(new Authority(verb, s + 4));
      }
    }
    return Optional.empty();
  }

  // ---- passive ----------------------------------------------------------------------------------

  /**
   * A passive with its agent: « (le parcours) a été conçu par X », « … puis validé par Y ».
   *
   * @param participle the past participle
   * @param locution how many words after the participle belong to it (« mis au point »)
   * @param tense how the auxiliary dates it: "pres" (« est conçu »), "pc" (« a été conçu »), "futu"
   *     (« sera conçu »), "impa" (« était conçu »)
   * @param agent the agent
   * @param end the token after the agent and its complement
   */
  record Passive(int participle, int locution, String tense, Mention agent, int end) {}

  /** The passives of a clause whose auxiliary is at {@code aux}, coordinated ones included. */
  static List<Passive> passives(List<Token> tokens, List<Mention> mentions, int aux, int to) {
    List<Passive> out = new ArrayList<>();
    Token a = tokens.get(aux);
    String tense;
    int k = aux + 1;
    if (a.hasVerbLemma(Set.of("avoir")) && k < to && tokens.get(k).is("été")) {
      tense = a.has("V avoir ind pres") ? "pc" : "";
      k++;
    } else if (a.hasVerbLemma(Set.of("être"))) {
      tense =
          a.has("V etre ind pres")
              ? "pres"
              : a.has("V etre ind futu") ? "futu" : a.has("V etre ind impa") ? "impa" : "";
    } else {
      return out;
    }
    if (tense.isEmpty()) {
      return out;
    }
    while (k < to && tokens.get(k).has("A") && !tokens.get(k).isPastParticiple()) {
      k++;
    }
    while (k < to) {
      if (!tokens.get(k).isPastParticiple()) {
        break;
      }
      int participle = k;
      int by = k + 1;
      int locution = 0;
      // « mis au point par », « pris en charge par », « mis en œuvre par »
      if (by + 2 < to
          && tokens.get(by).textMatches("(?i)au|en|à")
          && tokens.get(by + 1).has("N")
          && tokens.get(by + 2).is("par")) {
        locution = 2;
        by += 2;
      }
      if (!(by < to && tokens.get(by).is("par"))) {
        break;
      }
      Optional<Mention> agent = agentAfter(tokens, mentions, by + 1, to);
      if (agent.isEmpty()) {
        break;
      }
      int end = Tokens.tokenAfter(tokens, agent.get().end());
      end = skipComplement(tokens, end, to);
      out.add(new Passive(participle, locution, tense, agent.get(), end));
      // « …, puis validé par l'EAFC », « … et validé par… »
      k = end;
      if (k < to && tokens.get(k).is(",")) {
        k++;
      }
      if (k < to && tokens.get(k).textMatches("(?i)puis|et|ensuite")) {
        k++;
      } else {
        break;
      }
    }
    return out;
  }

  /** The agent after « par »: the first actor of its noun phrase (« une équipe de formateurs »). */
  private static Optional<Mention> agentAfter(
      List<Token> tokens, List<Mention> mentions, int from, int to) {
    for (int k = from; k < Math.min(to, from + 6); k++) {
      Token t = tokens.get(k);
      if (t.isPunctuation() || t.isFinite() || t.is("qui") || t.is("et")) {
        return Optional.empty();
      }
      Optional<Mention> m = Tokens.mentionStartingAt(mentions, tokens, k);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  // ---- whom to turn to
  // ---------------------------------------------------------------------------

  private static final Set<String> CONTACT_VERBS =
      Set.of(
          "prévenir",
          "contacter",
          "alerter",
          "appeler",
          "joindre",
          "solliciter",
          "consulter",
          "avertir",
          "saisir",
          "informer");

  private static final Set<String> CONTACT_VERBS_TO =
      Set.of("adresser", "écrire", "parler", "signaler", "demander", "rapprocher", "référer");

  /**
   * « il faut (plutôt) prévenir X », « Contactez X », « Adressez-vous à X », « Parlez-en à X ».
   *
   * @param who what follows « qui » in the question: « faut-il prévenir », « faut-il en parler »
   * @param to whether the actor comes after « à » (« À qui faut-il en parler ? »)
   * @param actor the actor to turn to
   */
  record Contact(String who, boolean to, Mention actor) {}

  static Optional<Contact> contact(List<Token> tokens, List<Mention> mentions, int from, int to) {
    int k = from;
    int verb;
    if (k + 1 < to && tokens.get(k).is("il") && tokens.get(k + 1).hasVerbLemma(Set.of("falloir"))) {
      k += 2;
      while (k < to && tokens.get(k).has("A") && !tokens.get(k).has("V")) {
        k++;
      }
      verb = k;
      if (verb >= to || !tokens.get(verb).isInfinitive()) {
        return Optional.empty();
      }
    } else if (k < to && tokens.get(k).has("V imp pres 2 p")) {
      verb = k;
    } else {
      return Optional.empty();
    }
    Token v = tokens.get(verb);
    String lemma =
        v.readings().stream()
            .filter(r -> r.pos() != null && r.pos().startsWith("V"))
            .map(Token.Reading::lemma)
            .filter(l -> CONTACT_VERBS.contains(l) || CONTACT_VERBS_TO.contains(l))
            .findFirst()
            .orElse("");
    if (lemma.isEmpty()) {
      return Optional.empty();
    }
    int j = verb + 1;
    String clitic = "";
    while (j < to && tokens.get(j).textMatches("(?i)-?(en|y|vous|nous|-vous|-en|-y)")) {
      String w = tokens.get(j).text().replace("-", "").toLowerCase(Locale.ROOT);
      clitic = w.equals("vous") || w.equals("nous") ? "s'" : w;
      j++;
    }
    while (j < to && tokens.get(j).has("A") && !tokens.get(j).has("P")) {
      j++; // « parlez-en d'abord à … »
    }
    if (j < to
        && tokens.get(j).textMatches("(?i)d['’]")
        && j + 1 < to
        && tokens.get(j + 1).is("abord")) {
      j += 2;
    }
    boolean toForm = false;
    if (j < to && tokens.get(j).textMatches("(?i)à|au|aux")) {
      toForm = true;
      j++;
    }
    Optional<Mention> x = actorAt(tokens, mentions, j, to);
    if (x.isEmpty()) {
      return Optional.empty();
    }
    if (!toForm && CONTACT_VERBS_TO.contains(lemma)) {
      return Optional.empty();
    }
    String infinitive = lemma.equals("rapprocher") ? "se rapprocher" : lemma;
    String pronoun =
        clitic.equals("s'")
            ? (Tokens.startsWithVowelSound(lemma) ? "s'" : "se ")
            : clitic.isEmpty() ? "" : clitic + " ";
    if (lemma.equals("rapprocher")) {
      pronoun = "";
    }
    String who = "faut-il " + pronoun + infinitive;
    return Optional.of(new Contact(who.replace("' ", "'"), toForm, x.get()));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** An actor mention at {@code k}, after its determiners (« le département », « la DSI »). */
  static Optional<Mention> actorAt(List<Token> tokens, List<Mention> mentions, int k, int to) {
    int at = k;
    while (at < to && Tokens.isDeterminer(tokens.get(at))) {
      at++;
    }
    return at < to ? Tokens.mentionStartingAt(mentions, tokens, at) : Optional.empty();
  }

  /** « du rectorat », « de l'établissement », « de SVT de votre académie » after an actor. */
  static int skipComplement(List<Token> tokens, int from, int to) {
    int k = from;
    while (k < to && tokens.get(k).textMatches("(?i)de|du|des|d['’]")) {
      int j = k + 1;
      while (j < to && Tokens.isDeterminer(tokens.get(j))) {
        j++;
      }
      if (j < to
          && (tokens.get(j).has("N")
              || tokens.get(j).has("Z")
              || tokens.get(j).readings().isEmpty())
          && !tokens.get(j).isFinite()) {
        k = j + 1;
        while (k < to && tokens.get(k).has("J") && !tokens.get(k).isFinite()) {
          k++;
        }
      } else {
        break;
      }
    }
    return k;
  }

  private static String joinLower(List<Token> tokens, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to; k++) {
      String w = tokens.get(k).text().toLowerCase(Locale.ROOT);
      out.append(w);
      if (!w.endsWith("'") && !w.endsWith("’")) {
        out.append(' ');
      }
    }
    return out.toString();
  }
}
