package io.github.coursepack.analysis;

import io.github.coursepack.model.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What comes before a clause's subject, up to a comma: « Au lycée, … », « Dans le premier degré, …
 * », « À 8 h 30, … », « En revanche, … ». A limiting qualifier (a scope) must stay with the fact,
 * or a statement made from it becomes false in general; a time marker says the clause tells a story
 * rather than a role; a connector says nothing; a qualifier that leans on the context (« dans ce
 * lycée ») cannot be carried into a question at all.
 *
 * @param kind what the words are
 * @param text the scope as written (empty unless {@code kind} is {@link Kind#SCOPE})
 */
record Lead(Kind kind, String text) {

  /** « Avec des techniciens, … », « Grâce au GAR, … »: who helps, or why. */
  private static final Pattern HELPERS =
      Pattern.compile("^(avec|grâce à|grâce au|grâce aux|en lien avec|aux côtés d).*");

  /** What a clause's lead is. */
  enum Kind {
    NONE,
    /** « Au lycée », « Pour les écoles », « Par défaut »: kept with the fact. */
    SCOPE,
    /** « À 8 h 30 », « Cette année », « En novembre »: the clause tells a story. */
    TIME,
    /** « En revanche », « Là », « Souvent »: nothing to keep. */
    CONNECTOR,
    /** « Dans ce lycée », « Pour elle »: a qualifier that needs what the text said before. */
    CONTEXT
  }

  static final Lead NONE = new Lead(Kind.NONE, "");

  private static final Set<String> CONNECTORS =
      Set.of(
          "en revanche",
          "en effet",
          "par ailleurs",
          "de plus",
          "d'abord",
          "ensuite",
          "enfin",
          "par exemple",
          "pour cela",
          "pour ce faire",
          "là",
          "ainsi",
          "alors",
          "donc",
          "toutefois",
          "cependant",
          "néanmoins",
          "souvent",
          "parfois",
          "généralement",
          "concrètement",
          "en pratique",
          "de votre côté",
          "dans ce cas",
          "sinon",
          "de même",
          "aussi",
          "entre les deux",
          "en outre",
          "bien sûr",
          "évidemment",
          "surtout",
          "non",
          "oui",
          "au quotidien");

  private static final Pattern TIME =
      Pattern.compile(
          "(?iu).*\\b(\\d{1,2} ?h(eures?)?( ?\\d{2})?|midi|minuit|matin|soir|après-midi|"
              + "aujourd'hui|aujourd’hui|hier|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
              + "dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
              + "novembre|décembre|année|années|rentrée|semaine|semaines|mois|jour|jours|"
              + "printemps|été|automne|hiver|vacances|récréation|séance|séances|"
              + "réunion|pause|\\d{4})\\b.*");

  private static final Pattern TIME_START =
      Pattern.compile("(?iu)(pendant|lors|après|avant|dès|puis|entre deux|à la fin).*");

  private static final Pattern CONTEXT_WORDS =
      Pattern.compile(
          "(?iu).*\\b(ce|cet|cette|ces|celui|celle|ceux|celles|lui|elle|eux|elles|son|sa|ses|"
              + "leur|leurs|mon|ma|mes|notre|nos|votre|vos|nous|vous|je|tu|ici|y)\\b.*");

  private static final Set<String> PREPOSITIONS =
      Set.of(
          "à", "au", "aux", "dans", "pour", "en", "chez", "par", "sur", "sous", "selon", "depuis",
          "hors", "entre", "auprès", "parmi", "vers", "dès", "lors", "quant", "côté");

  /** At most this many words make a lead; more is a clause of its own. */
  private static final int MAX_WORDS = 9;

  /**
   * The lead of the clause whose subject starts at {@code subject}, made of the tokens of [{@code
   * from}, {@code subject}) when they end with a comma and hold no finite verb; several leads in a
   * row (« Là, au lycée, … ») give the most telling one.
   */
  static Lead before(List<Token> tokens, int from, int subject, String text) {
    int end = subject;
    while (end > from && Tokens.isDeterminer(tokens.get(end - 1))) {
      end--;
    }
    if (end <= from || !tokens.get(end - 1).is(",")) {
      return NONE;
    }
    Lead best = NONE;
    int start = from;
    while (start < end - 1) {
      int comma = Tokens.find(tokens, ",", start, end);
      if (comma < 0) {
        break;
      }
      Lead one = of(tokens, start, comma, text);
      if (one.kind() == Kind.NONE) {
        return NONE;
      }
      best = stronger(best, one);
      start = comma + 1;
    }
    return best;
  }

  /** The lead made of the tokens [from, to) (no comma inside), or NONE when it is not one. */
  static Lead of(List<Token> tokens, int from, int to, String text) {
    if (to <= from || to - from > MAX_WORDS) {
      return NONE;
    }
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      if ((t.isFinite() && !t.has("N") && !t.has("J")) || t.is("qui") || t.is("que")) {
        return NONE;
      }
    }
    String words = text.substring(tokens.get(from).start(), tokens.get(to - 1).end()).strip();
    String lower = words.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (CONNECTORS.contains(lower)
        || (to - from == 1 && tokens.get(from).has("A"))
        || HELPERS.matcher(lower).matches()) {
      // « Avec des techniciens, … », « Grâce au GAR, … »: who helps, or why — no limit.
      return new Lead(Kind.CONNECTOR, "");
    }
    if (lower.startsWith("depuis ") && TIME.matcher(lower).matches()) {
      return new Lead(Kind.CONNECTOR, ""); // « Depuis la rentrée, … »: a lasting role, no story
    }
    if (TIME.matcher(lower).matches() || TIME_START.matcher(lower).matches()) {
      return new Lead(Kind.TIME, "");
    }
    Token first = tokens.get(from);
    // « des directeurs » is no preposition: only those that open a qualifier count.
    boolean preposition = PREPOSITIONS.contains(first.text().toLowerCase(Locale.ROOT));
    if (!preposition) {
      return NONE;
    }
    if (CONTEXT_WORDS.matcher(lower).matches()) {
      return new Lead(Kind.CONTEXT, "");
    }
    for (int k = from + 1; k < to; k++) {
      String w = tokens.get(k).text();
      if (Character.isUpperCase(w.charAt(0)) && tokens.get(k).has("Z")) {
        return new Lead(Kind.CONTEXT, ""); // a person or a place of the story
      }
    }
    return new Lead(Kind.SCOPE, Texts.lowerFirst(words));
  }

  private static Lead stronger(Lead a, Lead b) {
    return rank(b.kind()) > rank(a.kind()) ? b : a;
  }

  private static int rank(Kind k) {
    return switch (k) {
      case NONE -> 0;
      case CONNECTOR -> 1;
      case TIME -> 2;
      case SCOPE -> 3;
      case CONTEXT -> 4;
    };
  }
}
