package io.github.coursepack.analysis;

import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How much a fact says about an actor's role, as a score: responsibility, decision, funding,
 * repair, notification, assignment, advice and training score high, and so do the ways French
 * states a role (« est chargé de », « a pour mission », « c'est X qui », a list of missions, « ce
 * n'est pas X mais Y »); narration scores low (a time marker, what a named person does one day,
 * routine and perception verbs, counts of things). The quiz asks about the highest first, and about
 * nothing below 1 (0 for a « faux » statement made from a negation).
 */
final class Salience {

  private static final Pattern FEMININE_OR_PLURAL_PARTICIPLE = Pattern.compile("(ée|és|ées)$");
  private static final Pattern I_PARTICIPLE = Pattern.compile("is?$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PARTICIPLE =
      Pattern.compile("\\p{L}+(é|ée|és|ées|i|is|it|u|ue|us|ert|erte)");

  /** « ne reçoit que les données nécessaires ». */
  private static final Pattern RESTRICTION = Pattern.compile("(?s)^(ne|n') .*\\bqu(e|')\\b.*");

  /** « a adressé … », « ont été … ». */
  private static final Pattern PASSE_COMPOSE = Pattern.compile("^(a|ont) \\S+é(e|s)? .*");

  /** Verbs whose subject holds a role: who decides, pays, repairs, leads, advises, trains. */
  private static final Set<String> ROLE_VERBS =
      Set.of(
          "animer",
          "piloter",
          "coordonner",
          "accompagner",
          "conseiller",
          "former",
          "organiser",
          "valider",
          "décider",
          "financer",
          "équiper",
          "réparer",
          "dépanner",
          "entretenir",
          "maintenir",
          "assurer",
          "gérer",
          "administrer",
          "contrôler",
          "superviser",
          "désigner",
          "nommer",
          "attribuer",
          "affecter",
          "déléguer",
          "confier",
          "notifier",
          "signaler",
          "inscrire",
          "convoquer",
          "arrêter",
          "construire",
          "élaborer",
          "concevoir",
          "définir",
          "fixer",
          "proposer",
          "recenser",
          "diffuser",
          "relayer",
          "valoriser",
          "déployer",
          "héberger",
          "sécuriser",
          "protéger",
          "acheter",
          "installer",
          "fournir",
          "informer",
          "aider",
          "évaluer",
          "certifier",
          "transmettre",
          "rédiger",
          "tenir",
          "veiller",
          "garantir",
          "encadrer",
          "impulser",
          "favoriser",
          "repérer",
          "mutualiser",
          "outiller",
          "préparer",
          "débloquer",
          "vérifier",
          "prendre",
          "recruter",
          "autoriser",
          "répondre",
          "interdire",
          "sanctionner",
          "représenter",
          "répartir",
          "émettre",
          "formuler",
          "présenter",
          "suivre",
          "diriger",
          "dépendre",
          "relever",
          "revenir",
          "incomber",
          "appartenir",
          "dialoguer",
          "réunir",
          "étudier",
          "remonter",
          "intervenir",
          "remplir",
          "déclarer",
          "demander",
          "saisir");

  /** Verbs of a day's story: coming, going, seeing, eating, talking about the weather. */
  private static final Set<String> NARRATIVE_VERBS =
      Set.of(
          "arriver",
          "saluer",
          "ouvrir",
          "fermer",
          "déjeuner",
          "manger",
          "boire",
          "raconter",
          "regarder",
          "voir",
          "sourire",
          "rire",
          "connecter",
          "jeter",
          "retrouver",
          "rejoindre",
          "raccompagner",
          "partir",
          "venir",
          "rentrer",
          "attendre",
          "marcher",
          "courir",
          "montrer",
          "noter",
          "lire",
          "écouter",
          "passer",
          "rester",
          "commencer",
          "finir",
          "aller",
          "sonner",
          "retentir",
          "dormir",
          "penser",
          "croire",
          "savoir",
          "aimer",
          "préférer",
          "souhaiter",
          "vouloir",
          "espérer",
          "sembler",
          "paraître",
          "imaginer",
          "appeler",
          "interpeller",
          "découvrir",
          "profiter",
          "pleuvoir",
          "connaître",
          "trouver");

  /** Ways French states a role, whatever the verb. */
  private static final Pattern ROLE_WORDS =
      Pattern.compile(
          "(?iu).*\\b(chargée?s? de|chargée?s? d'|a pour missions?|ont pour missions?|"
              + "a la charge|ont la charge|responsables? d|missions?|rôles?|compétences?|"
              + "autorité|relève|relèvent|revient|incombe|appartient)\\b.*");

  private static final Pattern DATE =
      Pattern.compile(
          "(?iu).*\\b((19|20)\\d{2}|janvier|février|mars|avril|mai|juin|juillet|août|septembre"
              + "|octobre|novembre|décembre)\\b.*");

  private Salience() {}

  /** Participles whose infinitive is not the usual one. */
  private static final java.util.Map<String, String> PARTICIPLES =
      java.util.Map.of(
          "mis",
          "mettre",
          "pris",
          "prendre",
          "fait",
          "faire",
          "dit",
          "dire",
          "conçu",
          "concevoir",
          "eu",
          "avoir",
          "été",
          "être");

  /** « préféré » gives « préférer », « choisi » gives « choisir »: good enough for the lists. */
  private static String participleLemma(String p) {
    String w = FEMININE_OR_PLURAL_PARTICIPLE.matcher(p).replaceAll("é");
    if (w.endsWith("é")) {
      return w.substring(0, w.length() - 1) + "er";
    }
    if (w.endsWith("i") || w.endsWith("is")) {
      return I_PARTICIPLE.matcher(w).replaceAll("") + "ir";
    }
    return w;
  }

  /**
   * The fact's score.
   *
   * @param verb the fact's main verb
   * @param lead what comes before the clause's subject
   * @param sentenceTokens the evidence sentence's tokens, for a time marker at its start
   * @param text the evidence sentence
   */
  static int of(RoleFact f, Token verb, Lead lead, List<Token> sentenceTokens, String text) {
    int score = 0;
    String lemma = verb == null ? "" : verb.verbLemma();
    if ((lemma.equals("pouvoir") || lemma.equals("devoir")) && f.role().isPresent()) {
      // « doit notifier la violation »: the modal's infinitive says what the role is.
      lemma = SPACES.split(f.role().get())[0];
    } else if (lemma.equals("faire") && f.role().isPresent()) {
      String[] words = SPACES.split(f.role().get()); // « fait remonter » is about « remonter »
      lemma = words.length > 1 ? words[1] : lemma;
    } else if (lemma.equals("avoir") || lemma.equals("être")) {
      // « a préféré garder… », « a inscrit… »: the participle says what was done.
      String[] words = SPACES.split(f.predicate().toLowerCase(Locale.ROOT));
      for (int k = 1; k < Math.min(words.length, 4); k++) {
        if (PARTICIPLE.matcher(words[k]).matches()) {
          lemma = PARTICIPLES.getOrDefault(words[k], participleLemma(words[k]));
          break;
        }
      }
    }
    if (ROLE_VERBS.contains(lemma)) {
      score += 2;
    }
    if (NARRATIVE_VERBS.contains(lemma)) {
      score -= 3;
    }
    String predicate = f.predicate().toLowerCase(Locale.ROOT).replace('’', '\'');
    if (ROLE_WORDS.matcher(predicate).matches()) {
      score += 2;
    }
    switch (f.via()) {
      case CLEFT, ANSWER, MISSION, PASSIVE, CONTACT -> score += 2;
      case PERSON -> score -= 1;
      default -> {}
    }
    if (f.contrast().isPresent()) {
      score += 2;
    }
    if (RESTRICTION.matcher(predicate).matches()) {
      score += 2; // « ne reçoit que les données nécessaires »: a restriction is a rule of the role
    }
    if (f.polarity() == Polarity.NEGATIVE) {
      score += 1;
    }
    if (f.scope().isPresent()) {
      score += 1;
    }
    if (DATE.matcher(predicate).matches()) {
      score -= 2; // « a adressé une lettre en juin 2015 »: what happened once
    }
    if (lead.kind() == Lead.Kind.TIME || startsWithTimeMarker(sentenceTokens, text)) {
      score -= 3;
    }
    if (verb != null
        && (verb.has("V ind pres")
            || verb.has("V ind futu")
            || verb.has("V etre ind pres")
            || verb.has("V avoir ind pres"))
        && f.via() != RoleFact.Via.PERSON
        && lead.kind() != Lead.Kind.TIME
        && !NARRATIVE_VERBS.contains(lemma)) {
      score += 1; // the present of a description: what the actor does in general
    }
    if (verb != null && !ROLE_VERBS.contains(lemma) && isPastNarrative(verb, f)) {
      score -= 1;
    }
    return score;
  }

  /** « Ce matin, … », « Cette année, … », « À 14 heures, … » at the very start of a sentence. */
  private static boolean startsWithTimeMarker(List<Token> tokens, String text) {
    int comma = Tokens.find(tokens, ",", 0, Math.min(tokens.size(), 8));
    return comma > 0 && Lead.of(tokens, 0, comma, text).kind() == Lead.Kind.TIME;
  }

  /** A passé composé or an imperfect that is not a role verb: what happened once. */
  private static boolean isPastNarrative(Token verb, RoleFact f) {
    String p = f.predicate().toLowerCase(Locale.ROOT);
    return verb.has("V ind impa") || verb.has("V ind psim") || PASSE_COMPOSE.matcher(p).matches();
  }
}
