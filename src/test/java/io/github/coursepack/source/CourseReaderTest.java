package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseReaderTest {

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private Map<String, Unit> bySource(Course course) {
    return course.units().stream().collect(Collectors.toMap(Unit::sourceName, Function.identity()));
  }

  private List<Diagnostic> about(String fileName) {
    return sink.list().stream()
        .filter(d -> d.file() != null && d.file().getFileName().toString().equals(fileName))
        .toList();
  }

  @Test
  void readsTheExampleCourseInTheOrderOfCourseYaml() {
    Course course = CourseReader.read(TestFiles.example(), sink).course();
    assertThat(course.title()).isEqualTo("Qui fait quoi dans le numérique éducatif ?");
    assertThat(course.shortname()).isEqualTo("QFQ-NUM");
    assertThat(course.slug()).isEqualTo("qfq-num");
    assertThat(course.passMark()).isEqualTo(80);
    assertThat(course.licence().orElseThrow().name()).isEqualTo("CC BY-SA 4.0");
    assertThat(course.units())
        .extracting(Unit::sourceName)
        .containsExactly(
            "01-le-cpd-numerique.md",
            "02-la-dsi-et-le-dpd.md",
            "03-referent-numerique-college.md",
            "04-le-gar-en-pratique.txt");
    assertThat(course.units())
        .extracting(Unit::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("qfq-num-"));
    assertThat(sink.hasErrors()).isFalse();
  }

  @Test
  void readsTheExampleVariants() {
    Map<String, Unit> units = bySource(CourseReader.read(TestFiles.example(), sink).course());
    Unit crlf = units.get("02-la-dsi-et-le-dpd.md");
    assertThat(crlf.area()).isEqualTo("Domaine 2");
    assertThat(crlf.description()).contains(" : ");
    assertThat(crlf.video().orElseThrow().download()).isEmpty();
    assertThat(crlf.transcript().heading()).isEqualTo("Script");
    assertThat(crlf.transcript().sentences())
        .extracting(Sentence::text)
        .anyMatch(s -> s.contains("histoire-géographie"))
        .noneMatch(s -> s.contains("\r"));

    Unit bom = units.get("03-referent-numerique-college.md");
    assertThat(bom.title())
        .doesNotStartWith("\uFEFF")
        .isEqualTo("Le référent numérique au collège");
    assertThat(bom.video().orElseThrow().duration()).contains(java.time.Duration.ofSeconds(270));
    assertThat(bom.metadata()).doesNotContainKey("duree");

    Unit article = units.get("04-le-gar-en-pratique.txt");
    assertThat(article.title()).isEqualTo("Le GAR en pratique");
    assertThat(article.video()).isEmpty();
    assertThat(article.description()).isNotBlank();
    assertThat(article.article().html())
        .doesNotContain("href=\"#\"")
        .contains("https://gar.education.fr/");
    assertThat(article.article().sentences()).isNotEmpty();
  }

  @Test
  void eachQuirkGivesItsDiagnosticAndTheOtherResourcesStillBuild() {
    CourseSource source = CourseReader.read(TestFiles.fixtureCourse("quirks"), sink);
    Map<String, Unit> units = bySource(source.course());

    assertThat(units)
        .containsOnlyKeys(
            "clean.md",
            "crlf.crlf.md",
            "bom.md",
            "cp1252.md",
            "script.md",
            "same-title-a.md",
            "same-title-b.md",
            "http-video.md",
            "smart-quotes.md");
    assertThat(source.course().units().get(0).sourceName()).isEqualTo("clean.md");
    assertThat(source.course().units().get(1).sourceName()).isEqualTo("crlf.crlf.md");
    assertThat(source.course().passMark()).isEqualTo(75);

    assertThat(about("broken-yaml.md"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.line()).isEqualTo(2);
            });
    assertThat(about("unclosed.md"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.line()).isEqualTo(1);
            });
    assertThat(about("binary.md"))
        .singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
    assertThat(about("bad-video.md"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.line()).isEqualTo(3);
            });
    assertThat(about("empty.md"))
        .singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    assertThat(about("blank.txt"))
        .singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    assertThat(about("cp1252.md"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(8);
            });
    assertThat(about("script.md"))
        .filteredOn(d -> d.severity() == Severity.WARNING)
        .extracting(Diagnostic::line)
        .containsExactly(9, 10, 12, 16);
    assertThat(about("no-opening.md"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.message()).startsWith("front matter without its opening '---'");
            });
    assertThat(about("smart-quotes.md"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.format(null))
                  .startsWith(
                      TestFiles.fixtureCourse("quirks").resolve("smart-quotes.md")
                          + ":2:8: warning: typographic quotes");
            });
    assertThat(units.get("smart-quotes.md").title())
        .isEqualTo("Des guillemets de traitement de texte");
    assertThat(about("course.yaml"))
        .anySatisfy(
            d -> {
              assertThat(d.line()).isEqualTo(7);
              assertThat(d.message()).contains("missing.md");
            });
  }

  @Test
  void decodesEveryQuirkToTheSameCleanText() {
    Map<String, Unit> units =
        bySource(CourseReader.read(TestFiles.fixtureCourse("quirks"), sink).course());
    assertThat(units.get("cp1252.md").transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly(
            "L'IEN pilote la mission numérique du département.", "C'est « essentiel » – vraiment.");
    Unit crlf = units.get("crlf.crlf.md");
    assertThat(crlf.area()).isEqualTo("Domaine 2");
    assertThat(crlf.transcript().sentences())
        .extracting(Sentence::text, Sentence::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("La DSI gère les applications académiques.", 10),
            org.assertj.core.groups.Tuple.tuple(
                "Elle ne gère pas les ordinateurs des collèges.", 10));
    assertThat(crlf.video().orElseThrow().embed())
        .contains(
            URI.create(
                "https://video.example.org/videos/embed/4a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"));
    assertThat(crlf.credits().entries()).hasSize(1);
    assertThat(units.get("bom.md").title()).isEqualTo("Fichier avec BOM");
  }

  @Test
  void twoResourcesWithTheSameTitleGetDistinctSlugsAndAWarning() {
    Map<String, Unit> units =
        bySource(CourseReader.read(TestFiles.fixtureCourse("quirks"), sink).course());
    assertThat(units.get("same-title-a.md").slug()).isEqualTo("le-meme-titre");
    assertThat(units.get("same-title-b.md").slug()).isEqualTo("le-meme-titre-2");
    assertThat(about("same-title-b.md")).anySatisfy(d -> assertThat(d.message()).contains("slug:"));
  }

  @Test
  void upgradesAnHttpEmbedAndSuggestsTheKeyForATypo() {
    Map<String, Unit> units =
        bySource(CourseReader.read(TestFiles.fixtureCourse("quirks"), sink).course());
    Unit unit = units.get("http-video.md");
    assertThat(unit.video().orElseThrow().embed().orElseThrow().getScheme()).isEqualTo("https");
    assertThat(unit.metadata()).containsKey("vidoeEmbedSrc");
    assertThat(about("http-video.md"))
        .anySatisfy(d -> assertThat(d.message()).contains("did you mean 'videoEmbedSrc'?"));
  }

  @Test
  void withoutCourseYamlTheFolderNamesTheCourseAndFileNamesGiveTheOrder(@TempDir Path dir)
      throws Exception {
    Path course = Files.createDirectory(dir.resolve("formation-eRUN_2025"));
    Files.writeString(course.resolve("10-fin.md"), "# Fin\n\nDernier texte.\n");
    Files.writeString(course.resolve("2-debut.md"), "# Début\n\nPremier texte.\n");
    Files.writeString(course.resolve("README.md"), "# Lisez-moi\n");
    Files.writeString(course.resolve("notes.pdf"), "pas une ressource");
    Course read = CourseReader.read(course, sink).course();
    assertThat(read.title()).isEqualTo("Formation eRUN 2025");
    assertThat(read.slug()).isEqualTo("formation-erun-2025");
    assertThat(read.language()).isEqualTo("fr");
    assertThat(read.passMark()).isEqualTo(80);
    assertThat(read.units()).extracting(Unit::title).containsExactly("Début", "Fin");
  }

  @Test
  void aBadPassMarkIsAnErrorAndTheDefaultIsUsed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("course.yaml"), "title: T\npassMark: beaucoup\nfoo: bar\n");
    Files.writeString(dir.resolve("a.md"), "# A\n\nTexte.\n");
    Course read = CourseReader.read(dir, sink).course();
    assertThat(read.passMark()).isEqualTo(80);
    assertThat(sink.list())
        .anySatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.line()).isEqualTo(2);
            })
        .anySatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(3);
            });
  }

  @Test
  void targetAndStartDateAreReadWhateverTheirSpelling(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("course.yaml"), "title: T\ntarget: M@gistère\nstartDate: 2026-09-01\n");
    Files.writeString(dir.resolve("a.md"), "# A\n\nTexte.\n");
    Course read = CourseReader.read(dir, sink).course();
    assertThat(read.target()).isEqualTo(io.github.coursepack.model.Target.MAGISTERE);
    assertThat(read.startDate()).contains(java.time.LocalDate.of(2026, 9, 1));
    assertThat(about("course.yaml")).isEmpty();

    Files.writeString(dir.resolve("course.yaml"), "title: T\ntarget: scorm-only\n");
    assertThat(CourseReader.read(dir, sink).course().target())
        .isEqualTo(io.github.coursepack.model.Target.SCORM_ONLY);
    assertThat(CourseReader.read(dir, sink).course().startDate()).isEmpty();
  }

  @Test
  void withoutTargetTheCourseIsForMagistere(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.md"), "# A\n\nTexte.\n");
    assertThat(CourseReader.read(dir, sink).course().target())
        .isEqualTo(io.github.coursepack.model.Target.MAGISTERE);
  }

  @Test
  void anUnknownTargetIsAWarningAtItsLineNamingTheAllowedValues(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("course.yaml"), "title: T\ntarget: moodel\n");
    Files.writeString(dir.resolve("a.md"), "# A\n\nTexte.\n");
    Course read = CourseReader.read(dir, sink).course();
    assertThat(read.target()).isEqualTo(io.github.coursepack.model.Target.MAGISTERE);
    assertThat(about("course.yaml"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.message())
                  .isEqualTo(
                      "target must be one of magistere, moodle, scorm-only, not 'moodel';"
                          + " magistere is used");
            });
  }

  @Test
  void aStartDateNotWrittenYearMonthDayIsAnErrorAtItsLineWithTheExpectedForm(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("a.md"), "# A\n\nTexte.\n");
    for (String bad : List.of("01/09/2026", "2026-02-30", "septembre 2026", "1969-12-31")) {
      DiagnosticSink.Collecting each = DiagnosticSink.collecting();
      Files.writeString(dir.resolve("course.yaml"), "title: T\n\nstartDate: " + bad + "\n");
      Course read = CourseReader.read(dir, each).course();
      assertThat(read.startDate()).as(bad).isEmpty();
      assertThat(each.list())
          .filteredOn(d -> d.file() != null && d.file().endsWith("course.yaml"))
          .as(bad)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.severity()).isEqualTo(Severity.ERROR);
                assertThat(d.line()).isEqualTo(3);
                assertThat(d.message()).startsWith("startDate must be ").contains("'" + bad + "'");
              });
    }
  }

  @Test
  void aFolderWithoutResourcesIsAnError(@TempDir Path dir) {
    assertThat(CourseReader.read(dir, sink).course().units()).isEmpty();
    assertThat(sink.hasErrors()).isTrue();
  }

  @Test
  void aBugWhileReadingOneResourceIsAnInternalErrorOnThatFileNotACrash(@TempDir Path dir)
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.md"), "---\ntitle: T\nvideoFile: v.mp4\n---\n\nDu texte.\n");
    // No course folder to resolve the video against: the reader meets a NullPointerException.
    assertThat(ResourceReader.read(file, null, sink)).isEmpty();
    assertThat(sink.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo(file);
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.message())
                  .startsWith(
                      "internal error while reading this resource: java.lang.NullPointerException")
                  .endsWith("; please report it");
              assertThat(d.cause()).isInstanceOf(NullPointerException.class);
            });
  }
}
