package io.github.coursepack.quiz;

import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;

/**
 * A course's questions as Moodle XML (FORMATS.md §5.1), for the question bank's import: one
 * category per unit under the course's, HTML texts in CDATA, single-answer multiple choice with
 * fractions 100 and 0, true/false with the English answer texts Moodle expects, matching with one
 * subquestion per actor, and a short stable {@code idnumber} per question.
 *
 * <p>Usage: {@code byte[] xml = MoodleXmlWriter.write(course);}
 */
public final class MoodleXmlWriter {

  private MoodleXmlWriter() {}

  public static byte[] write(Course course) {
    XmlOut x = new XmlOut();
    x.start("quiz");
    for (Unit unit : course.units()) {
      if (unit.quiz().isEmpty()) {
        continue;
      }
      x.start("question", "type", "category");
      x.start("category").leaf("text", QuestionNames.category(course, unit)).end();
      x.start("info", "format", "html").leafCdata("text", Html.paragraph(unit.description())).end();
      x.end();
      int n = 0;
      for (Question q : unit.quiz().questions()) {
        n++;
        question(x, q, n);
      }
    }
    return x.end().toBytes();
  }

  private static void question(XmlOut x, Question q, int n) {
    String type =
        q instanceof Question.MultipleChoice
            ? "multichoice"
            : q instanceof Question.TrueFalse ? "truefalse" : "matching";
    x.start("question", "type", type);
    x.start("name").leaf("text", QuestionNames.name(q, n)).end();
    x.start("questiontext", "format", "html").leafCdata("text", Html.paragraph(q.stem())).end();
    x.start("generalfeedback", "format", "html")
        .leafCdata("text", Html.paragraph(q.feedback()))
        .end();
    x.leaf("defaultgrade", "1");
    x.leaf("penalty", "0.3333333");
    x.leaf("hidden", "0");
    x.leaf("idnumber", QuestionNames.idnumber(q));
    if (q instanceof Question.MultipleChoice mc) {
      x.leaf("single", "true");
      x.leaf("shuffleanswers", "true");
      x.leaf("answernumbering", "abc");
      combinedFeedback(x);
      for (Choice c : mc.choices()) {
        x.start("answer", "fraction", c.correct() ? "100" : "0", "format", "html");
        x.leaf("text", Html.escape(c.text()));
        x.start("feedback", "format", "html").leaf("text", "").end();
        x.end();
      }
    } else if (q instanceof Question.TrueFalse tf) {
      x.start("answer", "fraction", tf.answer() ? "100" : "0", "format", "moodle_auto_format");
      x.leaf("text", "true");
      x.start("feedback", "format", "html").leaf("text", "").end();
      x.end();
      x.start("answer", "fraction", tf.answer() ? "0" : "100", "format", "moodle_auto_format");
      x.leaf("text", "false");
      x.start("feedback", "format", "html").leaf("text", "").end();
      x.end();
    } else if (q instanceof Question.Matching m) {
      x.leaf("shuffleanswers", "true");
      combinedFeedback(x);
      x.empty("shownumcorrect");
      for (Question.Matching.Pair p : m.pairs()) {
        x.start("subquestion", "format", "html");
        x.leaf("text", Html.escape(p.actor()));
        x.start("answer").leaf("text", p.role()).end();
        x.end();
      }
    }
    x.end();
  }

  private static void combinedFeedback(XmlOut x) {
    x.start("correctfeedback", "format", "html").leaf("text", "Bonne réponse.").end();
    x.start("partiallycorrectfeedback", "format", "html")
        .leaf("text", "Réponse en partie juste.")
        .end();
    x.start("incorrectfeedback", "format", "html").leaf("text", "Réponse incorrecte.").end();
  }
}
