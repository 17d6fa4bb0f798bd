/**
 * Reading a unit's text for the actors of French digital education and what each one does: the
 * actor catalogue ({@link io.github.coursepack.analysis.ActorCatalog}), mentions, subjects and
 * pronouns, and role facts with their polarity and evidence sentence. French part-of-speech tags
 * and lemmas come from LanguageTool, started once per build and only when needed.
 */
package io.github.coursepack.analysis;
