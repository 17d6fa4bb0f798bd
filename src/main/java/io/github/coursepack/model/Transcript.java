package io.github.coursepack.model;

import java.util.List;
import java.util.Objects;

/**
 * What is said in the video, as blocks of sentences.
 *
 * @param heading the section title as the author wrote it ({@code Transcription}, {@code Script}…)
 * @param blocks the transcript's paragraphs, list items and quotations, in order
 */
public record Transcript(String heading, List<TextBlock> blocks) {

  /** A unit without transcript. */
  public static final Transcript NONE = new Transcript("", List.of());

  public Transcript {
    Objects.requireNonNull(heading, "heading");
    blocks = List.copyOf(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Every sentence in order; their indexes run from 0. */
  public List<Sentence> sentences() {
    return blocks.stream().flatMap(b -> b.sentences().stream()).toList();
  }
}
