package io.github.coursepack.format.questions;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.QuizJsonWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    for (Unit unit : course.units()) {
      if (unit.quiz().isEmpty()) {
        continue;
      }
      Path target = context.outputDir().resolve("quiz").resolve(unit.slug() + ".json");
      context
          .guard()
          .unit(
              unit,
              Message.of("doing.writingQuizJson"),
              () -> QuestionFiles.write(target, QuizJsonWriter.write(unit), context))
          .flatMap(p -> p)
          .ifPresent(
              p -> {
                out.add(p);
                context.progress().archiveWritten(id(), unit, p);
              });
    }
    return out;
  }
}
