package io.github.coursepack.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.coursepack.TestFiles;
import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.analysis.SharedNlp;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.Formats;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseBuildTest {

  @TempDir Path course;
  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private static final Supplier<FrenchNlp> NLP = SharedNlp::get;

  /**
   * A format like the real ones (each unit through the guard, then a course archive), whose unit
   * work throws for the resource 02.
   */
  private static final PackageFormat FAILING_FOR_02 =
      new PackageFormat() {
        @Override
        public String id() {
          return "failing";
        }

        @Override
        public String description() {
          return "fails on one unit";
        }

        @Override
        public List<Path> write(Course course, FormatContext context) {
          List<Path> written = new ArrayList<>();
          for (Unit unit : course.units()) {
            context
                .guard()
                .unit(
                    unit,
                    "writing its test file",
                    () -> {
                      if (unit.sourceName().startsWith("02")) {
                        throw new IllegalStateException("boom");
                      }
                      return touch(context.outputDir().resolve("failing/" + unit.slug()));
                    })
                .ifPresent(written::add);
          }
          Path whole = context.outputDir().resolve("failing/course");
          context.guard().courseArchive(course, whole).ifPresent(c -> written.add(touch(whole)));
          return written;
        }
      };

  private static Path touch(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, "x");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path exampleCopy() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.example())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, course.resolve(f.getFileName()));
      }
    }
    return course;
  }

  private CourseBuild.Options options(boolean allowPartial) {
    return new CourseBuild.Options(
        course, Optional.of(out), List.of(), true, FormatContext.Options.DEFAULT, allowPartial);
  }

  private List<Diagnostic> errors() {
    return sink.list().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  @Test
  void aFormatThatThrowsForOneUnitGivesAnInternalErrorOnItsResourceAndTheOthersAreBuilt()
      throws IOException {
    exampleCopy();
    CourseBuild.Result r =
        CourseBuild.run(
            options(false),
            sink,
            FormatContext.Progress.NONE,
            NLP,
            List.of(FAILING_FOR_02, Formats.byId("scorm12").orElseThrow()));
    assertThat(errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo(course.resolve("02-la-dsi-et-le-dpd.md"));
              assertThat(d.message())
                  .isEqualTo(
                      "internal error while writing its test file:"
                          + " java.lang.IllegalStateException: boom; please report it");
              assertThat(d.cause()).hasMessage("boom");
            });
    try (Stream<Path> files = Files.list(out.resolve("failing"))) {
      assertThat(files).hasSize(3);
    }
    // The other formats still write every unit; the course archives wait for a build without
    // errors.
    assertThat(r.archives()).hasSize(3 + 4);
    assertThat(r.kept())
        .containsExactly(out.resolve("failing/course"), out.resolve("scorm12/qfq-num.zip"));
    assertThat(out.resolve("scorm12/qfq-num.zip")).doesNotExist();
  }

  @Test
  void allowPartialWritesTheCourseArchivesWithoutTheUnitThatFailed() throws IOException {
    exampleCopy();
    CourseBuild.Result r =
        CourseBuild.run(
            options(true),
            sink,
            FormatContext.Progress.NONE,
            NLP,
            List.of(FAILING_FOR_02, Formats.byId("scorm12").orElseThrow()));
    assertThat(errors()).hasSize(1);
    assertThat(r.kept()).isEmpty();
    assertThat(out.resolve("failing/course")).exists();
    String manifest =
        new String(
            TestFiles.unzip(out.resolve("scorm12/qfq-num.zip")).get("imsmanifest.xml"),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(manifest)
        .contains("Le conseiller pédagogique départemental au numérique")
        .doesNotContain("La DSI et le délégué à la protection des données");
  }

  @Test
  void anAnalysisThatThrowsForOneUnitLeavesThatUnitOutWithAnInternalError() throws IOException {
    exampleCopy();
    CourseBuild.run(options(false), sink, FormatContext.Progress.NONE, NLP, List.of());
    assertThat(errors()).isEmpty();
    // Only the edited unit misses the analysis cache: the language toolkit fails to start for it.
    Path edited = course.resolve("02-la-dsi-et-le-dpd.md");
    Files.writeString(
        edited,
        Files.readString(edited)
            .replace(
                "## Script\r\n",
                "## Script\r\n\r\nLa DSI installe les serveurs de l'académie.\r\n"));
    boolean[] failed = {false};
    Supplier<FrenchNlp> failingOnce =
        () -> {
          if (!failed[0]) {
            failed[0] = true;
            throw new IllegalStateException("the toolkit broke");
          }
          return SharedNlp.get();
        };
    CourseBuild.Result r =
        CourseBuild.run(
            options(false),
            sink,
            FormatContext.Progress.NONE,
            failingOnce,
            List.of(Formats.byId("scorm12").orElseThrow()));
    assertThat(errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo(edited);
              assertThat(d.message())
                  .startsWith("internal error while analysing its text:")
                  .endsWith("the toolkit broke; please report it");
            });
    assertThat(r.course().units()).hasSize(3).noneMatch(u -> u.sourceName().startsWith("02"));
    assertThat(r.archives()).hasSize(3);
    assertThat(r.kept()).containsExactly(out.resolve("scorm12/qfq-num.zip"));
  }

  @Test
  void aBugInACourseArchiveEndsTheBuildAfterTheOtherFormatsAreWritten() throws IOException {
    exampleCopy();
    PackageFormat brokenCourseArchive =
        new PackageFormat() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public String description() {
            return "fails outside any unit";
          }

          @Override
          public List<Path> write(Course course, FormatContext context) {
            throw new IllegalStateException("course archive bug");
          }
        };
    assertThatThrownBy(
            () ->
                CourseBuild.run(
                    options(false),
                    sink,
                    FormatContext.Progress.NONE,
                    NLP,
                    List.of(brokenCourseArchive, Formats.byId("scorm12").orElseThrow())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("course archive bug");
    try (Stream<Path> files = Files.list(out.resolve("scorm12"))) {
      assertThat(files).hasSize(5);
    }
  }
}
