package io.github.coursepack.quiz;

import io.github.coursepack.model.QuestionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a unit's bank among its candidate questions, in blueprint order:
 *
 * <ol>
 *   <li>one question on each actor of the unit's title, then on each actor with an explicit role
 *       (most salient first), so that the first questions of the bank cover who does what;
 *   <li>then the rest, most telling first, while keeping true-or-false questions between a quarter
 *       and a half of the bank, « faux » for at least half of them, « Qui … ? » questions at most
 *       half, one acronym at most, and no actor the subject of more than half of the questions.
 * </ol>
 *
 * A sentence gives one question at most, and two questions never share a stem.
 */
final class Blueprint {

  /** An actor whose best fact scores this (salience × 10 and more) has an explicit role. */
  private static final int EXPLICIT_ROLE = 20;

  private Blueprint() {}

  static List<QuizGenerator.Candidate> choose(
      List<QuizGenerator.Candidate> all, Set<String> titleActors, int max) {
    List<QuizGenerator.Candidate> picked = new ArrayList<>();
    Set<String> sentences = new HashSet<>();
    // The actors to cover, in order: the title's, then by their best question.
    Map<String, Integer> best = new LinkedHashMap<>();
    for (QuizGenerator.Candidate c : all) {
      best.merge(c.actorId(), c.score(), Math::max);
    }
    List<String> actors = new ArrayList<>();
    for (String a : titleActors) {
      if (best.containsKey(a)) {
        actors.add(a);
      }
    }
    best.entrySet().stream()
        .filter(e -> e.getValue() >= EXPLICIT_ROLE && !actors.contains(e.getKey()))
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> actors.add(e.getKey()));
    for (String actor : actors) {
      if (picked.size() >= max) {
        break;
      }
      pick(picked, sentences, all.stream().filter(c -> c.actorId().equals(actor)).toList(), max);
    }
    while (picked.size() < max) {
      if (!pick(picked, sentences, all, max)) {
        break;
      }
    }
    return picked;
  }

  /** Adds the best candidate of {@code pool} that fits, if any. */
  private static boolean pick(
      List<QuizGenerator.Candidate> picked,
      Set<String> sentences,
      List<QuizGenerator.Candidate> pool,
      int max) {
    Optional<QuizGenerator.Candidate> choice =
        pool.stream()
            .filter(c -> c.sentences().stream().noneMatch(sentences::contains))
            .filter(c -> fits(picked, c))
            .max(
                Comparator.comparingInt((QuizGenerator.Candidate c) -> adjusted(picked, c, max))
                    .thenComparing(c -> c.question().id(), Comparator.reverseOrder()));
    choice.ifPresent(
        c -> {
          picked.add(c);
          sentences.addAll(c.sentences());
        });
    return choice.isPresent();
  }

  /** Hard limits: one acronym per bank. */
  private static boolean fits(List<QuizGenerator.Candidate> picked, QuizGenerator.Candidate c) {
    if (c.question().kind() == QuestionKind.ACRONYM) {
      return picked.stream().noneMatch(p -> p.question().kind() == QuestionKind.ACRONYM);
    }
    return true;
  }

  /** The candidate's score, with what the bank needs now added or taken off. */
  private static int adjusted(
      List<QuizGenerator.Candidate> picked, QuizGenerator.Candidate c, int max) {
    int n = picked.size() + 1;
    int score = c.score();
    QuestionKind kind = c.question().kind();
    long tf = count(picked, QuestionKind.TRUE_FALSE);
    long faux = picked.stream().filter(QuizGenerator.Candidate::faux).count();
    long who = count(picked, QuestionKind.WHO) + count(picked, QuestionKind.SCENARIO);
    if (kind == QuestionKind.TRUE_FALSE) {
      if (tf + 1 > Math.ceil(n / 2.0)) {
        score -= 30;
      } else if (tf < n / 4.0) {
        score += 12;
      }
      // « Faux » for half of them or a little more, never all: a test-wise learner who always
      // answers « faux » must not pass.
      double share = tf == 0 ? 0 : (double) faux / tf;
      if (c.faux() && share < 0.5) {
        score += 15;
      } else if (c.faux() && share >= 0.6) {
        score -= 20;
      } else if (!c.faux() && share >= 0.5) {
        score += 12;
      } else if (!c.faux()) {
        score -= 10;
      }
    }
    if ((kind == QuestionKind.WHO || kind == QuestionKind.SCENARIO)
        && who + 1 > Math.ceil(n / 2.0)) {
      score -= 12;
    }
    if (count(picked, kind) == 0 && n > 2) {
      score += 8; // kinds vary: a role, a scenario, an acronym when the text allows
    }
    long sameActor = picked.stream().filter(p -> p.actorId().equals(c.actorId())).count();
    if (sameActor + 1 > Math.max(2, Math.ceil(n / 2.0))) {
      score -= 40;
    }
    // Answers vary: the same right answer twice in a row is less welcome.
    if (!picked.isEmpty() && picked.get(picked.size() - 1).actorId().equals(c.actorId())) {
      score -= 5;
    }
    return score;
  }

  private static long count(List<QuizGenerator.Candidate> picked, QuestionKind kind) {
    return picked.stream().filter(p -> p.question().kind() == kind).count();
  }
}
