package io.github.coursepack.quiz;

import java.util.List;

/** Finds grammar problems in a generated French text; empty means none. */
@FunctionalInterface
public interface GrammarCheck {

  List<String> problems(String text);

  /** Accepts everything; for tests of the generator's logic alone. */
  GrammarCheck NONE = text -> List.of();
}
