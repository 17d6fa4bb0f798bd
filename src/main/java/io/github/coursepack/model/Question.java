package io.github.coursepack.model;

import java.util.List;

/**
 * A quiz question. Every generated question is traced to the sentences it comes from; hand-written
 * ones may have none.
 */
public sealed interface Question
    permits Question.MultipleChoice, Question.TrueFalse, Question.Matching {

  /** Stable identifier: the unit id, the kind and the fact it asks about. */
  String id();

  QuestionKind kind();

  /** The question as the learner reads it. */
  String stem();

  /** What the learner reads after answering: the answer and the sentence that supports it. */
  String feedback();

  /** The sentences of the unit's text that support the answer. */
  List<Sentence> evidence();

  /** Whether the text affirms or denies what the question is about. */
  Polarity polarity();

  /**
   * The catalogue ids of the actors the right answer is about: the right option's, the statement's,
   * every pair's; empty for a hand-written question that names no actor.
   */
  default List<String> answerActorIds() {
    if (this instanceof MultipleChoice mc) {
      return mc.choices().stream()
          .filter(c -> c.correct() && !c.actorId().isEmpty())
          .map(Choice::actorId)
          .toList();
    }
    if (this instanceof TrueFalse tf) {
      return tf.actorId().isEmpty() ? List.of() : List.of(tf.actorId());
    }
    return ((Matching) this).pairs().stream().map(Matching.Pair::actorId).toList();
  }

  /**
   * One right option among several: who, role, acronym and hand-written questions.
   *
   * @param choices the options in the order shown (already shuffled, deterministically)
   */
  record MultipleChoice(
      String id,
      QuestionKind kind,
      String stem,
      List<Choice> choices,
      String feedback,
      List<Sentence> evidence,
      Polarity polarity)
      implements Question {
    public MultipleChoice {
      choices = List.copyOf(choices);
      evidence = List.copyOf(evidence);
      if (choices.stream().filter(Choice::correct).count() != 1) {
        throw new IllegalArgumentException("exactly one right option: " + id);
      }
      if (choices.size() < 2) {
        throw new IllegalArgumentException("at least two options: " + id);
      }
    }

    public Choice answer() {
      return choices.stream().filter(Choice::correct).findFirst().orElseThrow();
    }
  }

  /**
   * A statement to judge.
   *
   * @param stem the statement
   * @param answer true when the statement is right
   * @param actorId the actor the statement is about
   */
  record TrueFalse(
      String id,
      String stem,
      boolean answer,
      String actorId,
      String feedback,
      List<Sentence> evidence,
      Polarity polarity)
      implements Question {
    public TrueFalse {
      evidence = List.copyOf(evidence);
    }

    @Override
    public QuestionKind kind() {
      return QuestionKind.TRUE_FALSE;
    }
  }

  /**
   * Actors to pair with their roles.
   *
   * @param pairs the right pairs, in the order the actors are shown
   */
  record Matching(
      String id,
      String stem,
      List<Pair> pairs,
      String feedback,
      List<Sentence> evidence,
      Polarity polarity)
      implements Question {

    /** One actor and its role. */
    public record Pair(String actorId, String actor, String role) {}

    public Matching {
      pairs = List.copyOf(pairs);
      evidence = List.copyOf(evidence);
      if (pairs.size() < 3 || pairs.size() > 5) {
        throw new IllegalArgumentException("3 to 5 pairs: " + id);
      }
    }

    @Override
    public QuestionKind kind() {
      return QuestionKind.MATCHING;
    }
  }
}
