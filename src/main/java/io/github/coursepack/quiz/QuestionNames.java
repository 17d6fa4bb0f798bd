package io.github.coursepack.quiz;

import io.github.coursepack.model.Course;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;

/** Names, category paths and idnumbers of exported questions. */
public final class QuestionNames {

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /**
   * Moodle's question.name column holds 255 characters; a name longer than this is hard to read.
   */
  static final int NAME_LENGTH = 90;

  private QuestionNames() {}

  /** « $course$/top/Course title/Unit title », with « / » in titles doubled as Moodle wants. */
  public static String category(Course course, Unit unit) {
    return "$course$/top/" + level(course.title()) + "/" + level(unit.title());
  }

  private static String level(String title) {
    return title.strip().replace("/", "//");
  }

  /** « Q03 · D'après la vidéo, qui anime… », short enough for the question bank's list. */
  public static String name(Question q, int n) {
    String stem = SPACES.matcher(q.stem()).replaceAll(" ").strip();
    String prefix = String.format("Q%02d · ", n);
    if (prefix.length() + stem.length() > NAME_LENGTH) {
      stem = stem.substring(0, NAME_LENGTH - prefix.length() - 1).strip() + "…";
    }
    return prefix + stem;
  }

  /**
   * The question's idnumber in Moodle: its id itself, the one {@code coursepack quiz} prints and
   * the overrides name, so that a question seen in Moodle leads back to its override. Ids are
   * bounded to Moodle's 100 characters by construction ({@link QuestionIds}).
   */
  public static String idnumber(Question q) {
    return q.id();
  }
}
