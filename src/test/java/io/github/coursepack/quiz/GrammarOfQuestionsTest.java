package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.analysis.SharedNlp;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build does not check the grammar of the questions it generates (the rule engine takes seconds
 * to start); this test does, with LanguageTool's grammar rules, on every question of the example
 * course and of the human-written dev set (../shared/quiz-devset, when present), as {@code
 * coursepack check --grammar} would.
 */
class GrammarOfQuestionsTest {

  private static List<Diagnostic> grammarOf(Path courseDir) {
    CourseQuizzes.Result r = QuizFixtures.quizzes(courseDir, DiagnosticSink.collecting());
    assertThat(r.course().units()).allSatisfy(u -> assertThat(u.quiz().isEmpty()).isFalse());
    return GrammarCheck.report(r.course(), java.util.Map.of(), SharedNlp.get()::grammarProblems);
  }

  @Test
  void everyQuestionOfTheExampleCoursePassesTheGrammarRules() {
    assertThat(grammarOf(TestFiles.example())).isEmpty();
  }

  @Test
  void everyQuestionMadeFromTheDevSetPassesTheGrammarRules(@TempDir Path course) throws Exception {
    Path resources = TestFiles.shared("quiz-devset/resources");
    try (Stream<Path> files = Files.list(resources)) {
      for (Path f : files.toList()) {
        Files.copy(f, course.resolve(f.getFileName()));
      }
    }
    Files.writeString(course.resolve("course.yaml"), "title: Dev set\nshortname: DEV\n");
    assertThat(grammarOf(course)).isEmpty();
  }

  @Test
  void aQuestionWithAnAgreementErrorIsReportedAtItsEvidenceLine() {
    CourseQuizzes.Result r = QuizFixtures.quizzes(TestFiles.example(), DiagnosticSink.collecting());
    List<Diagnostic> found =
        GrammarCheck.report(
            r.course(),
            java.util.Map.of(),
            text ->
                text.equals(r.course().units().get(0).quiz().questions().get(0).stem())
                    ? List.of("ACCORD: the verb does not agree")
                    : List.of());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).line())
        .isEqualTo(r.course().units().get(0).quiz().questions().get(0).evidence().get(0).line());
    assertThat(found.get(0).message()).contains("ACCORD: the verb does not agree", "question ");
  }
}
