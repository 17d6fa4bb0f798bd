/**
 * Reading a unit's text for the actors of French digital education and what each one does: the
 * actor catalogue ({@link io.github.coursepack.analysis.ActorCatalog}), mentions, subjects and
 * pronouns, and role facts with their polarity, scope, situation, contrast, salience and evidence
 * sentence. {@link io.github.coursepack.analysis.FactExtractor} drives the parts: the subject
 * finder, the discourse memory with its person binder and the antecedents of demonstratives and
 * object pronouns, the situations a text describes (questions, conditions), the constructions that
 * name an actor out of subject position, the leads before a subject, the French forms, and the
 * salience. French part-of-speech tags and lemmas come from LanguageTool, started once per build
 * and only when needed.
 */
package io.github.coursepack.analysis;
