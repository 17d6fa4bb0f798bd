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
    // « Elle est eRUN dans le département… »: the pronoun is the person last named.
    if (tokens.size() > 2
        && Tokens.isSubjectPronoun(tokens.get(0))
        && tokens.get(1).is("est")
        && lastNamed != null
        && lastNamed.actorId() == null) {
      Optional<Mention> role =
          firstMentionBefore(mentions, tokens.get(1).end(), clauseEnd(tokens, 2, text));
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
      if (!isPersonName(t, mentions)) {
        continue;
      }
      Referent.Gender g =
          t.has("Z f")
              ? Referent.Gender.F
              : t.has("Z m") ? Referent.Gender.M : Referent.Gender.EITHER;
      Referent person =
          discourse.persons.getOrDefault(t.text(), new Referent(null, g, false, t.text()));
      // « Elle, c'est Sarah. »: the name is who « elle » is.
      if (i >= 2 && tokens.get(i - 1).is("est") && tokens.get(i - 2).text().matches("(?i)c['’]")) {
        discourse.lastNamedPerson = person;
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
      if (discourse.persons.containsKey(t.text())) {
        discourse.lastNamedPerson = discourse.persons.get(t.text());
      } else if (role.isPresent()) {
        Referent bound = new Referent(role.get().actorId(), g, false, t.text());
        discourse.persons.put(t.text(), bound);
        discourse.lastNamedPerson = bound;
      } else {
        discourse.lastNamedPerson = person;
      }
    }
  }

  /** A first name: the tagger's proper nouns of a gender with "sp" number (places are "s"). */
  boolean isPersonName(Token t, List<Mention> mentions) {
    if (!(t.has("Z f sp") || t.has("Z m sp")) || t.text().length() < 2) {
      return false;
    }
    return !Tokens.inAnyMention(t, mentions) && Character.isUpperCase(t.text().charAt(0));
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
}
