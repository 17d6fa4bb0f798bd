package io.github.coursepack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.CourseQuizzes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
    assertThat(data.get("drawCount").asInt()).isEqualTo(unit.quiz().drawCount());
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

  /** A bank of true-or-false statements written for the test, not by the generator. */
  private static List<Question> bank(int size) {
    List<Question> bank = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      bank.add(
          new Question.TrueFalse(
              "t-u-truefalse-" + i,
              "Affirmation " + (i + 1) + ".",
              i % 2 == 0,
              "dsi",
              "C'est dit dans la vidéo.",
              List.of(),
              Polarity.POSITIVE));
    }
    return bank;
  }

  private static Unit withQuiz(List<Question> bank, int drawCount) {
    return course.units().get(0).withQuiz(new Quiz(bank, 80, drawCount));
  }

  @Test
  void aDrawingQuizCarriesTheWholeBankAndShowsTheBlueprintNumberedFromOne() throws Exception {
    Document doc = page(withQuiz(bank(14), 8));
    List<Element> fieldsets = doc.select("#quiz fieldset.question");
    assertThat(fieldsets).hasSize(14);
    for (int i = 0; i < 14; i++) {
      Element fs = fieldsets.get(i);
      assertThat(fs.id()).isEqualTo("q" + (i + 1));
      assertThat(fs.hasAttr("hidden")).as(fs.id()).isEqualTo(i >= 8);
      assertThat(fs.select("> legend")).hasSize(1);
      for (Element input : fs.select("input")) {
        assertThat(doc.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
      }
    }
    assertThat(doc.select("#quiz fieldset.question:not([hidden]) .question-number"))
        .extracting(Element::text)
        .containsExactly(
            IntStream.rangeClosed(1, 8)
                .mapToObj(n -> "Question " + n + ".")
                .toArray(String[]::new));
    assertThat(doc.selectFirst(".quiz-intro").text())
        .isEqualTo(
            "8 questions tirées parmi les 14 de la banque ; chaque nouvel essai renouvelle le"
                + " tirage. Pour réussir, il faut au moins 80 % de bonnes réponses.");
    JsonNode data = new ObjectMapper().readTree(doc.selectFirst("#quiz-data").data());
    assertThat(data.get("drawCount").asInt()).isEqualTo(8);
    assertThat(data.get("questions")).hasSize(14);
    assertThat(data.get("questions").get(13).get("id").asText()).isEqualTo("t-u-truefalse-13");
  }

  @Test
  void aQuizThatAsksItsWholeBankReadsAsBefore() throws Exception {
    Document doc = page(withQuiz(bank(6), 8));
    assertThat(doc.select("#quiz fieldset.question")).hasSize(6);
    assertThat(doc.select("#quiz fieldset.question[hidden]")).isEmpty();
    assertThat(doc.selectFirst(".quiz-intro").text())
        .isEqualTo("6 questions. Pour réussir, il faut au moins 80 % de bonnes réponses.");
    assertThat(page(withQuiz(bank(1), 1)).selectFirst(".quiz-intro").text())
        .startsWith("1 question. ");
    assertThat(page(withQuiz(bank(3), 1)).selectFirst(".quiz-intro").text())
        .startsWith("1 question tirée parmi les 3 de la banque ; ");
    JsonNode data = new ObjectMapper().readTree(doc.selectFirst("#quiz-data").data());
    assertThat(data.get("drawCount").asInt()).isEqualTo(6);
  }

  /**
   * The attempt unit.js keeps in cmi.suspend_data: {@code 2:<attempt, base 36>:<drawn questions, a
   * hexadecimal mask of the bank>:<one token per drawn question>}, a token holding one character
   * per value ({@code src/test/js/unit-quiz-draw.test.mjs} runs the encoder itself). The largest
   * case: a bank of 20 five-pair matching questions, all drawn, at attempt 46,655 ({@code zzz}).
   */
  @Test
  void theLargestAttemptOfATwentyQuestionBankFitsInScorm12SuspendData() {
    List<Question> bank = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<Question.Matching.Pair> pairs = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        pairs.add(new Question.Matching.Pair("a" + k, "Acteur " + k, "Rôle " + k));
      }
      bank.add(
          new Question.Matching(
              "m-u-matching-" + i, "Associez.", pairs, "Dit.", List.of(), Polarity.POSITIVE));
    }
    Unit largest = withQuiz(bank, 20);
    Document doc = page(largest);
    int tokens = 0;
    for (Element fs : doc.select("#quiz fieldset.question")) {
      tokens += fs.select("select").size() + 1; // a character per pair, then a comma
    }
    int length = "2:".length() + "zzz:".length() + (20 + 3) / 4 + ":".length() + tokens - 1;
    assertThat(length).isEqualTo(131).isLessThan(4096);
    // Every choice value is one character, which the encoding relies on, and so is every value of
    // the example's quizzes.
    List<Element> values = new ArrayList<>(doc.select("#quiz input, #quiz option[value]"));
    for (Unit unit : course.units()) {
      values.addAll(page(unit).select("#quiz input, #quiz option[value]"));
    }
    assertThat(values).isNotEmpty();
    for (Element input : values) {
      assertThat(input.attr("value").length()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void quizDataCannotCloseItsScriptElement() {
    String json = page(course.units().get(0)).selectFirst("#quiz-data").data();
    assertThat(json).doesNotContain("</");
  }
}
