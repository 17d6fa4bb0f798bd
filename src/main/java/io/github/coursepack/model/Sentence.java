package io.github.coursepack.model;

import java.util.Objects;

/**
 * One sentence of a unit's text, with the line of the source file where it starts, so that a quiz
 * question can point back at its evidence and a trainer can find it in the file.
 *
 * @param index 0-based position among the sentences of its text (transcript or article)
 * @param text the sentence as plain text, lines joined, whitespace collapsed
 * @param line 1-based line of the source file where the sentence starts
 */
public record Sentence(int index, String text, int line) {
  public Sentence {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a sentence has text");
    }
    if (index < 0 || line < 1) {
      throw new IllegalArgumentException("index is 0-based and line 1-based");
    }
  }
}
