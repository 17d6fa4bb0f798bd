package io.github.coursepack.analysis;

import java.util.List;
import java.util.Optional;

/**
 * A « Qui … ? » question of the text (« Dans un collège, qui est responsable de traitement ? »),
 * that the next sentence may answer (« C'est le chef d'établissement. »).
 *
 * @param tokens the question's verb phrase, after « qui » and before « ? »
 * @param text the question's text, which the tokens' offsets refer to
 * @param scope the qualifier in front of « qui », if it limits the question
 */
record Asking(List<Token> tokens, String text, Optional<String> scope) {

  Asking {
    tokens = List.copyOf(tokens);
  }
}
