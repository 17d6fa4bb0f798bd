package io.github.coursepack.format.moodle;

import io.github.coursepack.model.Course;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.ExportFixtures;

/** Courses for the backup's tests, made from {@link ExportFixtures}' small course. */
public final class BackupFixtures {

  private BackupFixtures() {}

  /**
   * ExportFixtures' course whose one unit asks 2 of its 3 questions per attempt, so that its quiz
   * has random slots.
   */
  public static Course drawing() {
    Course course = ExportFixtures.course();
    Unit unit = course.units().get(0);
    Quiz quiz = unit.quiz();
    return course.withUnits(
        java.util.List.of(unit.withQuiz(new Quiz(quiz.questions(), quiz.passMark(), 2))));
  }
}
