package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoDurationTest {

  @TempDir Path dir;

  private Optional<Duration> read(String value, DiagnosticSink.Collecting sink) throws Exception {
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: Vidéo\nvideoDownloadHref: https://video.example.org/v.mp4\nvideoDuration: "
            + value
            + "\n---\n\n## Transcription\n\nTexte.\n");
    Unit unit = CourseReader.read(dir, sink).course().units().get(0);
    return unit.video().orElseThrow().duration();
  }

  @ParameterizedTest
  @CsvSource({
    "4:32, 272",
    "1:02:05, 3725",
    "272, 272",
    "4 min 30, 270",
    "4 min 30 s, 270",
    "4mn, 240",
    "1 h 02, 3720",
    "1 h 2 min 5 s, 3725",
    "45 s, 45"
  })
  void aDurationIsReadTheWaysTrainersWriteIt(String value, long seconds) throws Exception {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    assertThat(read(value, sink)).contains(Duration.ofSeconds(seconds));
    assertThat(sink.list()).isEmpty();
  }

  @Test
  void anythingElseIsAWarningAtItsLine() throws Exception {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    assertThat(read("environ cinq minutes", sink)).isEmpty();
    assertThat(sink.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(4);
              assertThat(d.message()).contains("videoDuration 'environ cinq minutes'");
            });
  }
}
