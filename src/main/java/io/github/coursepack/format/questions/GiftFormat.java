package io.github.coursepack.format.questions;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.model.Course;
import io.github.coursepack.quiz.GiftWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code questions/<course-slug>.gift}: every unit's quiz in GIFT. */
public final class GiftFormat implements PackageFormat {

  @Override
  public String id() {
    return "gift";
  }

  @Override
  public String description() {
    return "GIFT questions, one category per unit (questions/<course>.gift)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    return QuestionFiles.writeCourseFile(
        course, context, id(), "gift", c -> GiftWriter.write(c).getBytes(StandardCharsets.UTF_8));
  }
}
