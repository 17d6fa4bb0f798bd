package io.github.coursepack.quiz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's quiz as JSON, for other tools and for review:
 *
 * <pre>
 * {"unit": "qfq-num-le-cpd…", "source": "01-le-cpd-numerique.md", "passMark": 80, "drawCount": 8,
 *  "questions": [{"id", "kind", "stem", "options": [{"text", "correct", "actor"}],
 *                 "answerActors": [ids], "distractorActors": [ids],
 *                 "evidence": {"text", "line"}, "polarity", "feedback"}]}
 * </pre>
 *
 * <p>{@code questions} is the whole bank, blueprint first; an attempt asks {@code drawCount} of
 * them (the first {@code drawCount} on a first attempt). Actors are the catalogue's ids. A matching
 * question lists its pairs as options ({@code "actor → role"}) and under {@code "pairs"}; a
 * true-or-false one has the options « Vrai » and « Faux ».
 */
public final class QuizJsonWriter {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private QuizJsonWriter() {}

  public static byte[] write(Unit unit) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("unit", unit.id());
    root.put("source", unit.sourceName());
    root.put("passMark", unit.quiz().passMark());
    root.put("drawCount", unit.quiz().drawCount());
    List<Object> questions = new ArrayList<>();
    for (Question q : unit.quiz().questions()) {
      questions.add(question(q));
    }
    root.put("questions", questions);
    try {
      String text = JSON.writeValueAsString(root) + "\n";
      return text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> question(Question q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", q.id());
    m.put("kind", q.kind().id());
    m.put("stem", q.stem());
    List<Object> options = new ArrayList<>();
    List<String> distractors = new ArrayList<>();
    if (q instanceof Question.MultipleChoice mc) {
      for (Choice c : mc.choices()) {
        options.add(option(c.text(), c.correct(), c.actorId()));
        if (!c.correct() && !c.actorId().isEmpty()) {
          distractors.add(c.actorId());
        }
      }
    } else if (q instanceof Question.TrueFalse tf) {
      options.add(option("Vrai", tf.answer(), ""));
      options.add(option("Faux", !tf.answer(), ""));
    } else if (q instanceof Question.Matching mt) {
      List<Object> pairs = new ArrayList<>();
      for (Question.Matching.Pair p : mt.pairs()) {
        options.add(option(p.actor() + " → " + p.role(), true, p.actorId()));
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("actor", p.actorId());
        pair.put("actorText", p.actor());
        pair.put("role", p.role());
        pairs.add(pair);
      }
      m.put("pairs", pairs);
    }
    m.put("options", options);
    m.put("answerActors", q.answerActorIds());
    m.put("distractorActors", distractors);
    if (!q.evidence().isEmpty()) {
      Sentence s = q.evidence().get(0);
      m.put("evidence", evidence(s));
      if (q.evidence().size() > 1) {
        List<Object> all = new ArrayList<>();
        q.evidence().forEach(e -> all.add(evidence(e)));
        m.put("allEvidence", all);
      }
    }
    m.put("polarity", q.polarity().name().toLowerCase(java.util.Locale.ROOT));
    m.put("feedback", q.feedback());
    return m;
  }

  /** A LinkedHashMap, not Map.of, whose order changes from one run to the next. */
  private static Map<String, Object> evidence(Sentence s) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("text", s.text());
    e.put("line", s.line());
    return e;
  }

  private static Map<String, Object> option(String text, boolean correct, String actor) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("text", text);
    o.put("correct", correct);
    o.put("actor", actor);
    return o;
  }
}
