/**
 * The language of what coursepack says to its user: {@link io.github.coursepack.i18n.Language}
 * (chosen by {@code --lang}, {@code COURSEPACK_LANG} or the system's locale) and {@link
 * io.github.coursepack.i18n.Message} (a message key and its arguments, rendered from the bundles
 * {@code messages.properties}, English and the reference, and {@code messages_fr.properties}).
 * Depends on nothing else of coursepack.
 */
package io.github.coursepack.i18n;
