package io.github.coursepack.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a text says an actor does (or does not do), with the sentence that says it. The analysis
 * prepares the French forms the quiz needs, so that the quiz never re-conjugates anything itself; a
 * form is empty when it could not be made safely.
 *
 * @param id stable key: the actor and the normalised predicate, so it survives edits elsewhere
 * @param actorId the catalogue id of the actor
 * @param polarity positive, or negative when the text says the actor does not do it
 * @param predicate the verb phrase as written, negation included ("n'assure pas la maintenance…")
 * @param who the predicate for « Qui … ? »: present tense, third person singular, masculine
 *     agreement; empty for negative facts
 * @param role the predicate as an infinitive phrase for role options ("animer le réseau…"); empty
 *     for negative facts and for verbs that make no role (être, avoir)
 * @param statement an affirmative sentence with the actor as subject, true for a positive fact and
 *     false for a negative one ("Le référent numérique assure la maintenance…")
 * @param evidence the sentence of the unit's text that says it
 * @param via how the actor was found: named, pronoun, person, relative or cleft
 */
public record RoleFact(
    String id,
    String actorId,
    Polarity polarity,
    String predicate,
    Optional<String> who,
    Optional<String> role,
    Optional<String> statement,
    Sentence evidence,
    Via via) {

  /** How the subject of the fact was identified. */
  public enum Via {
    /** The actor is named as subject: « Le CPD anime… ». */
    NAMED,
    /** A pronoun refers to it: « Il anime… ». */
    PRONOUN,
    /** A person the text introduced as that actor: « Sarah prépare… ». */
    PERSON,
    /** A relative clause on the actor: « la DRANE, qui anime… ». */
    RELATIVE,
    /** A cleft sentence: « C'est le chef d'établissement qui confie… ». */
    CLEFT
  }

  public RoleFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(polarity, "polarity");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(via, "via");
    if (polarity == Polarity.NEGATIVE && (who.isPresent() || role.isPresent())) {
      throw new IllegalArgumentException("a negated fact never becomes a who or role answer");
    }
  }

  /** True for a statement that the text supports, false for the affirmation of a negation. */
  public boolean statementIsTrue() {
    return polarity == Polarity.POSITIVE;
  }
}
