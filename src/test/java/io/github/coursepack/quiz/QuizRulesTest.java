package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.Texts;
import io.github.coursepack.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What makes a question teach who does what, on texts written for each rule
 * (src/test/resources/courses/quiz-rules): the text's contrasts, scopes and situations, distractors
 * a reader must think about, statements that test understanding, acronyms that initials do not give
 * away, and the bank's blueprint.
 */
class QuizRulesTest {

  private static CourseQuizzes.Result result;
  private static final ActorCatalog CATALOG = ActorCatalog.defaults();

  @BeforeAll
  static void build() {
    result =
        QuizFixtures.quizzes(TestFiles.fixtureCourse("quiz-rules"), DiagnosticSink.collecting());
  }

  private static Unit unit(int i) {
    return result.course().units().get(i);
  }

  private static List<Question> candidates(int i) {
    return result.candidates().get(unit(i).id());
  }

  private static List<Question> allCandidates() {
    List<Question> out = new ArrayList<>();
    result.candidates().values().forEach(out::addAll);
    return out;
  }

  /** The actors a unit's text names, as the distractor chooser sees them. */
  private static Set<String> unitActors(int unit) {
    Set<String> out = new HashSet<>();
    new Distractors(
            result.course(),
            CATALOG,
            new io.github.coursepack.analysis.MentionFinder(CATALOG),
            result.facts(),
            Map.of())
        .ofUnit(unit(unit))
        .forEach(a -> out.add(a.id()));
    return out;
  }

  private static Question.MultipleChoice who(int unit, String words) {
    return candidates(unit).stream()
        .filter(q -> q instanceof Question.MultipleChoice && q.stem().contains(words))
        .map(q -> (Question.MultipleChoice) q)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no question with « " + words + " »"));
  }

  @Test
  void theActorTheTextSetsAgainstTheAnswerIsADistractor() {
    Question.MultipleChoice q = who(0, "répare les vidéoprojecteurs");
    assertThat(q.answer().actorId()).isEqualTo("departement");
    assertThat(q.choices()).extracting(Choice::actorId).contains("rupn");
    assertThat(q.feedback()).contains("ce n'est pas le rôle du référent numérique");
  }

  @Test
  void aContrastGivesAFalseStatementOnTheActorTheTextDenies() {
    assertThat(candidates(0))
        .filteredOn(q -> q instanceof Question.TrueFalse tf && !tf.answer())
        .extracting(Question::stem)
        .anySatisfy(
            s -> assertThat(s).startsWith("Le référent numérique").contains("vidéoprojecteurs"));
  }

  @Test
  void aLimitingScopeStaysInTheStemAndInEveryStatement() {
    assertThat(candidates(0))
        .filteredOn(q -> q.evidence().get(0).text().startsWith("Au lycée"))
        .isNotEmpty()
        .allSatisfy(q -> assertThat(q.stem()).containsIgnoringCase("au lycée"));
  }

  @Test
  void aConditionOfTheTextGivesAScenarioQuestion() {
    assertThat(candidates(0))
        .filteredOn(q -> q.kind() == QuestionKind.SCENARIO)
        .anySatisfy(
            q -> {
              assertThat(q.stem())
                  .startsWith("Un enseignant a perdu l'accès à sa messagerie.")
                  .endsWith("qui faut-il contacter ?");
              assertThat(((Question.MultipleChoice) q).answer().actorId()).isEqualTo("dsi");
            });
  }

  @Test
  void aPrimarySchoolTextNeverGetsASecondarySchoolActorFromTheCatalogue() {
    Set<String> named = unitActors(1);
    for (Question q : candidates(1)) {
      if (q instanceof Question.MultipleChoice mc && q.kind() != QuestionKind.ROLE) {
        for (Choice c : mc.choices()) {
          Actor a = CATALOG.byId(c.actorId()).orElseThrow();
          if (!named.contains(a.id())) {
            assertThat(Distractors.degree(a))
                .as(q.stem() + " / " + c.text())
                .isNotEqualTo(Distractors.Degree.SECONDARY);
          }
        }
      }
    }
  }

  @Test
  void noTwoOptionsWhereOneNameHoldsTheOther() {
    for (Question q : allCandidates()) {
      if (q instanceof Question.MultipleChoice mc
          && q.kind() != QuestionKind.ACRONYM
          && q.kind() != QuestionKind.ROLE) {
        List<String> names =
            mc.choices().stream()
                .map(
                    c ->
                        Texts.fold(c.text())
                            .replaceFirst("^(le |la |l'|l’|au |a la |a l'|aux )", ""))
                .toList();
        for (String a : names) {
          for (String b : names) {
            if (a != b) {
              assertThat(a.contains(b)).as(q.stem() + ": " + names).isFalse();
            }
          }
        }
      }
    }
  }

  @Test
  void everyAcronymOptionSharesTheAcronymsInitials() {
    Question.MultipleChoice q =
        (Question.MultipleChoice)
            unit(0).quiz().questions().stream()
                .filter(x -> x.kind() == QuestionKind.ACRONYM)
                .findFirst()
                .orElseThrow();
    assertThat(q.choices()).hasSizeGreaterThanOrEqualTo(3);
    for (Choice c : q.choices()) {
      assertThat(initials(c.text())).as(c.text()).isEqualTo("dsi");
    }
  }

  private static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String w : Texts.fold(name).split("[\\s'’]+")) {
      if (w.length() > 3 && !Set.of("pour", "avec", "dans").contains(w)) {
        out.append(w.charAt(0));
      }
    }
    return out.toString();
  }

  @Test
  void anAcronymIsAskedInOneUnitOfTheCourseOnly() {
    long asked =
        result.course().units().stream()
            .flatMap(u -> u.quiz().questions().stream())
            .filter(q -> q.kind() == QuestionKind.ACRONYM && q.stem().contains("DSI"))
            .count();
    assertThat(asked).isEqualTo(1);
  }

  @Test
  void theBankHoldsOneQuestionPerSentenceAndNeverAStemTwice() {
    for (Unit u : result.course().units()) {
      Set<Integer> sentences = new HashSet<>();
      Set<String> stems = new HashSet<>();
      for (Question q : u.quiz().questions()) {
        if (q.kind() != QuestionKind.MATCHING) {
          assertThat(sentences.add(q.evidence().get(0).index())).as(q.id()).isTrue();
        }
        assertThat(stems.add(q.stem())).as(q.stem()).isTrue();
      }
    }
  }

  @Test
  void statementsAreFalseAtLeastTwoTimesInFiveButNotAlways() {
    List<Question.TrueFalse> tf =
        result.course().units().stream()
            .flatMap(u -> u.quiz().questions().stream())
            .filter(q -> q instanceof Question.TrueFalse)
            .map(q -> (Question.TrueFalse) q)
            .toList();
    long faux = tf.stream().filter(t -> !t.answer()).count();
    assertThat(faux).isGreaterThanOrEqualTo(Math.round(tf.size() * 0.4));
    assertThat(faux).isLessThan(tf.size());
  }

  @Test
  void aStatementGivesAnotherActorOnlyARoleThatOneActorHolds() {
    // « conseille l'équipe de direction » is a role others may share: never said of another actor.
    assertThat(allCandidates())
        .filteredOn(q -> q instanceof Question.TrueFalse tf && !tf.answer())
        .extracting(Question::stem)
        .noneMatch(s -> s.contains("conseille l'équipe de direction"));
  }

  @Test
  void theFeedbackSaysWhatAWrongOptionDoesInstead() {
    Question.MultipleChoice q = who(0, "conseille l'équipe de direction");
    assertThat(q.choices()).extracting(Choice::actorId).contains("chef-etablissement");
    assertThat(q.feedback())
        .contains("Le chef d'établissement, lui, désigne le référent numérique");
    assertThat(q.feedback()).startsWith("Bonne réponse : le référent numérique.");
  }

  @Test
  void theBankStartsWithTheActorOfTheTitle() {
    Question first = unit(0).quiz().questions().get(0);
    String teaches =
        first instanceof Question.TrueFalse tf
            ? tf.actorId()
            : ((Question.MultipleChoice) first).answer().actorId();
    assertThat(teaches).isEqualTo("rupn");
  }

  @Test
  void noActorIsTheAnswerOfMoreThanHalfOfAnAttempt() {
    for (Unit u : result.course().units()) {
      Map<String, Integer> byActor = new HashMap<>();
      for (Question q : u.quiz().drawn()) {
        if (q instanceof Question.MultipleChoice mc) {
          byActor.merge(mc.answer().actorId(), 1, Integer::sum);
        }
      }
      int n = u.quiz().drawn().size();
      byActor.forEach(
          (actor, count) ->
              assertThat(count)
                  .as(u.sourceName() + " " + actor)
                  .isLessThanOrEqualTo(Math.max(2, (n + 1) / 2)));
    }
  }

  @Test
  void anAttemptAsksTheCoursesQuizSize() {
    for (Unit u : result.course().units()) {
      assertThat(u.quiz().drawCount()).isEqualTo(Math.min(4, u.quiz().questions().size()));
    }
    assertThat(unit(0).quiz().draws()).isTrue();
  }

  @Test
  void whoHasAuthorityIsAskedWithTheTextsActorsOnly() {
    Question.MultipleChoice q = who(3, "a autorité sur");
    assertThat(q.answer().actorId()).isEqualTo("ien");
    Set<String> named = unitActors(3);
    assertThat(q.choices()).extracting(Choice::actorId).allMatch(named::contains);
  }

  @Test
  void noWrongOptionBelongsToTheGroupOfAnActorTheQuestionNames() {
    Question.MultipleChoice q = who(3, "pour le compte de la collectivité");
    assertThat(q.choices())
        .filteredOn(c -> !c.correct())
        .extracting(Choice::actorId)
        .doesNotContain("commune", "departement", "region");
  }
}
