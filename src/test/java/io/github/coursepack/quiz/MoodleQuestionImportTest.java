package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the example course's Moodle XML and GIFT files with Moodle's own importers (the lab of
 * ../shared/moodle-check, named by {@code MOODLE_LAB}). Skips, saying so, without a lab.
 */
class MoodleQuestionImportTest {

  @Test
  void moodleImportsEveryQuestionOfBothFiles(@TempDir Path dir) throws Exception {
    String lab = System.getenv("MOODLE_LAB");
    assumeTrue(
        lab != null && !lab.isBlank(),
        "skipped: MOODLE_LAB is not set (see ../shared/moodle-check/README.md to set up a lab)");
    Path script = Path.of(lab, "scripts", "questions-check.sh");
    assumeTrue(
        Files.isExecutable(script), "skipped: " + script + " is missing; run setup.sh again");
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
      Process p =
          new ProcessBuilder(script.toString(), file.toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(output).as(output).contains("QUESTIONS OK imported=" + total + " parseerrors=0");
      if (matching > 0) {
        assertThat(output).contains("\"match\":" + matching);
      }
    }
  }
}
