package io.github.coursepack.analysis;

import java.util.function.Supplier;

/** One LanguageTool for the whole test run: it takes seconds to start. */
public final class SharedNlp {

  // Grammar rules start only when a test checks grammar (GrammarOfQuestionsTest).
  private static final Supplier<FrenchNlp> NLP = FrenchNlp.lazily(true);

  private SharedNlp() {}

  public static FrenchNlp get() {
    return NLP.get();
  }
}
