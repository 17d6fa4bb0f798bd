package io.github.coursepack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.CourseQuizzes;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnitPageQuizTest {

  private static Course course;

  @BeforeAll
  static void build() {
    var source =
        io.github.coursepack.source.CourseReader.read(
            TestFiles.example(), DiagnosticSink.collecting());
    var catalog = io.github.coursepack.analysis.ActorCatalog.defaults();
    course =
        CourseQuizzes.build(
                source,
                catalog,
                io.github.coursepack.analysis.AnalysisCache.inMemory(catalog.fingerprint()),
                io.github.coursepack.analysis.SharedNlp::get,
                DiagnosticSink.collecting())
            .course();
  }

  private static Document page(Unit unit) {
    return Jsoup.parse(
        UnitPage.render(
            UnitTemplate.defaults(), course, unit, new UnitPage.Options("", List.of())));
  }

  @Test
  void everyQuestionIsAFieldsetWithALegendAndLabelledControls() {
    for (Unit unit : course.units()) {
      Document doc = page(unit);
      List<Element> fieldsets = doc.select("#quiz fieldset.question");
      assertThat(fieldsets).hasSize(unit.quiz().questions().size());
      for (Element fs : fieldsets) {
        assertThat(fs.select("> legend")).hasSize(1);
        for (Element input : fs.select("input, select")) {
          assertThat(doc.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
        }
      }
      assertThat(doc.select("#mark-done")).as("a unit with a quiz completes through it").isEmpty();
    }
  }

  @Test
  void theAnswerDataMatchesTheQuestions() throws Exception {
    Unit unit = course.units().get(0);
    JsonNode data = new ObjectMapper().readTree(page(unit).selectFirst("#quiz-data").data());
    assertThat(data.get("passMark").asInt()).isEqualTo(80);
    assertThat(data.get("questions")).hasSize(unit.quiz().questions().size());
    for (int i = 0; i < unit.quiz().questions().size(); i++) {
      Question q = unit.quiz().questions().get(i);
      JsonNode a = data.get("questions").get(i);
      assertThat(a.get("id").asText()).isEqualTo(q.id());
      if (q instanceof Question.MultipleChoice mc) {
        int right = Integer.parseInt(a.get("answer").asText());
        assertThat(mc.choices().get(right).correct()).isTrue();
      } else if (q instanceof Question.TrueFalse tf) {
        assertThat(a.get("answer").asText()).isEqualTo(tf.answer() ? "v" : "f");
      }
    }
  }

  /** The state unit.js saves in cmi.suspend_data: "1:" then one short token per question. */
  @Test
  void theAnswersOfTheLargestQuizFitInScorm12SuspendData() {
    Unit largest =
        course.units().stream()
            .max(Comparator.comparingInt(u -> u.quiz().questions().size()))
            .orElseThrow();
    int length = 2;
    for (Question q : largest.quiz().questions()) {
      length += (q instanceof Question.Matching m ? m.pairs().size() : 1) + 1;
    }
    assertThat(length).isLessThan(4096);
    // Every choice value is one character, which the encoding relies on.
    for (Element input : page(largest).select("#quiz input, #quiz option[value]")) {
      assertThat(input.attr("value").length()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void quizDataCannotCloseItsScriptElement() {
    String json = page(course.units().get(0)).selectFirst("#quiz-data").data();
    assertThat(json).doesNotContain("</");
  }
}
