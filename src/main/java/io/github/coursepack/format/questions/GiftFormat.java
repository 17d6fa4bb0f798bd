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
    if (course.units().stream().allMatch(u -> u.quiz().isEmpty())) {
      return List.of();
    }
    Path target = context.outputDir().resolve("questions").resolve(course.slug() + ".gift");
    byte[] gift = GiftWriter.write(course).getBytes(StandardCharsets.UTF_8);
    List<Path> out = QuestionFiles.write(target, gift, context).map(List::of).orElse(List.of());
    out.forEach(p -> context.progress().archiveWritten(id(), null, p));
    return out;
  }
}
