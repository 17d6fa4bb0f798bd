package io.github.coursepack.analysis;

import io.github.coursepack.model.RoleFact;

/**
 * A subject found in a clause, and where its verb phrase starts.
 *
 * @param start the subject's first token
 * @param end the token after the subject
 * @param verbStart the first token of the verb phrase (« ne » and object pronouns included)
 * @param pluralVerb the verb is third person plural
 * @param via how the subject names its actor
 * @param mention the actor's mention, when named
 * @param pronoun the pronoun, when the subject is one
 * @param indefinite « un chef d'établissement »: an example, not the actor's role
 */
record Subject(
    int start,
    int end,
    int verbStart,
    boolean pluralVerb,
    RoleFact.Via via,
    Mention mention,
    Token pronoun,
    boolean indefinite) {}
