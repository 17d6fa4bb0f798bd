package io.github.coursepack.format.moodle;

import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Question;
import io.github.coursepack.quiz.Html;
import io.github.coursepack.quiz.QuestionNames;
import java.util.List;

/**
 * {@code questions.xml}: the course's question bank in the 4.x layout (category → bank entry →
 * version → question → type data), at course context (level 50). Texts are HTML like the question
 * bank's editor writes them; matching choices are plain text, as Moodle shows them.
 */
final class QuestionBankXml {

  private static final String COURSE_CONTEXT_LEVEL = "50";

  private QuestionBankXml() {}

  static byte[] write(List<MoodleBackup.Category> categories, long time) {
    Ids ids = new Ids();
    XmlOut x = new XmlOut().start("question_categories");
    int sortOrder = 0;
    for (MoodleBackup.Category c : categories) {
      x.start("question_category", "id", String.valueOf(c.id()));
      x.leaf("name", c.name());
      x.leaf("contextid", String.valueOf(BackupIds.COURSE_CONTEXT));
      x.leaf("contextlevel", COURSE_CONTEXT_LEVEL);
      x.leaf("contextinstanceid", String.valueOf(BackupIds.COURSE));
      x.leaf("info", c.info());
      x.leaf("infoformat", "0");
      x.leaf("stamp", c.stamp());
      x.leaf("parent", String.valueOf(c.parent()));
      x.leaf("sortorder", c.parent() == 0 ? "0" : String.valueOf(++sortOrder));
      x.leaf("idnumber", MoodleBackup.NULL);
      x.start("question_bank_entries");
      for (MoodleBackup.BankQuestion q : c.questions()) {
        entry(x, c, q, String.valueOf(time), ids);
      }
      x.end();
      x.end();
    }
    return x.end().toBytes();
  }

  /** Row numbers of the type tables, shared across the file. */
  private static final class Ids {
    int answer;
    int options;
    int match;
  }

  private static void entry(
      XmlOut x, MoodleBackup.Category c, MoodleBackup.BankQuestion bq, String time, Ids ids) {
    Question q = bq.question();
    String id = String.valueOf(bq.id());
    x.start("question_bank_entry", "id", id);
    x.leaf("questioncategoryid", String.valueOf(c.id()));
    x.leaf("idnumber", QuestionNames.idnumber(q));
    x.leaf("ownerid", MoodleBackup.NULL);
    x.start("question_version");
    x.start("question_versions", "id", id);
    x.leaf("version", "1");
    x.leaf("status", "ready");
    x.start("questions");
    x.start("question", "id", id);
    x.leaf("parent", "0");
    x.leaf("name", bq.name());
    x.leaf("questiontext", Html.paragraph(q.stem()));
    x.leaf("questiontextformat", "1");
    x.leaf("generalfeedback", Html.paragraph(q.feedback()));
    x.leaf("generalfeedbackformat", "1");
    x.leaf("defaultmark", "1.0000000");
    x.leaf("penalty", q instanceof Question.TrueFalse ? "1.0000000" : "0.3333333");
    x.leaf("qtype", qtype(q));
    x.leaf("length", "1");
    x.leaf("stamp", MoodleBackup.stamp("question", q.id()));
    x.leaf("timecreated", time);
    x.leaf("timemodified", time);
    x.leaf("createdby", MoodleBackup.NULL);
    x.leaf("modifiedby", MoodleBackup.NULL);
    if (q instanceof Question.MultipleChoice mc) {
      multichoice(x, mc, ids);
    } else if (q instanceof Question.TrueFalse tf) {
      truefalse(x, tf, ids);
    } else if (q instanceof Question.Matching m) {
      match(x, m, ids);
    }
    x.start("plugin_qbank_comment_question").start("comments").end().end();
    x.start("plugin_qbank_customfields_question").start("customfields").end().end();
    x.start("question_hints").end();
    x.start("tags").end();
    x.end();
    x.end();
    x.end();
    x.end();
    x.end();
  }

  static String qtype(Question q) {
    if (q instanceof Question.MultipleChoice) {
      return "multichoice";
    }
    return q instanceof Question.TrueFalse ? "truefalse" : "match";
  }

  private static void multichoice(XmlOut x, Question.MultipleChoice q, Ids ids) {
    x.start("plugin_qtype_multichoice_question");
    x.start("answers");
    for (Choice c : q.choices()) {
      answer(x, ++ids.answer, Html.escape(c.text()), "1", c.correct());
    }
    x.end();
    x.start("multichoice", "id", String.valueOf(++ids.options));
    x.leaf("layout", "0");
    x.leaf("single", "1");
    x.leaf("shuffleanswers", "1");
    combinedFeedback(x);
    x.leaf("answernumbering", "abc");
    x.leaf("shownumcorrect", "1");
    x.leaf("showstandardinstruction", "0");
    x.end();
    x.end();
  }

  private static void truefalse(XmlOut x, Question.TrueFalse q, Ids ids) {
    int trueId = ++ids.answer;
    int falseId = ++ids.answer;
    x.start("plugin_qtype_truefalse_question");
    x.start("answers");
    answer(x, trueId, "Vrai", "0", q.answer());
    answer(x, falseId, "Faux", "0", !q.answer());
    x.end();
    x.start("truefalse", "id", String.valueOf(++ids.options));
    x.leaf("trueanswer", String.valueOf(trueId));
    x.leaf("falseanswer", String.valueOf(falseId));
    x.leaf("showstandardinstruction", "0");
    x.end();
    x.end();
  }

  private static void match(XmlOut x, Question.Matching q, Ids ids) {
    x.start("plugin_qtype_match_question");
    x.start("matchoptions", "id", String.valueOf(++ids.options));
    x.leaf("shuffleanswers", "1");
    combinedFeedback(x);
    x.leaf("shownumcorrect", "1");
    x.end();
    x.start("matches");
    for (Question.Matching.Pair p : q.pairs()) {
      x.start("match", "id", String.valueOf(++ids.match));
      x.leaf("questiontext", Html.escape(p.actor()));
      x.leaf("questiontextformat", "1");
      x.leaf("answertext", p.role());
      x.end();
    }
    x.end();
    x.end();
  }

  private static void answer(XmlOut x, int id, String text, String format, boolean right) {
    x.start("answer", "id", String.valueOf(id));
    x.leaf("answertext", text);
    x.leaf("answerformat", format);
    x.leaf("fraction", right ? "1.0000000" : "0.0000000");
    x.leaf("feedback", "");
    x.leaf("feedbackformat", "1");
    x.end();
  }

  private static void combinedFeedback(XmlOut x) {
    x.leaf("correctfeedback", "<p>Bonne réponse.</p>");
    x.leaf("correctfeedbackformat", "1");
    x.leaf("partiallycorrectfeedback", "<p>Réponse en partie juste.</p>");
    x.leaf("partiallycorrectfeedbackformat", "1");
    x.leaf("incorrectfeedback", "<p>Réponse incorrecte.</p>");
    x.leaf("incorrectfeedbackformat", "1");
  }
}
