package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuizJsonWriterTest {

  @Test
  void writesTheQuestionsWithActorIdsAndEvidence() throws Exception {
    JsonNode root =
        new ObjectMapper().readTree(QuizJsonWriter.write(ExportFixtures.course().units().get(0)));
    assertThat(root.get("unit").asText()).isEqualTo("c-u");
    assertThat(root.get("source").asText()).isEqualTo("u.md");
    JsonNode who = root.get("questions").get(0);
    assertThat(who.get("kind").asText()).isEqualTo("who");
    assertThat(who.get("options")).hasSize(3);
    assertThat(who.get("answerActors").get(0).asText()).isEqualTo("dsi");
    assertThat(who.get("distractorActors"))
        .extracting(JsonNode::asText)
        .containsExactly("dpd", "ian");
    assertThat(who.get("evidence").get("line").asInt()).isEqualTo(14);
    assertThat(who.get("polarity").asText()).isEqualTo("positive");
    JsonNode tf = root.get("questions").get(1);
    assertThat(tf.get("polarity").asText()).isEqualTo("negative");
    assertThat(tf.get("options").get(1).get("text").asText()).isEqualTo("Faux");
    assertThat(tf.get("options").get(1).get("correct").asBoolean()).isTrue();
    assertThat(root.get("questions").get(2).get("pairs")).hasSize(3);
  }

  @Test
  void writesTheWholeBankAndHowManyQuestionsAnAttemptAsksNextToThePassMark() throws Exception {
    Unit unit = ExportFixtures.course().units().get(0);
    Unit drawing = unit.withQuiz(new Quiz(unit.quiz().questions(), 75, 2));
    JsonNode root = new ObjectMapper().readTree(QuizJsonWriter.write(drawing));
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("unit", "source", "passMark", "drawCount", "questions");
    assertThat(root.get("passMark").asInt()).isEqualTo(75);
    assertThat(root.get("drawCount").asInt()).isEqualTo(2);
    assertThat(root.get("questions")).hasSize(3);
    JsonNode all = new ObjectMapper().readTree(QuizJsonWriter.write(unit));
    assertThat(all.get("drawCount").asInt()).isEqualTo(3);
  }

  /**
   * Same input, same bytes across runs: Map.of iterates in an order that changes with every JVM, so
   * the key order is checked here rather than by writing twice in one JVM.
   */
  @Test
  void writesEvidenceKeysInAFixedOrder() throws Exception {
    JsonNode evidence =
        new ObjectMapper()
            .readTree(QuizJsonWriter.write(ExportFixtures.course().units().get(0)))
            .get("questions")
            .get(0)
            .get("evidence");
    List<String> keys = new ArrayList<>();
    evidence.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("text", "line");
  }
}
