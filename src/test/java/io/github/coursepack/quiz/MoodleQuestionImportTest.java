package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.MoodleLab;
import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the example course's Moodle XML and GIFT files with Moodle's own importers (the lab of
 * ../shared/moodle-check, named by {@code MOODLE_LAB}). Skips, saying so, without a lab.
 */
class MoodleQuestionImportTest {

  @Test
  void moodleImportsEveryQuestionOfBothFiles(@TempDir Path dir) throws Exception {
    Path script = MoodleLab.script("questions-check.sh");
    Course course = QuizFixtures.quizzes(TestFiles.example(), DiagnosticSink.collecting()).course();
    int total = course.units().stream().mapToInt(u -> u.quiz().questions().size()).sum();
    long matching =
        course.units().stream()
            .map(Unit::quiz)
            .flatMap(q -> q.questions().stream())
            .filter(q -> q instanceof Question.Matching)
            .count();
    Path xml = Files.write(dir.resolve("questions.xml"), MoodleXmlWriter.write(course));
    Path gift = Files.writeString(dir.resolve("questions.gift"), GiftWriter.write(course));
    for (Path file : new Path[] {xml, gift}) {
      String output = MoodleLab.run(script, file.toString());
      assertThat(output).as(output).contains("QUESTIONS OK imported=" + total + " parseerrors=0");
      if (matching > 0) {
        assertThat(output).contains("\"match\":" + matching);
      }
    }
  }
}
