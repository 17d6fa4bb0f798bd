package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.build.CourseBuild;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.ExportFixtures;
import io.github.coursepack.quiz.QuizHistory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizDiffPrinterTest {

  @TempDir Path out;

  private String diff(Course course) {
    StringWriter text = new StringWriter();
    QuizDiffPrinter.print(new PrintWriter(text), course, out, true);
    return text.toString();
  }

  @Test
  void withoutABuildThereIsNothingToCompareWith() {
    assertThat(diff(ExportFixtures.course())).startsWith("No build of this course in ");
  }

  @Test
  void aChangedQuestionShowsEachPartThatChangedBeforeAndAfter() throws Exception {
    Course course = ExportFixtures.course();
    QuizHistory.record(CourseBuild.cacheDir(out), course, true);
    assertThat(diff(course)).startsWith("The quiz has not changed since the first build");

    Unit unit = course.units().get(0);
    List<Question> questions = new ArrayList<>(unit.quiz().questions());
    Question.TrueFalse tf = (Question.TrueFalse) questions.get(1);
    questions.set(
        1,
        new Question.TrueFalse(
            tf.id(),
            "Le référent numérique répare les ordinateurs.",
            true,
            tf.actorId(),
            "Vrai.",
            tf.evidence(),
            tf.polarity()));
    String text = diff(course.withUnits(List.of(unit.withQuiz(new Quiz(questions, 80)))));
    assertThat(text)
        .contains("Quiz changes since the last build (not built yet):")
        .contains("== Unité 1/2 : la DSI & le DPD (u.md): ~1")
        .contains("  ~ [truefalse] Le référent numérique répare les ordinateurs.")
        .contains("      id: c-u-truefalse-rupn-2")
        .contains(
            "      stem: « Le référent numérique assure la maintenance du parc. » -> « Le référent"
                + " numérique répare les ordinateurs. »")
        .contains("      answer: « Faux » -> « Vrai »")
        .contains("      feedback: « Faux. La vidéo dit le contraire");
  }
}
