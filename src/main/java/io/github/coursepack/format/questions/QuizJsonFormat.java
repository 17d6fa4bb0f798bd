package io.github.coursepack.format.questions;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.format.UnitJobs;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.QuizJsonWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code quiz/<unit-slug>.json}: each unit's quiz, machine-readable, with catalogue ids. */
public final class QuizJsonFormat implements PackageFormat {

  @Override
  public String id() {
    return "quizjson";
  }

  @Override
  public String description() {
    return "each unit's quiz as JSON, with evidence lines and actor ids (quiz/<unit>.json)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    List<Path> out = new ArrayList<>();
    List<Unit> asked = course.units().stream().filter(u -> !u.quiz().isEmpty()).toList();
    List<Optional<FormatContext.Outcome>> done =
        UnitJobs.run(
            asked,
            context,
            Message.of("doing.writingQuizJson"),
            (unit, c) ->
                QuestionFiles.write(id(), unit, target(c, unit), QuizJsonWriter.write(unit), c)
                    .orElse(null));
    for (int i = 0; i < asked.size(); i++) {
      Unit unit = asked.get(i);
      Path target = target(context, unit);
      done.get(i)
          .ifPresent(
              outcome -> {
                out.add(target);
                context.done(id(), unit, target, outcome);
              });
    }
    return out;
  }

  private static Path target(FormatContext context, Unit unit) {
    return context.outputDir().resolve("quiz").resolve(unit.slug() + ".json");
  }
}
