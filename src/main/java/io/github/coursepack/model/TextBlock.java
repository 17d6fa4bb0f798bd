package io.github.coursepack.model;

import java.util.List;
import java.util.Objects;

/**
 * A paragraph-like piece of text: its sentences, and what kind of block it was in the source.
 *
 * @param kind paragraph, list item, quotation or heading
 * @param sentences at least one sentence, in order
 */
public record TextBlock(Kind kind, List<Sentence> sentences) {

  /** The shape of the block in the source; renderers may show list items as a list. */
  public enum Kind {
    PARAGRAPH,
    LIST_ITEM,
    QUOTE,
    /**
     * A heading inside the text (a FAQ's « Qui répare le vidéoprojecteur ? »): the analysis reads
     * it as the question the next paragraphs answer.
     */
    HEADING
  }

  public TextBlock {
    Objects.requireNonNull(kind, "kind");
    sentences = List.copyOf(sentences);
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException("a block has at least one sentence");
    }
  }

  /** The block's text, sentences separated by one space. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (Sentence s : sentences) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(s.text());
    }
    return out.toString();
  }
}
