package io.github.coursepack.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A course's quiz banks as a trainer reviews them, to compare one build with another: per unit,
 * each question's id, kind, stem, options (the right ones marked) and feedback. Evidence lines and
 * actor ids are left out: they move when the text around them is edited, and a trainer does not
 * review them.
 *
 * @param units the units, in course order
 */
public record QuizSnapshot(List<UnitBank> units) {

  public QuizSnapshot {
    units = List.copyOf(units);
  }

  /**
   * One unit's bank.
   *
   * @param unit the unit's id
   * @param slug the unit's slug, shown in summaries
   * @param title the unit's title
   * @param source the resource file's name
   * @param questions the bank, in the quiz's order
   */
  public record UnitBank(
      String unit, String slug, String title, String source, List<Item> questions) {
    public UnitBank {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(slug, "slug");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(source, "source");
      questions = List.copyOf(questions);
    }
  }

  /**
   * A question as the learner sees it.
   *
   * @param id the question's stable id
   * @param kind {@code multichoice}, {@code truefalse} or {@code matching}
   * @param stem the question
   * @param options the options in order; a true-or-false question has « Vrai » and « Faux », a
   *     matching one its pairs ({@code actor → role}), all right
   * @param feedback the explanation shown after an answer
   */
  public record Item(String id, String kind, String stem, List<Option> options, String feedback) {
    public Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(stem, "stem");
      Objects.requireNonNull(feedback, "feedback");
      options = List.copyOf(options);
    }

    /** The texts of the right options. */
    public List<String> answer() {
      return options.stream().filter(Option::correct).map(Option::text).toList();
    }
  }

  /** An option and whether it is right. */
  public record Option(String text, boolean correct) {
    public Option {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The banks of a course's units. */
  public static QuizSnapshot of(Course course) {
    List<UnitBank> units = new ArrayList<>();
    for (Unit u : course.units()) {
      units.add(
          new UnitBank(
              u.id(),
              u.slug(),
              u.title(),
              u.sourceName(),
              u.quiz().questions().stream().map(QuizSnapshot::item).toList()));
    }
    return new QuizSnapshot(units);
  }

  /** The unit with this id, if the snapshot has it. */
  public Optional<UnitBank> unit(String id) {
    return units.stream().filter(u -> u.unit().equals(id)).findFirst();
  }

  static Item item(Question q) {
    List<Option> options = new ArrayList<>();
    if (q instanceof Question.MultipleChoice mc) {
      for (Choice c : mc.choices()) {
        options.add(new Option(c.text(), c.correct()));
      }
    } else if (q instanceof Question.TrueFalse tf) {
      options.add(new Option("Vrai", tf.answer()));
      options.add(new Option("Faux", !tf.answer()));
    } else if (q instanceof Question.Matching m) {
      for (Question.Matching.Pair p : m.pairs()) {
        options.add(new Option(p.actor() + " → " + p.role(), true));
      }
    }
    return new Item(q.id(), q.kind().id(), q.stem(), options, q.feedback());
  }

  // ---- JSON, for the output folder's cache ----------------------------------------------------

  /** The snapshot as plain maps and lists, in a fixed order, for Jackson to write. */
  Object toJson() {
    List<Object> out = new ArrayList<>();
    for (UnitBank u : units) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unit", u.unit());
      m.put("slug", u.slug());
      m.put("title", u.title());
      m.put("source", u.source());
      List<Object> questions = new ArrayList<>();
      for (Item q : u.questions()) {
        Map<String, Object> qm = new LinkedHashMap<>();
        qm.put("id", q.id());
        qm.put("kind", q.kind());
        qm.put("stem", q.stem());
        List<Object> options = new ArrayList<>();
        for (Option o : q.options()) {
          Map<String, Object> om = new LinkedHashMap<>();
          om.put("text", o.text());
          om.put("correct", o.correct());
          options.add(om);
        }
        qm.put("options", options);
        qm.put("feedback", q.feedback());
        questions.add(qm);
      }
      m.put("questions", questions);
      out.add(m);
    }
    return out;
  }

  /**
   * The snapshot {@link #toJson()} wrote.
   *
   * @throws IllegalArgumentException when the JSON is not one
   */
  static QuizSnapshot fromJson(JsonNode units) {
    if (units == null || !units.isArray()) {
      throw new IllegalArgumentException("not a list of units");
    }
    List<UnitBank> out = new ArrayList<>();
    for (JsonNode u : units) {
      List<Item> questions = new ArrayList<>();
      for (JsonNode q : u.path("questions")) {
        List<Option> options = new ArrayList<>();
        for (JsonNode o : q.path("options")) {
          options.add(new Option(text(o, "text"), o.path("correct").asBoolean()));
        }
        questions.add(
            new Item(
                text(q, "id"), text(q, "kind"), text(q, "stem"), options, text(q, "feedback")));
      }
      out.add(
          new UnitBank(
              text(u, "unit"), text(u, "slug"), text(u, "title"), text(u, "source"), questions));
    }
    return new QuizSnapshot(out);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("no text '" + field + "'");
    }
    return v.asText();
  }
}
