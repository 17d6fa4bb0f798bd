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
 * @param itemLines the 1-based line of each list item
 */
record YamlField(String key, String text, List<String> items, int line, List<Integer> itemLines) {

  YamlField {
    Objects.requireNonNull(key, "key");
    items = List.copyOf(items);
    itemLines = List.copyOf(itemLines);
    if (itemLines.size() != items.size()) {
      throw new IllegalArgumentException("one line per item");
    }
  }

  /** A scalar field. */
  YamlField(String key, String text, int line) {
    this(key, text, List.of(), line, List.of());
  }

  /** The line of item {@code i}, or the key's line when unknown. */
  int itemLine(int i) {
    return i < itemLines.size() ? itemLines.get(i) : line;
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
