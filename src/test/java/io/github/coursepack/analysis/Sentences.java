package io.github.coursepack.analysis;

import java.util.List;

/** A sentence tokenised and with its mentions found, as the analysis's parts receive it. */
record Sentences(String text, List<Token> tokens, List<Mention> mentions) {

  private static final MentionFinder FINDER = new MentionFinder(ActorCatalog.defaults());

  static Sentences of(String text) {
    return new Sentences(text, SharedNlp.get().tokens(text), FINDER.find(text));
  }

  /** Index of the first token {@code word}. */
  int indexOf(String word) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).is(word)) {
        return i;
      }
    }
    throw new IllegalArgumentException(word + " is not a token of: " + text);
  }
}
