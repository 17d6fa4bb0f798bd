package io.github.coursepack.analysis;

import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The French forms of a verb phrase that questions need: the phrase after « Qui … ? » (third person
 * singular, masculine agreement), the infinitive phrase of a role option, and the affirmative
 * statement with the actor as subject. Conjugation and agreement come from LanguageTool's
 * synthesizer; a form that cannot be made safely is empty.
 */
final class FactForms {

  /** « de elle » gives « d'elle », « que il » gives « qu'il »: the elision French writes. */
  private static final Pattern ELISION =
      Pattern.compile("(?i)\\b(n|d|l|s|qu)e ([aeiouyhéèêàâîôû])");

  private static final Pattern SPACES = Pattern.compile("\\s+");

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
          "généralement",
          "ensuite",
          "aussitôt",
          "désormais",
          "toutefois",
          "cependant",
          "pourtant",
          "justement");

  /** {@link #DISCOURSE_WORDS} as the tokens the tagger makes of them (« d' » is a token). */
  private static final List<String[]> DISCOURSE_PARTS =
      DISCOURSE_WORDS.stream().map(w -> w.split("(?<=')|\\s+")).toList();

  /** Negations whose affirmative cannot be written safely. */
  private static final Set<String> NOT_AFFIRMABLE =
      Set.of("rien", "aucun", "aucune", "personne", "guère", "que", "qu'");

  private static final Set<String> NO_ROLE_VERBS = Set.of("être", "avoir", "aller", "devenir");

  private final FrenchNlp nlp;

  FactForms(FrenchNlp nlp) {
    this.nlp = nlp;
  }

  /**
   * The verb phrase for « Qui … ? » in the third person singular, without discourse words, with
   * participles and adjectives after « être » agreeing with a masculine or a feminine subject; a
   * first-person verb (« je contrôle ») is put in the third person.
   */
  Optional<String> whoForm(List<Token> phrase, int verbIndex, String text, boolean feminine) {
    return whoForm(phrase, verbIndex, text, feminine, false);
  }

  /**
   * The verb phrase in the third person singular; when the text's subject was plural, « leur » and
   * « leurs » that refer to it become « son », « sa », « ses » (« Les IAN valorisent les projets de
   * leur discipline » asks « Qui valorise les projets de sa discipline ? »).
   */
  Optional<String> whoForm(
      List<Token> phrase, int verbIndex, String text, boolean feminine, boolean pluralSubject) {
    boolean[] drop = discourseWords(phrase);
    List<String> words = new ArrayList<>();
    for (int k = 0; k < phrase.size(); k++) {
      Token t = phrase.get(k);
      if (drop[k]) {
        words.add(null);
        continue;
      }
      String w = t.text();
      if (pluralSubject && k > verbIndex && t.textMatches("(?i)leur|leurs") && t.has("D")) {
        w = singularPossessive(t, k + 1 < phrase.size() ? phrase.get(k + 1) : null);
      } else if (k == verbIndex || isCoordinatedVerb(phrase, k, verbIndex)) {
        Optional<String> singular = toSingular(t);
        if (singular.isEmpty()) {
          return Optional.empty();
        }
        w = singular.get();
      } else if (k > verbIndex && k <= verbIndex + 2 && isAfterEtre(phrase, verbIndex, k)) {
        Optional<String> agreed = agree(t, feminine, false);
        if (agreed.isEmpty()) {
          return Optional.empty();
        }
        w = agreed.get();
      }
      words.add(w);
    }
    return Optional.of(elide(join(phrase, words, text)));
  }

  /** « leurs » gives « ses »; « leur » gives « son » or « sa » by the noun that follows. */
  private static String singularPossessive(Token possessive, Token noun) {
    if (possessive.is("leurs")) {
      return "ses";
    }
    if (noun != null
        && noun.has("N f")
        && !noun.has("N m")
        && !Tokens.startsWithVowelSound(noun.text())) {
      return "sa";
    }
    return "son";
  }

  /** « ne est » becomes « n'est » once a verb has changed person. */
  static String elide(String s) {
    return ELISION.matcher(s).replaceAll("$1'$2");
  }

  /**
   * « animer le réseau… » from « anime le réseau… »; modal and « être chargé de » are unwrapped.
   */
  Optional<String> roleForm(List<Token> phrase, int verbIndex, String text) {
    Token verb = phrase.get(verbIndex);
    Optional<Token.Reading> reading = Tokens.thirdPersonVerb(verb);
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
        && phrase.get(verbIndex + 2).textMatches("(?i)de|d['’]")) {
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
      while (k < phrase.size() && !phrase.get(k).textMatches("(?i)de|d['’]")) {
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
      if (phrase.get(k).textMatches("(?i)se|s['’]")) {
        prefix = Tokens.startsWithVowelSound(words.get(0)) ? "s'" : "se ";
      }
    }
    boolean[] drop = discourseWords(phrase);
    for (int k = start + 1; k < phrase.size(); k++) {
      Token t = phrase.get(k);
      if (drop[k]) {
        words.add(null);
      } else if (isCoordinatedVerb(phrase, k, verbIndex)) {
        Optional<Token.Reading> r = Tokens.thirdPersonVerb(t);
        if (r.isEmpty()) {
          return Optional.empty();
        }
        words.add(r.get().lemma());
      } else {
        words.add(t.text());
      }
    }
    List<Token> tail = phrase.subList(start, phrase.size());
    // A verb coordinated after « puis » or « et » that stayed conjugated would read « recenser …,
    // puis bâtit »: no role form then.
    for (int k = start + 1; k < phrase.size(); k++) {
      Token t = phrase.get(k);
      if (t.isFiniteThirdPerson()
          && !t.has("N")
          && !t.has("J")
          && phrase.get(k - 1).textMatches("(?i)et|puis|ou|,")
          && words.get(k - start) != null
          && words.get(k - start).equals(t.text())) {
        return Optional.empty();
      }
    }
    String joined = prefix + join(tail, words, text);
    return Optional.of(joined);
  }

  /**
   * The affirmative sentence: the actor as subject, negation removed, agreement kept; a
   * first-person phrase (« je ne signe pas les contrats ») gets its verbs in the third person.
   */
  Optional<String> statement(
      List<Token> phrase,
      int verbIndex,
      String text,
      Actor actor,
      boolean pluralVerb,
      Polarity polarity,
      boolean firstPerson) {
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
        if (k < verbIndex && Tokens.isNe(t)) {
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
          // « n'a pas de pouvoir de sanction » affirms « a un pouvoir de sanction ».
          if (k + 2 < phrase.size()
              && phrase.get(k + 1).textMatches("(?i)de|d['’]")
              && phrase.get(k + 2).has("N")) {
            Token noun = phrase.get(k + 2);
            String article =
                noun.has("N f p") || noun.has("N m p") || noun.has("N e p")
                    ? "des"
                    : noun.has("N f") ? "une" : "un";
            words.add(article);
            kept.add(phrase.get(k + 1));
            k++;
          }
          continue;
        }
        if (k > verbIndex && w.equals("ni")) {
          if (!skippedPas && kept.size() == verbIndex + 1 - countNe(phrase, verbIndex)) {
            continue; // « ne remplace ni A ni B »: the first « ni » goes
          }
          if (!skippedPas) {
            // « n'est ni technicien ni administrateur »: one claim per statement, the first.
            if (!kept.isEmpty() && kept.get(kept.size() - 1).is(",")) {
              kept.remove(kept.size() - 1);
              words.remove(words.size() - 1);
            }
            break;
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
      if (firstPerson && (k == verbIndex || isCoordinatedVerb(phrase, k, verbIndex))) {
        Optional<String> third = toSingular(t);
        if (third.isEmpty()) {
          return Optional.empty();
        }
        word = third.get();
      }
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
    String body = elide(join(kept, words, text));
    return Optional.of(subject + " " + body + ".");
  }

  /**
   * A second verb sharing the subject: « prépare les ressources et communique les informations », «
   * repère, accompagne et valorise ».
   */
  static boolean isCoordinatedVerb(List<Token> phrase, int k, int verbIndex) {
    if (k <= verbIndex || k == 0) {
      return false;
    }
    for (int j = verbIndex + 1; j < k; j++) {
      Token w = phrase.get(j);
      if (Tokens.isSubjectPronoun(w)
          || w.textMatches(
              "(?i)que|qu['’]|qui|où|dont|lorsque|lorsqu['’]|quand|si|s['’]il|s['’]ils")) {
        return false; // « … pour qu'ils s'approprient et développent » has a subject of its own
      }
    }
    Token t = phrase.get(k);
    int b = k - 1;
    while (b > verbIndex
        && phrase.get(b).textMatches("(?i)se|s['’]|lui|leur|les|la|le|l['’]|y|en|ne|n['’]")) {
      b--; // « …, s'occupent de… », « … et lui confie », « … et les transmet »
    }
    Token before = phrase.get(b);
    return t.isPresentThirdPerson()
        && !t.has("D")
        && (before.is("et") || before.is(",") || before.is("ou") || before.is("puis"))
        && !(b >= 1 && Tokens.isDeterminer(phrase.get(b - 1)) && before.is(","));
  }

  private static int countNe(List<Token> phrase, int verbIndex) {
    int n = 0;
    for (int k = 0; k < verbIndex; k++) {
      if (Tokens.isNe(phrase.get(k))) {
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
  Optional<String> agree(Token t, boolean feminine, boolean plural) {
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
  Optional<String> toSingular(Token verb) {
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
    for (Token.Reading r : verb.readings()) {
      if (r.pos() != null && r.pos().startsWith("V") && r.pos().endsWith(" 1 s")) {
        String target = r.pos().substring(0, r.pos().length() - 3) + "3 s";
        return nlp.inflect(verb.text(), r.lemma(), r.pos(), target);
      }
    }
    return Optional.empty();
  }

  /**
   * Joins words back with the spacing of the source text (elisions stay glued: « l'ENT »). A null
   * word is left out, with the spacing around it.
   */
  static String join(List<Token> tokens, List<String> words, String text) {
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
    return SPACES.matcher(out).replaceAll(" ").strip();
  }

  /**
   * Marks discourse words right after a verb (« anime aussi », « distribue par exemple », « peut
   * notamment »), which question forms leave out. « par exemple » after a comma introduces examples
   * and stays.
   */
  static boolean[] discourseWords(List<Token> phrase) {
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
        for (String[] parts : DISCOURSE_PARTS) {
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
}
