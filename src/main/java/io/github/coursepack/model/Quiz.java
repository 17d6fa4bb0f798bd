package io.github.coursepack.model;

import java.util.List;

/**
 * A unit's quiz: a bank of questions, of which each attempt asks {@code drawCount}. The bank's
 * order is the quiz's blueprint: its first {@code drawCount} questions are the quiz a format shows
 * when it cannot draw (and the first attempt where it can), chosen so that they cover the text's
 * key roles.
 *
 * @param questions the bank, blueprint first
 * @param passMark the percentage needed to pass
 * @param drawCount how many questions an attempt asks, at most the bank's size
 */
public record Quiz(List<Question> questions, int passMark, int drawCount) {

  public static final Quiz NONE = new Quiz(List.of(), 80, 0);

  public Quiz {
    questions = List.copyOf(questions);
    if (passMark < 0 || passMark > 100) {
      throw new IllegalArgumentException("passMark is a percentage");
    }
    drawCount = Math.min(drawCount, questions.size());
    if (drawCount < 0 || (!questions.isEmpty() && drawCount == 0)) {
      throw new IllegalArgumentException("an attempt asks at least one question of the bank");
    }
  }

  /** A quiz that asks every question of its bank. */
  public Quiz(List<Question> questions, int passMark) {
    this(questions, passMark, questions.size());
  }

  /** The blueprint's questions: the quiz shown when no draw is possible. */
  public List<Question> drawn() {
    return questions.subList(0, drawCount);
  }

  /** Whether an attempt asks fewer questions than the bank holds. */
  public boolean draws() {
    return drawCount < questions.size();
  }

  public boolean isEmpty() {
    return questions.isEmpty();
  }
}
