package io.github.coursepack.format.cc;

import io.github.coursepack.io.Digests;
import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.Html;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds a unit's QTI 1.2 assessment in the CC profile, as Moodle's converter reads it (FORMATS.md
 * §4.4): every item directly in the assessment's one section (nested sections are skipped),
 * single-answer multiple choice and true/false with their {@code cc_profile}, the right label
 * scored with {@code SCORE} 100 (Moodle makes any non-empty value full credit and every other label
 * zero), true/false labels named exactly {@code true} and {@code false} (anything else aborts the
 * whole import), a feedback per label, and the question's explanation as general feedback through a
 * {@code continue="Yes"} condition. Matching questions have no CC profile and are left to the
 * caller to leave out.
 */
final class CcAssessment {

  static final String QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
  static final String RESPONSE = "RESPONSE";
  static final String GENERAL_FEEDBACK = "general_fb";

  private static final Pattern PLAIN_IDENT = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  private CcAssessment() {}

  /** Whether a Common Cartridge can hold the question. */
  static boolean supported(Question q) {
    return !(q instanceof Question.Matching);
  }

  /**
   * The item ident of a question: its id, which Moodle's converter puts inside XPath expressions
   * between double quotes, so an id with other characters is replaced by a hash of it.
   */
  static String ident(Question q) {
    return PLAIN_IDENT.matcher(q.id()).matches() ? q.id() : "q-" + Digests.shortHex(q.id());
  }

  /** The label idents of a multiple-choice question, in the order shown: A, B, C… */
  static String label(int index) {
    return index < 26 ? String.valueOf((char) ('A' + index)) : "L" + (index + 1);
  }

  static byte[] build(Unit unit, List<Question> questions) {
    XmlOut x = new XmlOut();
    x.start("questestinterop", "xmlns", QTI_NS);
    x.start("assessment", "ident", "ASSESSMENT-" + unit.id(), "title", CcManifest.quizTitle(unit));
    x.start("qtimetadata");
    field(x, "cc_profile", "cc.exam.v0p1");
    field(x, "qmd_assessmenttype", "Examination");
    field(x, "qmd_scoretype", "Percentage");
    field(x, "qmd_feedbackpermitted", "Yes");
    field(x, "qmd_hintspermitted", "No");
    field(x, "qmd_solutionspermitted", "Yes");
    // A training quiz: learners may try again. Moodle turns « unlimited » into 0, its unlimited.
    field(x, "cc_maxattempts", "unlimited");
    x.end();
    x.start("section", "ident", "SECTION-" + unit.id());
    for (Question q : questions) {
      if (q instanceof Question.MultipleChoice mc) {
        multipleChoice(x, mc);
      } else if (q instanceof Question.TrueFalse tf) {
        trueFalse(x, tf);
      }
    }
    x.end().end();
    return x.end().toBytes();
  }

  private static void multipleChoice(XmlOut x, Question.MultipleChoice q) {
    itemStart(x, q, "cc.multiple_choice.v0p1");
    x.start("response_lid", "ident", RESPONSE, "rcardinality", "Single");
    x.start("render_choice", "shuffle", "Yes");
    List<Choice> choices = q.choices();
    for (int i = 0; i < choices.size(); i++) {
      responseLabel(x, label(i), CcText.guardHtml(Html.escape(choices.get(i).text())));
    }
    x.end().end().end();
    resprocessingStart(x, q);
    for (int i = 0; i < choices.size(); i++) {
      answerCondition(x, label(i), choices.get(i).correct());
    }
    x.end();
    feedbacks(x, q);
    for (int i = 0; i < choices.size(); i++) {
      answerFeedback(x, label(i), choices.get(i).correct());
    }
    x.end();
  }

  private static void trueFalse(XmlOut x, Question.TrueFalse q) {
    itemStart(x, q, "cc.true_false.v0p1");
    x.start("response_lid", "ident", RESPONSE, "rcardinality", "Single");
    x.start("render_choice");
    responseLabel(x, "true", "Vrai");
    responseLabel(x, "false", "Faux");
    x.end().end().end();
    resprocessingStart(x, q);
    answerCondition(x, "true", q.answer());
    answerCondition(x, "false", !q.answer());
    x.end();
    feedbacks(x, q);
    answerFeedback(x, "true", q.answer());
    answerFeedback(x, "false", !q.answer());
    x.end();
  }

  /** Opens the item and writes its metadata and question text; leaves {@code presentation} open. */
  private static void itemStart(XmlOut x, Question q, String profile) {
    // Moodle names the question after the title attribute: the question's id, as everywhere.
    x.start("item", "ident", ident(q), "title", q.id());
    x.start("itemmetadata").start("qtimetadata");
    field(x, "cc_profile", profile);
    // Moodle's default mark; 1 as in the other question formats.
    field(x, "cc_weighting", "1");
    x.end().end();
    x.start("presentation");
    x.start("material");
    x.leafCdata("mattext", CcText.guardHtml(Html.paragraph(q.stem())), "texttype", "text/html");
    x.end();
  }

  private static void responseLabel(XmlOut x, String ident, String html) {
    x.start("response_label", "ident", ident);
    x.start("material");
    x.leafCdata("mattext", html, "texttype", "text/html");
    x.end().end();
  }

  /**
   * Opens {@code resprocessing}: the score variable, then the general feedback, shown whatever the
   * answer; Moodle reads the feedback of {@code continue="Yes"} conditions as general feedback.
   */
  private static void resprocessingStart(XmlOut x, Question q) {
    x.start("resprocessing");
    x.start("outcomes");
    x.empty(
        "decvar",
        "varname",
        "SCORE",
        "vartype",
        "Decimal",
        "defaultval",
        "0",
        "minvalue",
        "0",
        "maxvalue",
        "100");
    x.end();
    if (!q.feedback().isBlank()) {
      x.start("respcondition", "title", "General feedback", "continue", "Yes");
      x.start("conditionvar").empty("other").end();
      x.empty("displayfeedback", "feedbacktype", "Response", "linkrefid", GENERAL_FEEDBACK);
      x.end();
    }
  }

  /** One condition per label: Moodle gives each label the score and feedback of its condition. */
  private static void answerCondition(XmlOut x, String label, boolean correct) {
    x.start("respcondition", "continue", "No");
    x.start("conditionvar");
    x.leaf("varequal", label, "respident", RESPONSE, "case", "Yes");
    x.end();
    if (correct) {
      x.leaf("setvar", "100", "varname", "SCORE", "action", "Set");
    }
    x.empty("displayfeedback", "feedbacktype", "Response", "linkrefid", feedbackId(label));
    x.end();
  }

  private static void feedbacks(XmlOut x, Question q) {
    if (!q.feedback().isBlank()) {
      itemFeedback(x, GENERAL_FEEDBACK, CcText.guardHtml(Html.paragraph(q.feedback())));
    }
  }

  private static void answerFeedback(XmlOut x, String label, boolean correct) {
    itemFeedback(
        x, feedbackId(label), correct ? "<p>Bonne réponse.</p>" : "<p>Réponse incorrecte.</p>");
  }

  private static void itemFeedback(XmlOut x, String ident, String html) {
    x.start("itemfeedback", "ident", ident);
    x.start("flow_mat").start("material");
    x.leafCdata("mattext", html, "texttype", "text/html");
    x.end().end().end();
  }

  private static String feedbackId(String label) {
    return label + "_fb";
  }

  private static void field(XmlOut x, String label, String entry) {
    x.start("qtimetadatafield");
    x.leaf("fieldlabel", label);
    x.leaf("fieldentry", entry);
    x.end();
  }
}
