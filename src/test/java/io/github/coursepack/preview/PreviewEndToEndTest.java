package io.github.coursepack.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.coursepack.Subprocess;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.scorm.Scorm12Format;
import io.github.coursepack.format.scorm.Scorm2004Format;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.QuizFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/e2e/unit.e2e.mjs}: a unit of the example course whose quiz draws, in
 * Debian's Chromium driven by Playwright, under the preview's LMS stand-in. It asserts each
 * attempt's drawn questions, the exact SCORM calls of a wrong then right then weaker attempt, the
 * resume of the same questions and answers, axe-core and the keyboard alone (see the script).
 *
 * <p>Needs node, /usr/bin/chromium and {@code npm ci} in src/test/e2e; .ci/run installs them and
 * sets {@code COURSEPACK_E2E=required}, so that CI fails rather than skips without them.
 */
class PreviewEndToEndTest {

  static final Path E2E = TestFiles.project().resolve("src/test/e2e");

  @TempDir Path out;

  @Test
  void aUnitTalksToTheLmsStandInAsMoodleExpectsAndIsAccessible() throws Exception {
    requireTools();
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    Course example = QuizFixtures.quizzes(TestFiles.example(), sink).course();
    Unit unit =
        example.units().stream()
            .filter(u -> u.quiz().questions().size() >= 2)
            .filter(u -> u.video().flatMap(v -> v.embed()).isPresent())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no unit with a video and two questions"));
    Course course = example.withUnits(example.units().stream().map(u -> drawing(u)).toList());
    new Scorm12Format().write(course, TestFiles.context(out, sink));
    try (PreviewServer server = PreviewServer.start(out, 0, false)) {
      Subprocess.Result r =
          Subprocess.run(
              new ProcessBuilder("node", "unit.e2e.mjs", server.address().toString(), unit.slug())
                  .directory(E2E.toFile()),
              Duration.ofMinutes(3));
      String output = r.output();
      System.out.println(output);
      assertThat(r.exitCode()).as(output).isZero();
      assertThat(output).doesNotContain("not ok").contains("ok - keyboard only");
    }
  }

  @Test
  void aScorm2004UnitReachesCompletedAndPassedWithItsScoreAndInteractions() throws Exception {
    requireTools();
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    Course example = QuizFixtures.quizzes(TestFiles.example(), sink).course();
    Unit unit =
        example.units().stream()
            .filter(u -> u.quiz().questions().size() >= 2)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no unit with two questions"));
    Course course = example.withUnits(example.units().stream().map(u -> drawing(u)).toList());
    // Both editions in one folder, as a build of every format leaves it: the 2004 package is
    // played at its own address.
    new Scorm12Format().write(course, TestFiles.context(out, sink));
    new Scorm2004Format().write(course, TestFiles.context(out, sink));
    try (PreviewServer server = PreviewServer.start(out, 0, false)) {
      Subprocess.Result r =
          Subprocess.run(
              new ProcessBuilder(
                      "node", "unit2004.e2e.mjs", server.address().toString(), unit.slug())
                  .directory(E2E.toFile()),
              Duration.ofMinutes(3));
      String output = r.output();
      System.out.println(output);
      assertThat(r.exitCode()).as(output).isZero();
      assertThat(output).doesNotContain("not ok").contains("ok - relaunch: ISO 8601");
    }
  }

  @Test
  void theCourseReportIsAccessible() throws Exception {
    requireTools();
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    Course course = QuizFixtures.quizzes(TestFiles.example(), sink).course();
    Path report =
        new io.github.coursepack.format.report.ReportFormat()
            .write(course, TestFiles.context(out, sink))
            .get(0);
    Subprocess.Result r =
        Subprocess.run(
            new ProcessBuilder("node", "report.e2e.mjs", report.toString()).directory(E2E.toFile()),
            java.time.Duration.ofMinutes(2));
    System.out.println(r.output());
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).doesNotContain("not ok").contains("ok - keyboard");
  }

  /**
   * The unit with a quiz that draws: its quizSize, made smaller than its bank when it is not, as a
   * course.yaml {@code quizSize} would (the bank does not depend on it), without analysing the
   * course twice.
   */
  private static Unit drawing(Unit u) {
    Quiz q = u.quiz();
    if (q.isEmpty() || q.draws()) {
      return u;
    }
    return u.withQuiz(new Quiz(q.questions(), q.passMark(), Math.max(1, q.questions().size() - 2)));
  }

  /** Skips the test without the tools, or fails it when CI says they must be there. */
  private static void requireTools() {
    String missing = missingTools();
    if (missing != null) {
      if ("required".equals(System.getenv("COURSEPACK_E2E"))) {
        fail("COURSEPACK_E2E=required but " + missing);
      }
      assumeTrue(false, "skipped: " + missing + " (.ci/run installs what the e2e tests need)");
    }
  }

  /** What the e2e test lacks, or null. */
  static String missingTools() {
    if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
      return "/usr/bin/chromium is missing (Debian package chromium)";
    }
    if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))
        || !Files.isDirectory(E2E.resolve("node_modules/axe-core"))) {
      return "src/test/e2e/node_modules is missing (npm ci --prefix src/test/e2e)";
    }
    if (!Subprocess.works("node", "--version")) {
      return "node is not on the PATH or does not run";
    }
    return null;
  }
}
