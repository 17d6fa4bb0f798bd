package io.github.coursepack.quiz;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds grammar problems in a generated French text; empty means none. */
@FunctionalInterface
public interface GrammarCheck {

  List<String> problems(String text);

  /** The texts of a question a learner reads as written by the tool: stem, options, roles. */
  static List<String> texts(Question q) {
    List<String> texts = new ArrayList<>();
    texts.add(q.stem());
    if (q instanceof Question.MultipleChoice mc) {
      mc.choices().forEach(c -> texts.add(c.text()));
    } else if (q instanceof Question.Matching m) {
      m.pairs().forEach(p -> texts.add(p.role()));
    }
    return texts;
  }

  /**
   * A warning for every problem the check finds in the course's quizzes, at the line of the
   * question's evidence in its resource ({@code coursepack check --grammar}).
   *
   * @param sources each unit's resource file, by unit id
   */
  static List<Diagnostic> report(Course course, Map<String, Path> sources, GrammarCheck check) {
    List<Diagnostic> out = new ArrayList<>();
    for (Unit unit : course.units()) {
      for (Question q : unit.quiz().questions()) {
        int line = q.evidence().isEmpty() ? 0 : q.evidence().get(0).line();
        for (String text : texts(q)) {
          for (String problem : check.problems(text)) {
            out.add(
                Diagnostic.warning(
                    sources.get(unit.id()),
                    line,
                    Message.of("quiz.grammar", q.id(), text, problem)));
          }
        }
      }
    }
    return out;
  }
}
