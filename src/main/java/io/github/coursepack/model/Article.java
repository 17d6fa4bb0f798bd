package io.github.coursepack.model;

import java.util.List;
import java.util.Objects;

/**
 * The rest of a resource's body: everything that is neither transcript nor credits, such as an
 * article converted from a web page.
 *
 * @param html the content as sanitised HTML, safe to put in a page as it is
 * @param blocks the same content as plain-text sentences, for analysis; headings are left out
 */
public record Article(String html, List<TextBlock> blocks) {

  public static final Article NONE = new Article("", List.of());

  public Article {
    Objects.requireNonNull(html, "html");
    blocks = List.copyOf(blocks);
  }

  public boolean isEmpty() {
    return html.isBlank();
  }

  public List<Sentence> sentences() {
    return blocks.stream().flatMap(b -> b.sentences().stream()).toList();
  }
}
