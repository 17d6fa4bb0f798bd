package io.github.coursepack.format.questions;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.model.Course;
import io.github.coursepack.quiz.MoodleXmlWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code questions/<course-slug>.xml}: every unit's quiz for Moodle's question bank. */
public final class MoodleXmlFormat implements PackageFormat {

  @Override
  public String id() {
    return "moodlexml";
  }

  @Override
  public String description() {
    return "Moodle XML questions, one category per unit (questions/<course>.xml)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    return QuestionFiles.writeCourseFile(course, context, id(), "xml", MoodleXmlWriter::write);
  }
}
