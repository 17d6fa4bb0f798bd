package io.github.coursepack.source;

import java.util.List;
import java.util.Objects;

/**
 * One top-level key of a YAML mapping, as written: a scalar (kept as text, never converted by
 * YAML's implicit typing, so that {@code 1.10} stays {@code 1.10}) or a list of scalars.
 *
 * @param key the key as written
 * @param text the scalar, or {@code null} when the value is a list or absent
 * @param items the list items, empty for a scalar
 * @param line the 1-based line of the key in its file
 */
record YamlField(String key, String text, List<String> items, int line) {

  YamlField {
    Objects.requireNonNull(key, "key");
    items = List.copyOf(items);
  }

  /** A value that is absent, {@code null}, {@code ~} or blank counts as not given. */
  boolean isEmpty() {
    return (text == null || text.isBlank()) && items.isEmpty();
  }

  /** The scalar trimmed, or {@code null} when not given. */
  String trimmed() {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
