package io.github.coursepack.model;

/** The kinds of quiz questions, with the ids used in exports and overrides. */
public enum QuestionKind {
  /** « Qui … ? »: which actor does it. */
  WHO("who"),
  /** A situation of the text, then « Qui … ? »: which actor solves it. */
  SCENARIO("scenario"),
  /** « Quelle est l'une des missions de … ? »: the right role among others'. */
  ROLE("role"),
  /** A statement to judge true or false. */
  TRUE_FALSE("truefalse"),
  /** Actors to match with their roles. */
  MATCHING("matching"),
  /** What an acronym stands for. */
  ACRONYM("acronym"),
  /** A multiple-choice question written by a trainer. */
  CUSTOM("custom");

  private final String id;

  QuestionKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static java.util.Optional<QuestionKind> of(String id) {
    for (QuestionKind k : values()) {
      if (k.id.equalsIgnoreCase(id.strip())) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
