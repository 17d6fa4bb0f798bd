package io.github.coursepack.quiz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.coursepack.FuzzChecks;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of quiz overrides: any sidecar, applied to a small quiz built in memory (one question
 * of each kind, so no LanguageTool per input), gives a quiz and diagnostics on its own lines.
 * Replays {@code QuizOverridesFuzzTestInputs/} in a normal test run; {@code bench/fuzz.sh} fuzzes
 * it.
 */
@Tag("fuzz")
class QuizOverridesFuzzTest {

  private static final List<Question> CANDIDATES =
      ExportFixtures.course().units().get(0).quiz().questions();

  /** The generator's choice: all but the last candidate, so that a pin has something to add. */
  private static final List<Question> SELECTED = CANDIDATES.subList(0, CANDIDATES.size() - 1);

  @TempDir static Path dir;

  // Tokens the fuzzer would take long to guess (used in fuzzing mode only).
  @DictionaryEntries({
    "drop:",
    "pin:",
    "edit:",
    "add:",
    "stem:",
    "feedback:",
    "options:",
    "answer:",
    "id:",
    "c-u-who-dsi-1",
    "c-u-truefalse-rupn-2",
    "c-u-matching-3",
    "true",
    "faux",
    "''",
    "\" \"",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "~",
    "&a",
    "*a",
    "!!str",
    "? "
  })
  @FuzzTest
  void anySidecarGivesAQuizAndDiagnosticsOnItsOwnLines(byte[] bytes) throws IOException {
    Path resource = dir.resolve("u.md");
    Path sidecar = QuizOverrides.sidecarOf(resource);
    Files.write(sidecar, bytes);
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    QuizOverrides overrides = QuizOverrides.read(resource, "c-u", "u", sink);
    List<Question> quiz = overrides.apply(CANDIDATES, SELECTED, sink);

    FuzzChecks.noInternalError(sink.list());
    FuzzChecks.linesWithin(sink.list(), sidecar, FuzzChecks.lineCount(bytes));
    if (quiz.stream().map(Question::id).distinct().count() != quiz.size()) {
      throw new AssertionError("two questions with one id: " + quiz);
    }
  }
}
