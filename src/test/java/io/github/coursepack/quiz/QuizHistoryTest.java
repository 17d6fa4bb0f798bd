package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizHistoryTest {

  @TempDir Path cache;

  private final Course first = ExportFixtures.course();

  /**
   * The fixture course after an edit: the first question's right answer and feedback changed, the
   * true-or-false one gone, a new one added.
   */
  private Course edited() {
    Unit unit = first.units().get(0);
    List<Question> questions = new ArrayList<>(unit.quiz().questions());
    Question.MultipleChoice who = (Question.MultipleChoice) questions.get(0);
    questions.set(
        0,
        new Question.MultipleChoice(
            who.id(),
            who.kind(),
            who.stem(),
            List.of(
                new Choice("La DSI", false, "dsi"),
                new Choice("Le DPD <expert>", true, "dpd"),
                new Choice("L'IAN & co", false, "ian")),
            "C'est le DPD.",
            who.evidence(),
            who.polarity()));
    questions.remove(1);
    questions.add(
        new Question.MultipleChoice(
            "c-u-who-ian-4",
            QuestionKind.WHO,
            "Qui valorise les projets ?",
            List.of(new Choice("L'IAN", true, "ian"), new Choice("La DSI", false, "dsi")),
            "C'est l'IAN.",
            who.evidence(),
            who.polarity()));
    return first.withUnits(List.of(unit.withQuiz(new Quiz(questions, 80))));
  }

  @Test
  void aFirstBuildHasNothingToCompareWithAndAnIdenticalRebuildChangesNothing() throws Exception {
    assertThat(QuizHistory.record(cache, first, true)).isEmpty();
    Optional<QuizChanges> again = QuizHistory.record(cache, first, true);
    assertThat(again).isPresent();
    assertThat(again.get().isEmpty()).isTrue();
  }

  /** The fixture course with its first question under another id. */
  private Course withFirstId(String id) {
    Unit unit = first.units().get(0);
    List<Question> questions = new ArrayList<>(unit.quiz().questions());
    Question.MultipleChoice who = (Question.MultipleChoice) questions.get(0);
    questions.set(
        0,
        new Question.MultipleChoice(
            id,
            who.kind(),
            who.stem(),
            who.choices(),
            who.feedback(),
            who.evidence(),
            who.polarity()));
    return first.withUnits(List.of(unit.withQuiz(new Quiz(questions, 80))));
  }

  @Test
  void aHistoryWrittenBeforeIdsWereBoundedMatchesTheSameQuestionsUnderTheirNewIds()
      throws Exception {
    String unitId = first.units().get(0).id();
    String tail = "truefalse-" + "chef-etablissement-".repeat(6) + "1819f30e-gar-responsable";
    QuizHistory.record(cache, withFirstId(unitId + "-" + tail), true);
    QuizChanges changes =
        QuizHistory.record(cache, withFirstId(QuestionIds.of(unitId, tail)), true).orElseThrow();
    assertThat(QuestionIds.of(unitId, tail)).isNotEqualTo(unitId + "-" + tail);
    assertThat(changes.isEmpty()).as(changes.summary()).isTrue();
  }

  @Test
  void questionsAreMatchedByIdAndCountedAddedRemovedAndChangedWithWhatChanged() throws Exception {
    QuizHistory.record(cache, first, true);
    QuizChanges changes = QuizHistory.record(cache, edited(), true).orElseThrow();
    assertThat(changes.units()).hasSize(1);
    QuizChanges.UnitChanges u = changes.units().get(0);
    assertThat(u.counts()).isEqualTo("u +1 -1 ~1");
    assertThat(u.added()).extracting(QuizSnapshot.Item::id).containsExactly("c-u-who-ian-4");
    assertThat(u.removed())
        .extracting(QuizSnapshot.Item::id)
        .containsExactly("c-u-truefalse-rupn-2");
    assertThat(u.changed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.after().id()).isEqualTo("c-u-who-dsi-1");
              assertThat(c.what()).containsExactly("answer", "feedback");
              assertThat(c.before().answer()).containsExactly("La DSI");
              assertThat(c.after().answer()).containsExactly("Le DPD <expert>");
            });
    assertThat(changes.summary())
        .isEqualTo(
            "quiz changes since the last build: u +1 -1 ~1 (coursepack quiz --diff lists them)");
  }

  @Test
  void aRebuildWithoutChangeKeepsTheLastChangesForTheDiff() throws Exception {
    QuizHistory.record(cache, first, true);
    QuizHistory.record(cache, edited(), true);
    assertThat(QuizHistory.record(cache, edited(), true).orElseThrow().isEmpty()).isTrue();
    QuizHistory history = QuizHistory.load(cache);
    assertThat(history.before()).contains(QuizSnapshot.of(first));
    assertThat(history.last()).contains(QuizSnapshot.of(edited()));
  }

  @Test
  void aUnitLeftOutOfABuildWithErrorsIsNotRemovedButOneDeletedIs() throws Exception {
    QuizHistory.record(cache, first, true);
    Course withoutUnits = first.withUnits(List.of());
    assertThat(QuizHistory.record(cache, withoutUnits, false).orElseThrow().isEmpty()).isTrue();
    QuizChanges deleted = QuizHistory.record(cache, withoutUnits, true).orElseThrow();
    assertThat(deleted.units())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.isGone()).isTrue();
              assertThat(u.counts()).isEqualTo("u -3");
            });
  }

  @Test
  void aDamagedHistoryCountsAsAFirstBuild() throws Exception {
    Files.writeString(cache.resolve(QuizHistory.FILE), "{\"version\": 1, \"last\": [{\"unit\": 3");
    assertThat(QuizHistory.record(cache, first, true)).isEmpty();
    assertThat(QuizHistory.load(cache).last()).contains(QuizSnapshot.of(first));
  }
}
