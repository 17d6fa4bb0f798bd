package io.github.coursepack.analysis;

import io.github.coursepack.model.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a word of the current sentence points back to in the sentences before it, so that a question
 * can say it: a demonstrative noun phrase (« ce plan » → « le plan académique de formation ») and a
 * plural object pronoun (« les » → « les trois animations pédagogiques… »).
 */
final class Antecedents {

  private static final java.util.regex.Pattern PLURAL_DETERMINER =
      java.util.regex.Pattern.compile(
          "(?i)des|les|ces|deux|trois|quatre|cinq|six|plusieurs|quelques|\\d+");

  private final Discourse discourse;

  Antecedents(Discourse discourse) {
    this.discourse = discourse;
  }

  /**
   * « ce plan » → « le plan académique de formation », when one of the last sentences names a plan
   * of the same number: what the demonstrative points back to, so that a question can say it.
   */
  Map<String, String> demonstratives(String text, List<Token> phrase) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int k = 0; k + 1 < phrase.size(); k++) {
      Token det = phrase.get(k);
      Token noun = phrase.get(k + 1);
      if (!det.textMatches("(?i)ce|cet|cette|ces") || !det.has("D") || !noun.has("N")) {
        continue;
      }
      String lemma = noun.reading("N").map(Token.Reading::lemma).orElse("");
      boolean plural = det.is("ces");
      Optional<String> antecedent = antecedent(lemma, plural);
      antecedent.ifPresent(a -> out.put(text.substring(det.start(), noun.end()), a));
    }
    return out;
  }

  private Optional<String> antecedent(String lemma, boolean plural) {
    List<Discourse.Said> recent = discourse.recent();
    for (int s = recent.size() - 1; s >= 0; s--) {
      List<Token> tokens = recent.get(s).tokens();
      String text = recent.get(s).text();
      for (int k = 1; k < tokens.size(); k++) {
        Token n = tokens.get(k);
        Token det = tokens.get(k - 1);
        if (!n.reading("N").map(Token.Reading::lemma).orElse("").equals(lemma)
            || !det.textMatches("(?i)le|la|les|l['’]|un|une|des|du")) {
          continue;
        }
        boolean np = det.textMatches("(?i)les|des");
        if (np != plural) {
          continue;
        }
        int end = k + 1;
        int words = 0;
        while (end < tokens.size() && words < 6) {
          Token t = tokens.get(end);
          boolean ofNoun =
              t.textMatches("(?i)de|d['’]|à|sur|en")
                  && end + 1 < tokens.size()
                  && (tokens.get(end + 1).has("N")
                      || tokens.get(end + 1).readings().isEmpty()
                      || tokens.get(end + 1).has("Z"));
          if ((t.has("J") && !t.isFinite())
              || ofNoun
              || (words > 0
                  && tokens.get(end - 1).textMatches("(?i)de|d['’]|à|sur|en")
                  && (t.has("N") || t.readings().isEmpty() || t.has("Z")))) {
            end++;
            words++;
          } else {
            break;
          }
        }
        String words2 = text.substring(n.start(), tokens.get(end - 1).end());
        String article = plural ? "les " : n.has("N f") ? "la " : "le ";
        if (!plural && Tokens.startsWithVowelSound(words2)) {
          article = "l'";
        }
        return Optional.of(article + words2);
      }
    }
    return Optional.empty();
  }

  /** What the sentence before named after its verb, with « les »: « les trois animations… ». */
  Optional<String> pluralObjectOfPreviousSentence() {
    List<Discourse.Said> recent = discourse.recent();
    if (recent.isEmpty()) {
      return Optional.empty();
    }
    Discourse.Said before = recent.get(recent.size() - 1);
    List<Token> tokens = before.tokens();
    int verb = FactExtractor.firstVerb(tokens, 0, tokens.size(), false);
    if (verb < 0) {
      return Optional.empty();
    }
    int k = verb + 1;
    while (k < tokens.size()
        && (tokens.get(k).has("A") || tokens.get(k).isPastParticiple())
        && !tokens.get(k).has("D")) {
      k++;
    }
    if (k >= tokens.size() || !PLURAL_DETERMINER.matcher(tokens.get(k).text()).matches()) {
      return Optional.empty();
    }
    int start = k;
    k++;
    if (k >= tokens.size() || !tokens.get(k).has("N")) {
      return Optional.empty();
    }
    k++;
    while (k < tokens.size()) {
      Token t = tokens.get(k);
      if (t.isPastParticiple()
          && k + 1 < tokens.size()
          && tokens.get(k + 1).textMatches("(?i)au|aux|à|de|du|des|par|pour|sur")) {
        int j = k + 2; // « consacrées au numérique »
        while (j < tokens.size() && Tokens.isDeterminer(tokens.get(j))) {
          j++;
        }
        if (j < tokens.size() && (tokens.get(j).has("N") || tokens.get(j).has("J"))) {
          k = j + 1;
        } else {
          break;
        }
      } else if (t.has("J") && !t.isFinite()) {
        k++;
      } else {
        break;
      }
    }
    String np = before.text().substring(tokens.get(start).start(), tokens.get(k - 1).end());
    String det = tokens.get(start).text().toLowerCase(Locale.ROOT);
    if (det.equals("des") || det.equals("ces") || det.equals("les")) {
      np = "les" + np.substring(det.length());
    } else if (det.equals("plusieurs") || det.equals("quelques")) {
      return Optional.empty();
    } else {
      np = "les " + np;
    }
    return Optional.of(np);
  }

  /** « de » or « à » just before a substituted phrase: with « le » or « les » it contracts. */
  private static final java.util.regex.Pattern PREPOSITION_BEFORE =
      java.util.regex.Pattern.compile("(?:^|[^\\p{L}])([Dd]e|[Àà]) $");

  /**
   * Replaces each demonstrative noun phrase with what it points back to, contracting a preposition
   * with the article it then meets: « le respect de ce règlement » becomes « le respect du
   * règlement général », not « de le règlement ».
   */
  static String substitute(String s, Map<String, String> subs) {
    String out = s;
    for (Map.Entry<String, String> e : subs.entrySet()) {
      out = replace(out, e.getKey(), e.getValue());
      out = replace(out, Texts.capitalise(e.getKey()), Texts.capitalise(e.getValue()));
    }
    return out;
  }

  private static String replace(String text, String key, String value) {
    if (key.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    int at;
    while ((at = text.indexOf(key, from)) >= 0) {
      String before = text.substring(from, at);
      String phrase = value;
      java.util.regex.Matcher m = PREPOSITION_BEFORE.matcher(text.substring(0, at));
      boolean plural = value.startsWith("les ");
      if (m.find() && m.start(1) >= from && (plural || value.startsWith("le "))) {
        String prep = m.group(1);
        boolean de = prep.equalsIgnoreCase("de");
        String contracted = de ? (plural ? "des" : "du") : (plural ? "aux" : "au");
        if (Character.isUpperCase(prep.charAt(0))) {
          contracted = Texts.capitalise(contracted);
        }
        before = text.substring(from, m.start(1)) + contracted + " ";
        phrase = value.substring(value.indexOf(' ') + 1);
      }
      out.append(before).append(phrase);
      from = at + key.length();
    }
    return out.append(text.substring(from)).toString();
  }
}
