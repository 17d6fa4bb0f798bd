package io.github.coursepack.analysis;

/**
 * Someone or something a pronoun may refer to: an actor, a person the text names (with the actor
 * the text made them, if any), or a noun that is not an actor (its actor id is then null).
 *
 * @param actorId the catalogue id, or null when the referent is not an actor
 * @param gender its grammatical gender, as far as the text shows it
 * @param plural whether it is plural
 * @param person the first name of the person, or null
 */
record Referent(String actorId, Gender gender, boolean plural, String person) {

  /** Grammatical gender, with « either » for what the text does not tell (an acronym alone). */
  enum Gender {
    M,
    F,
    EITHER;

    boolean agrees(Gender other) {
      return this == EITHER || other == EITHER || this == other;
    }
  }

  /** Whether a pronoun of this gender and number may stand for it. */
  boolean agreesWith(Gender g, boolean isPlural) {
    return gender.agrees(g) && plural == isPlural;
  }
}
