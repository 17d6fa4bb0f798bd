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
 * @param who what follows the interrogative of a « Qui … ? » question ({@link #asked()}): present
 *     or written tense, third person singular, masculine agreement; empty for negative facts
 * @param role the predicate as an infinitive phrase for role options ("animer le réseau…"); empty
 *     for negative facts and for verbs that make no role (être, avoir)
 * @param statement an affirmative sentence with the actor as subject, true for a positive fact and
 *     false for a negative one ("Le référent numérique assure la maintenance…")
 * @param claim the statement with its actor left open, for statements about another actor; empty
 *     when the statement leans on its actor
 * @param evidence the sentence of the unit's text that says it
 * @param via how the actor was found
 * @param asked how « Qui … ? » asks about the actor: as the subject (« qui anime… ? ») or after « à
 *     » (« à qui revient la décision… ? »)
 * @param scope a qualifier the text puts in front of the fact and that limits it (« au lycée », «
 *     dans le premier degré »), kept in every question made from it
 * @param situation a situation of the text that the fact answers (« Un élève ne trouve pas son
 *     manuel dans le médiacentre »), for scenario questions
 * @param contrast an actor the text sets against this one: for a positive fact, the actor the text
 *     says does not do it (« ce n'est pas X mais Y »); for a negative fact, the actor that does
 * @param salience how much the fact says about the actor's role: positive for responsibilities,
 *     decisions, missions; zero or below for narration (what someone did one day)
 */
public record RoleFact(
    String id,
    String actorId,
    Polarity polarity,
    String predicate,
    Optional<String> who,
    Optional<String> role,
    Optional<String> statement,
    Optional<Claim> claim,
    Sentence evidence,
    Via via,
    Asked asked,
    Optional<String> scope,
    Optional<String> situation,
    Optional<String> contrast,
    int salience) {

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
    CLEFT,
    /** The agent of a passive: « Le parcours est validé par l'EAFC ». */
    PASSIVE,
    /** The speaker of an interview, who says who they are: « Je suis DPD académique ». */
    SPEAKER,
    /** The answer to a question of the text: « Qui est responsable ? C'est le chef… ». */
    ANSWER,
    /** An item of a list of the actor's missions. */
    MISSION,
    /** Whom to turn to: « il faut prévenir l'administrateur ENT », « Contactez l'IAN ». */
    CONTACT
  }

  /** How a question asks about the actor. */
  public enum Asked {
    /** « Qui anime le réseau ? »: options name the actor (« Le CPD numérique »). */
    SUBJECT,
    /** « À qui revient la décision d'achat ? »: options after « à » (« À la commune »). */
    TO
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
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(asked, "asked");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(situation, "situation");
    Objects.requireNonNull(contrast, "contrast");
    if (polarity == Polarity.NEGATIVE && (who.isPresent() || role.isPresent())) {
      throw new IllegalArgumentException("a negated fact never becomes a who or role answer");
    }
  }

  /** A fact with only the forms every fact has; the optional parts are added with the withers. */
  public static RoleFact of(
      String id,
      String actorId,
      Polarity polarity,
      String predicate,
      Optional<String> who,
      Optional<String> role,
      Optional<String> statement,
      Sentence evidence,
      Via via) {
    return new RoleFact(
        id,
        actorId,
        polarity,
        predicate,
        who,
        role,
        statement,
        Optional.empty(),
        evidence,
        via,
        Asked.SUBJECT,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0);
  }

  public RoleFact withClaim(Optional<Claim> newClaim) {
    return new RoleFact(
        id, actorId, polarity, predicate, who, role, statement, newClaim, evidence, via, asked,
        scope, situation, contrast, salience);
  }

  public RoleFact withAsked(Asked newAsked) {
    return new RoleFact(
        id, actorId, polarity, predicate, who, role, statement, claim, evidence, via, newAsked,
        scope, situation, contrast, salience);
  }

  public RoleFact withScope(Optional<String> newScope) {
    return new RoleFact(
        id, actorId, polarity, predicate, who, role, statement, claim, evidence, via, asked,
        newScope, situation, contrast, salience);
  }

  public RoleFact withSituation(Optional<String> newSituation) {
    return new RoleFact(
        id,
        actorId,
        polarity,
        predicate,
        who,
        role,
        statement,
        claim,
        evidence,
        via,
        asked,
        scope,
        newSituation,
        contrast,
        salience);
  }

  public RoleFact withContrast(Optional<String> newContrast) {
    return new RoleFact(
        id,
        actorId,
        polarity,
        predicate,
        who,
        role,
        statement,
        claim,
        evidence,
        via,
        asked,
        scope,
        situation,
        newContrast,
        salience);
  }

  public RoleFact withSalience(int newSalience) {
    return new RoleFact(
        id,
        actorId,
        polarity,
        predicate,
        who,
        role,
        statement,
        claim,
        evidence,
        via,
        asked,
        scope,
        situation,
        contrast,
        newSalience);
  }
}
