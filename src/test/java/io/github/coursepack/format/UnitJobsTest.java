package io.github.coursepack.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import io.github.coursepack.render.UnitTemplate;
import io.github.coursepack.source.CourseReader;
import io.github.coursepack.source.CourseSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units' work run on several threads comes back as on one: results, diagnostics and a unit's bug in
 * course order, the bug kept to its unit.
 */
class UnitJobsTest {

  @TempDir Path out;

  private List<String> run(int threads, List<Optional<String>> results) {
    CourseSource source = CourseReader.read(TestFiles.example(), DiagnosticSink.collecting());
    List<Unit> units = source.course().units();
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      FormatContext context =
          new FormatContext(
              out,
              UnitTemplate.defaults(),
              0,
              sink,
              FormatContext.Progress.NONE,
              FormatContext.Options.DEFAULT,
              UnitGuard.of(sink, u -> Path.of(u.sourceName()), false, false),
              new WrittenArchives(),
              ArchiveLedger.NONE,
              pool,
              List::of);
      results.addAll(
          UnitJobs.run(
              units,
              context,
              Message.plain("doing its test work"),
              (unit, c) -> {
                // The later units finish first.
                sleep(40L * (units.size() - units.indexOf(unit)));
                c.sink().report(Diagnostic.info(null, 0, "working on " + unit.sourceName()));
                if (unit.sourceName().startsWith("02")) {
                  throw new IllegalStateException("boom");
                }
                return unit.slug();
              }));
    } finally {
      pool.shutdownNow();
    }
    return sink.list().stream()
        .map(d -> d.severity() + " " + d.file() + " " + d.message())
        .toList();
  }

  @Test
  void resultsMessagesAndBugsComeInCourseOrderWhateverTheThreads() {
    List<Optional<String>> alone = new java.util.ArrayList<>();
    List<Optional<String>> four = new java.util.ArrayList<>();
    List<String> messagesAlone = run(1, alone);
    List<String> messagesFour = run(4, four);

    assertThat(four).isEqualTo(alone).hasSize(4);
    assertThat(four.get(1)).isEmpty();
    assertThat(four).filteredOn(Optional::isPresent).hasSize(3);
    assertThat(messagesFour).isEqualTo(messagesAlone);
    assertThat(messagesFour)
        .hasSize(5)
        .startsWith(
            "INFO null working on 01-le-cpd-numerique.md",
            "INFO null working on 02-la-dsi-et-le-dpd.md");
    assertThat(messagesFour.get(2))
        .startsWith(
            Severity.ERROR + " 02-la-dsi-et-le-dpd.md internal error while doing its test work")
        .contains("boom");
    assertThat(messagesFour.get(3))
        .isEqualTo("INFO null working on 03-referent-numerique-college.md");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
