package io.github.coursepack.model;

import java.util.List;

/**
 * A unit's quiz.
 *
 * @param questions the questions, in the order shown
 * @param passMark the percentage needed to pass
 */
public record Quiz(List<Question> questions, int passMark) {

  public static final Quiz NONE = new Quiz(List.of(), 80);

  public Quiz {
    questions = List.copyOf(questions);
    if (passMark < 0 || passMark > 100) {
      throw new IllegalArgumentException("passMark is a percentage");
    }
  }

  public boolean isEmpty() {
    return questions.isEmpty();
  }
}
