package io.github.coursepack.source;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.coursepack.FuzzChecks;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Sentence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of reading one resource (decoding, front matter, Markdown body). In a normal test run
 * it replays the inputs in {@code ResourceReaderFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes it.
 */
@Tag("fuzz")
class ResourceReaderFuzzTest {

  @TempDir static Path course;

  // Tokens the fuzzer would take long to guess (fuzzing mode only). One line each: Jazzer
  // writes them raw into a libFuzzer dictionary, which a line break makes unreadable.
  @DictionaryEntries({
    "---",
    "title:",
    "titre:",
    "description:",
    "area:",
    "videoEmbedSrc:",
    "videoDownloadHref:",
    "videoFile:",
    "videoDuration:",
    "slug:",
    "## Transcription",
    "## Credits",
    "## Licence",
    "## Descriptif",
    "https://",
    "http://",
    "/videos/watch/",
    "/videos/embed/",
    "<script>",
    "<iframe ",
    "](",
    "> ",
    "- ",
    "1. ",
    "```",
    "| a |",
    "&a",
    "*a",
    "1:02:03",
    "PT1M"
  })
  @FuzzTest
  void anyFileGivesDiagnosticsOnItsOwnLinesAndNeverAnInternalError(byte[] bytes)
      throws IOException {
    Path file = course.resolve("resource.md");
    Files.write(file, bytes);
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    Optional<ResourceDraft> draft = ResourceReader.read(file, course, sink);

    FuzzChecks.noInternalError(sink.list());
    int lines = FuzzChecks.lineCount(bytes);
    FuzzChecks.linesWithin(sink.list(), file, lines);
    if (draft.isPresent()) {
      List<Sentence> sentences = new ArrayList<>(draft.get().transcript().sentences());
      sentences.addAll(draft.get().article().sentences());
      for (Sentence s : sentences) {
        if (s.line() < 1 || s.line() > lines) {
          throw new AssertionError(
              "sentence at line " + s.line() + " of a file of " + lines + " lines: " + s.text());
        }
      }
    }
  }
}
