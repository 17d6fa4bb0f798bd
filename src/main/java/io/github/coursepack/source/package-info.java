/**
 * Reading a course folder: decoding files (BOM, UTF-8, Windows-1252), front matter (SnakeYAML),
 * Markdown bodies (commonmark-java), HTML safety (jsoup) and French sentence splitting. Everything
 * found wrong becomes a {@link io.github.coursepack.model.Diagnostic}; one bad file never stops the
 * others. The entry point is {@link io.github.coursepack.source.CourseReader}; the units' slugs,
 * fixed on their first build, are kept in the course's identity file ({@link
 * io.github.coursepack.source.IdentityFile}).
 */
package io.github.coursepack.source;
