package io.github.coursepack.source;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.coursepack.FuzzChecks;
import io.github.coursepack.TestFiles;
import io.github.coursepack.model.DiagnosticSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of a course's settings: any {@code course.yaml}, beside one ordinary resource, gives a
 * course and diagnostics on its own lines. Replays {@code CourseReaderFuzzTestInputs/} in a normal
 * test run; {@code bench/fuzz.sh} fuzzes it.
 */
@Tag("fuzz")
class CourseReaderFuzzTest {

  @TempDir static Path course;

  @BeforeAll
  static void oneResource() throws IOException {
    Files.copy(
        TestFiles.fixtureCourse("quirks").resolve("clean.md"), course.resolve("01-clean.md"));
  }

  // Tokens the fuzzer would take long to guess (used in fuzzing mode only).
  @DictionaryEntries({
    "title:",
    "shortname:",
    "summary:",
    "language:",
    "licence:",
    "passMark:",
    "quizSize:",
    "formats:",
    "template:",
    "order:",
    "target:",
    "startDate:",
    "01-clean.md",
    "../",
    "/",
    "magistere",
    "moodle",
    "2026-02-30",
    "-1",
    "99999999999",
    "''",
    "- ",
    "[",
    "{",
    "~",
    "&a",
    "*a",
    "!!int",
    "!!binary"
  })
  @FuzzTest
  void anyCourseYamlGivesACourseAndDiagnosticsOnItsOwnLines(byte[] bytes) throws IOException {
    Path settings = course.resolve("course.yaml");
    Files.write(settings, bytes);
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    CourseReader.read(course, sink);

    FuzzChecks.noInternalError(sink.list());
    FuzzChecks.linesWithin(sink.list(), settings, FuzzChecks.lineCount(bytes));
  }
}
