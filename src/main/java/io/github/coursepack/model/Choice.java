package io.github.coursepack.model;

import java.util.Objects;

/**
 * One option of a multiple-choice question.
 *
 * @param text what the learner reads
 * @param correct whether choosing it is right
 * @param actorId the actor the option names or describes, or empty
 */
public record Choice(String text, boolean correct, String actorId) {
  public Choice {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(actorId, "actorId");
    if (text.isBlank()) {
      throw new IllegalArgumentException("an option has text");
    }
  }
}
