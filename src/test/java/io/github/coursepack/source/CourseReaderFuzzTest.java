package io.github.coursepack.source;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.coursepack.FuzzChecks;
import io.github.coursepack.TestFiles;
import io.github.coursepack.model.DiagnosticSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of a course's settings: any {@code course.yaml}, beside one ordinary resource, gives a
 * course and diagnostics on its own lines. Replays {@code CourseReaderFuzzTestInputs/} in a normal
 * test run; {@code bench/fuzz.sh} fuzzes it.
 */
class CourseReaderFuzzTest {

  @TempDir static Path course;

  @BeforeAll
  static void oneResource() throws IOException {
    Files.copy(
        TestFiles.fixtureCourse("quirks").resolve("clean.md"), course.resolve("01-clean.md"));
  }

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
