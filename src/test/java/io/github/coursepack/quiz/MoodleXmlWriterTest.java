package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xmlunit.assertj3.XmlAssert;

class MoodleXmlWriterTest {

  private final byte[] xml = MoodleXmlWriter.write(ExportFixtures.course());

  @Test
  void startsWithTheUnitsCategoryThenItsQuestions() {
    XmlAssert.assertThat(xml).nodesByXPath("/quiz/question").hasSize(4);
    XmlAssert.assertThat(xml).valueByXPath("/quiz/question[1]/@type").isEqualTo("category");
    XmlAssert.assertThat(xml)
        .valueByXPath("/quiz/question[1]/category/text")
        .isEqualTo("$course$/top/Cours « numérique »/Unité 1//2 : la DSI & le DPD");
  }

  @Test
  void writesMultipleChoiceWithOneRightAnswerHtmlInCdataAndFeedback() {
    XmlAssert.assertThat(xml).valueByXPath("/quiz/question[2]/@type").isEqualTo("multichoice");
    XmlAssert.assertThat(xml).valueByXPath("/quiz/question[2]/single").isEqualTo("true");
    XmlAssert.assertThat(xml).nodesByXPath("/quiz/question[2]/answer").hasSize(3);
    XmlAssert.assertThat(xml).nodesByXPath("/quiz/question[2]/answer[@fraction='100']").hasSize(1);
    XmlAssert.assertThat(xml).nodesByXPath("/quiz/question[2]/answer[@fraction='0']").hasSize(2);
    XmlAssert.assertThat(xml)
        .valueByXPath("/quiz/question[2]/answer[@fraction='100']/text")
        .isEqualTo("La DSI");
    XmlAssert.assertThat(xml)
        .valueByXPath("/quiz/question[2]/questiontext/text")
        .isEqualTo("<p>D'après la vidéo, qui gère la messagerie : {académique} ~ = # \\ ?</p>");
    XmlAssert.assertThat(xml)
        .valueByXPath("/quiz/question[2]/generalfeedback/text")
        .startsWith("<p>C'est la DSI.");
    XmlAssert.assertThat(xml).valueByXPath("/quiz/question[2]/idnumber").isEqualTo("c-u-who-dsi-1");
    String text = new String(xml, StandardCharsets.UTF_8);
    assertThat(text).contains("<![CDATA[<p>D'après la vidéo").doesNotContain("&#");
  }

  @Test
  void writesTrueFalseWithTheEnglishAnswersMoodleExpects() {
    XmlAssert.assertThat(xml).valueByXPath("/quiz/question[3]/@type").isEqualTo("truefalse");
    XmlAssert.assertThat(xml)
        .valueByXPath("/quiz/question[3]/answer[@fraction='100']/text")
        .isEqualTo("false");
    XmlAssert.assertThat(xml)
        .valueByXPath("/quiz/question[3]/answer[@fraction='0']/text")
        .isEqualTo("true");
  }

  @Test
  void writesMatchingWithAnAnswerForEverySubquestion() {
    XmlAssert.assertThat(xml).valueByXPath("/quiz/question[4]/@type").isEqualTo("matching");
    XmlAssert.assertThat(xml).nodesByXPath("/quiz/question[4]/subquestion").hasSize(3);
    XmlAssert.assertThat(xml)
        .nodesByXPath("/quiz/question[4]/subquestion[answer/text='']")
        .isEmpty();
    XmlAssert.assertThat(xml)
        .valueByXPath("/quiz/question[4]/subquestion[2]/answer/text")
        .isEqualTo("Conseiller sur les données : RGPD");
  }
}
