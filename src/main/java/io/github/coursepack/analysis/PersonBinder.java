package io.github.coursepack.analysis;

import io.github.coursepack.model.Actor;
import java.util.List;
import java.util.Optional;

/**
 * People the text introduces as actors: « Nadia, conseillère pédagogique départementale au
 * numérique, … », « Élodie est … référente numérique … », « En tant qu'eRUN, Aurélie … », « Elle,
 * c'est Sarah. Elle est eRUN … ». A person keeps the role the text first gave them; from then on
 * their first name stands for that actor.
 */
final class PersonBinder {

  private final ActorCatalog catalog;
  private final Discourse discourse;

  PersonBinder(ActorCatalog catalog, Discourse discourse) {
    this.catalog = catalog;
    this.discourse = discourse;
  }

  /** Binds the people of one sentence to the actors it gives them. */
  void bind(List<Token> tokens, List<Mention> mentions, String text) {
    Referent lastNamed = discourse.lastNamedPerson;
    // « Elle est eRUN dans le département… », « Celle-ci est formatrice académique… »: the pronoun
    // is the person last named.
    int be = tokens.size() > 2 && tokens.get(1).is("est") ? 1 : -1;
    if (be < 0
        && tokens.size() > 3
        && SubjectFinder.isDemonstrative(tokens, 0)
        && (tokens.get(1).is("dernier") || tokens.get(1).is("dernière"))
        && tokens.get(2).is("est")) {
      be = 2;
    }
    if (be > 0
        && (Tokens.isSubjectPronoun(tokens.get(0)) || SubjectFinder.isDemonstrative(tokens, 0))
        && lastNamed != null
        && (lastNamed.actorId() == null || isGeneric(lastNamed.actorId()))) {
      Optional<Mention> role =
          firstMentionBefore(mentions, tokens.get(be).end(), clauseEnd(tokens, be + 1, text));
      if (role.isPresent()) {
        Referent bound =
            new Referent(role.get().actorId(), lastNamed.gender(), false, lastNamed.person());
        discourse.persons.put(lastNamed.person(), bound);
        discourse.lastNamedPerson = bound;
        discourse.lastSubject = bound;
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!isPersonName(t, mentions) && !afterHonorific(tokens, i, mentions)) {
        continue;
      }
      Referent.Gender g = gender(tokens, i);
      // A surname after the first name belongs to the same person: « Léa Fontaine, l'eRUN… ».
      int last = i;
      while (last + 1 < tokens.size() && isSurname(tokens.get(last + 1), mentions)) {
        last++;
      }
      Referent person =
          discourse.persons.getOrDefault(t.text(), new Referent(null, g, false, t.text()));
      // « Elle, c'est Sarah. »: the name is who « elle » is.
      if (i >= 2 && tokens.get(i - 1).is("est") && tokens.get(i - 2).textMatches("(?i)c['’]")) {
        discourse.lastNamedPerson = person;
      }
      Optional<Mention> role = Optional.empty();
      int next = last + 1;
      if (next < tokens.size() && tokens.get(next).is(",")) {
        role =
            firstMentionBefore(mentions, tokens.get(next).end(), nextComma(tokens, next + 1, text));
      } else if (next < tokens.size() && tokens.get(next).is("est")) {
        role =
            firstMentionBefore(mentions, tokens.get(next).end(), clauseEnd(tokens, next + 1, text));
      }
      int first = i;
      while (first >= 2 && honorificBefore(tokens, first) != null) {
        first -= tokens.get(first - 1).is(".") ? 2 : 1;
      }
      if (role.isEmpty() && first >= 2 && tokens.get(first - 1).is(",")) {
        // « … chez son principal, M. Okafor »: the role just before the name
        Token before = tokens.get(first - 2);
        role =
            mentions.stream()
                .filter(m -> m.end() == before.end())
                .filter(m -> !isGeneric(m.actorId()))
                .findFirst();
      }
      if (role.isEmpty() && i >= 2 && tokens.get(i - 1).is(",")) {
        // « En tant qu'eRUN, Aurélie … »
        int start = Math.max(0, i - 8);
        for (int k = start; k < i - 1; k++) {
          if (tokens.get(k).is("tant")
              && k + 1 < i
              && tokens.get(k + 1).textMatches("(?i)qu['’]e?")) {
            role =
                firstMentionBefore(mentions, tokens.get(k + 1).start(), tokens.get(i - 1).start());
          }
        }
      }
      if (discourse.persons.containsKey(t.text())) {
        discourse.lastNamedPerson = discourse.persons.get(t.text());
      } else if (role.isPresent()) {
        Referent bound = new Referent(role.get().actorId(), g, false, t.text());
        for (int k = i; k <= last; k++) {
          discourse.persons.put(tokens.get(k).text(), bound);
        }
        discourse.lastNamedPerson = bound;
      } else {
        discourse.lastNamedPerson = person;
      }
      i = last;
    }
  }

  private boolean isGeneric(String actorId) {
    return catalog.byId(actorId).map(Actor::generic).orElse(false);
  }

  /** A first name: the tagger's proper nouns of a gender with "sp" number (places are "s"). */
  boolean isPersonName(Token t, List<Mention> mentions) {
    if (!(t.has("Z f sp") || t.has("Z m sp")) || t.text().length() < 2) {
      return false;
    }
    return !Tokens.inAnyMention(t, mentions) && Character.isUpperCase(t.text().charAt(0));
  }

  /** A capitalised word after « M. », « Mme », « Madame »… is a person's name. */
  boolean afterHonorific(List<Token> tokens, int i, List<Mention> mentions) {
    Token t = tokens.get(i);
    if (t.text().length() < 2
        || !Character.isUpperCase(t.text().charAt(0))
        || Tokens.inAnyMention(t, mentions)) {
      return false;
    }
    return honorificBefore(tokens, i) != null;
  }

  private static String honorificBefore(List<Token> tokens, int i) {
    if (i >= 1 && tokens.get(i - 1).textMatches("Mme|Mmes|Mlle|Madame|Monsieur|Dr")) {
      return tokens.get(i - 1).text();
    }
    if (i >= 2 && tokens.get(i - 1).is(".") && tokens.get(i - 2).text().equals("M")) {
      return "M";
    }
    return null;
  }

  private static Referent.Gender gender(List<Token> tokens, int i) {
    String honorific = honorificBefore(tokens, i);
    if (honorific != null) {
      return honorific.equals("M") || honorific.equals("Monsieur")
          ? Referent.Gender.M
          : honorific.equals("Dr") ? Referent.Gender.EITHER : Referent.Gender.F;
    }
    Token t = tokens.get(i);
    return t.has("Z f")
        ? Referent.Gender.F
        : t.has("Z m") ? Referent.Gender.M : Referent.Gender.EITHER;
  }

  /** A surname: a capitalised word that is not an ordinary word of the dictionary. */
  private static boolean isSurname(Token t, List<Mention> mentions) {
    String w = t.text();
    if (w.length() < 2 || !Character.isUpperCase(w.charAt(0)) || Tokens.inAnyMention(t, mentions)) {
      return false;
    }
    if (w.equals(w.toUpperCase(java.util.Locale.ROOT)) && w.length() <= 5) {
      return false; // an acronym
    }
    return t.readings().isEmpty() || t.readings().stream().allMatch(r -> r.pos().startsWith("Z"));
  }

  /** The role named between two offsets; a specific one wins over a broad one (enseignant). */
  private Optional<Mention> firstMentionBefore(List<Mention> mentions, int from, int to) {
    List<Mention> inRange =
        mentions.stream()
            .filter(m -> !m.subjectOnly() && m.start() >= from && m.end() <= to)
            .toList();
    return inRange.stream()
        .filter(m -> !isGeneric(m.actorId()))
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
}
