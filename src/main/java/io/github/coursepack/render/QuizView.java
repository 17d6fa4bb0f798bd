package io.github.coursepack.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Slugs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The template data of a unit's quiz: the whole bank as radio groups and selects with their labels,
 * and the answers as JSON for {@code unit.js}, which draws each attempt's questions and checks them
 * in the page. Questions beyond the blueprint start hidden, so that the page shows the first
 * attempt even before its script runs. Every value is one character, so that the answers fit SCORM
 * 1.2's {@code suspend_data} easily.
 */
final class QuizView {

  private static final ObjectMapper JSON = new ObjectMapper();

  private QuizView() {}

  static Map<String, Object> of(Quiz quiz) {
    List<Map<String, Object>> questions = new ArrayList<>();
    List<Map<String, Object>> answers = new ArrayList<>();
    int n = 0;
    for (Question q : quiz.questions()) {
      n++;
      String domId = "q" + n;
      Map<String, Object> view = new LinkedHashMap<>();
      Map<String, Object> answer = new LinkedHashMap<>();
      view.put("domId", domId);
      view.put("number", n);
      // unit.js shows the questions of each attempt and numbers them 1..drawCount.
      view.put("hidden", n > quiz.drawCount());
      view.put("stem", q.stem());
      answer.put("id", q.id());
      answer.put("feedback", q.feedback());
      if (q instanceof Question.MultipleChoice mc) {
        view.put("kind", "choice");
        List<Map<String, Object>> choices = new ArrayList<>();
        for (int i = 0; i < mc.choices().size(); i++) {
          Choice c = mc.choices().get(i);
          choices.add(choice(domId, i, String.valueOf(i), c.text()));
          if (c.correct()) {
            answer.put("answer", String.valueOf(i));
            answer.put("answerText", c.text());
          }
        }
        view.put("choices", choices);
        answer.put("kind", "choice");
        answer.put("interaction", "choice");
        answer.put("responses", responseIds(mc.choices().stream().map(Choice::text).toList()));
      } else if (q instanceof Question.TrueFalse tf) {
        view.put("kind", "truefalse");
        view.put("choices", List.of(choice(domId, 0, "v", "Vrai"), choice(domId, 1, "f", "Faux")));
        answer.put("kind", "choice");
        answer.put("answer", tf.answer() ? "v" : "f");
        answer.put("answerText", tf.answer() ? "Vrai" : "Faux");
        answer.put("interaction", "true-false");
      } else if (q instanceof Question.Matching m) {
        view.put("kind", "matching");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < m.pairs().size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(q.id().hashCode()));
        List<Map<String, Object>> roles = new ArrayList<>();
        for (int i : order) {
          roles.add(Map.of("value", String.valueOf(i), "text", m.pairs().get(i).role()));
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i = 0; i < m.pairs().size(); i++) {
          pairs.add(
              Map.of(
                  "selectId",
                  domId + "-p" + (i + 1),
                  "actor",
                  m.pairs().get(i).actor(),
                  "roles",
                  roles));
          right.add(String.valueOf(i));
        }
        view.put("pairs", pairs);
        answer.put("kind", "matching");
        answer.put("answer", right);
        answer.put("interaction", "matching");
        answer.put(
            "sources", responseIds(m.pairs().stream().map(Question.Matching.Pair::actor).toList()));
        answer.put(
            "responses",
            responseIds(m.pairs().stream().map(Question.Matching.Pair::role).toList()));
      }
      questions.add(view);
      answers.add(answer);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("passMark", quiz.passMark());
    data.put("drawCount", quiz.drawCount());
    data.put("questions", answers);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "intro",
        asked(quiz)
            + ". Pour réussir, il faut au moins "
            + quiz.passMark()
            + " % de bonnes réponses.");
    out.put("questions", questions);
    out.put("data", json(data));
    return out;
  }

  /** How many questions an attempt asks, and from how many when it draws. */
  private static String asked(Quiz quiz) {
    int count = quiz.drawCount();
    if (!quiz.draws()) {
      return count == 1 ? "1 question" : count + " questions";
    }
    return (count == 1 ? "1 question tirée" : count + " questions tirées")
        + " parmi les "
        + quiz.questions().size()
        + " de la banque ; chaque nouvel essai renouvelle le tirage";
  }

  private static Map<String, Object> choice(String domId, int i, String value, String text) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", domId);
    c.put("inputId", domId + "-" + (char) ('a' + i));
    c.put("value", value);
    c.put("text", text);
    return c;
  }

  /**
   * The identifiers a SCORM runtime reports the learner's responses with ({@code
   * cmi.interactions.n.learner_response} and {@code correct_responses}): each text's words in ASCII
   * joined by underscores, so that a trainer reading Moodle's interactions report recognises the
   * option. SCORM 2004 wants short identifiers ({@code [\w.]{1,250}}) and Moodle reports them as
   * they are; 40 characters keep a report readable. Two options that fold to the same words get
   * their position appended.
   */
  static List<String> responseIds(List<String> texts) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String id = Slugs.of(texts.get(i)).replace('-', '_');
      if (id.length() > 40) {
        int cut = id.lastIndexOf('_', 40);
        id = id.substring(0, cut > 20 ? cut : 40);
      }
      if (id.isEmpty()) {
        id = "option_" + (i + 1);
      }
      if (ids.contains(id)) {
        id = id + "_" + (i + 1);
      }
      ids.add(id);
    }
    return ids;
  }

  /** JSON safe inside a script element: « </ » cannot close it. */
  private static String json(Object data) {
    try {
      return JSON.writeValueAsString(data).replace("</", "<\\/").replace("<!--", "<\\u0021--");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
