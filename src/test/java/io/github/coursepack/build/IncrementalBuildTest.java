package io.github.coursepack.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.analysis.SharedNlp;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.QuizOverrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild does only what changed, and gives the bytes a cold build gives: a unit whose text is
 * already analysed is not analysed again (LanguageTool is not even started when none is new), an
 * archive whose content is unchanged is left as it is (same file, same time), and what an edit
 * reaches — a text, its front matter, its overrides, the template, the actor catalogue, the
 * versions — is made again. Damaged caches are ignored with an info line naming them, and
 * rewritten.
 */
class IncrementalBuildTest {

  private static final String EDITED = "02-la-dsi-et-le-dpd.md";

  @TempDir Path course;
  @TempDir Path out;
  @TempDir Path cold;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  /** LanguageTool, counting how many builds asked for it. */
  private final AtomicInteger started = new AtomicInteger();

  private final Supplier<FrenchNlp> nlp =
      () -> {
        started.incrementAndGet();
        return SharedNlp.get();
      };

  @BeforeEach
  void copyExample() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.example())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, course.resolve(f.getFileName()));
      }
    }
  }

  private CourseBuild.Result build(Path into) {
    return CourseBuild.run(
        new CourseBuild.Options(course, Optional.of(into), List.of(), true),
        sink,
        FormatContext.Progress.NONE,
        nlp);
  }

  @Test
  void aSecondBuildAnalysesNothingAndLeavesEveryArchiveAsItWas() throws IOException {
    CourseBuild.Result first = build(out);
    assertThat(first.unchanged()).isEmpty();
    assertThat(first.archives()).hasSizeGreaterThan(20);
    Map<String, byte[]> bytes = files(out);
    Map<String, FileTime> times = times(out);
    started.set(0);

    CourseBuild.Result second = build(out);

    assertThat(started).as("LanguageTool started").hasValue(0);
    assertThat(second.archives()).isEqualTo(first.archives());
    assertThat(second.unchanged()).isEqualTo(second.archives());
    assertThat(second.unchangedUnits()).isEqualTo(4);
    assertThat(times(out)).isEqualTo(times);
    assertEqualBytes(files(out), bytes);
    assertThat(OutputManifest.read(out).orElseThrow().files(out))
        .containsExactlyInAnyOrderElementsOf(second.archives());
    assertThat(OutputJournal.file(out)).doesNotExist();
    assertThat(errors()).isEmpty();
  }

  @Test
  void anEditedTextIsAnalysedAndPackagedAgainAndTheFolderIsThatOfAColdBuild() throws IOException {
    build(out);
    editScript();
    started.set(0);

    CourseBuild.Result again = build(out);

    assertThat(started).as("LanguageTool started for the edited text").hasPositiveValue();
    Unit unit = unitOf(again, EDITED);
    assertThat(unitArchives(again, unit)).isNotEmpty().noneMatch(again.unchanged()::contains);
    assertThat(again.unchangedUnits()).isBetween(1, 3);
    assertThat(again.unchanged()).isNotEmpty();
    assertColdBuildIsTheSame();
  }

  @Test
  void anEditOfTheFrontMatterRebuildsThatUnit() throws IOException {
    build(out);
    Path edited = course.resolve(EDITED);
    String text = Files.readString(edited, StandardCharsets.UTF_8);
    Files.writeString(
        edited, text.replace("area : Domaine 2", "area : Domaine 3"), StandardCharsets.UTF_8);
    started.set(0);

    CourseBuild.Result again = build(out);

    assertThat(started).as("the text is the same").hasValue(0);
    // The area is shown on the unit's page, not in its H5P package.
    Unit unit = unitOf(again, EDITED);
    assertThat(unitArchives(again, unit))
        .filteredOn(p -> p.toString().endsWith(".zip"))
        .hasSize(2)
        .noneMatch(again.unchanged()::contains);
    assertThat(again.unchangedUnits()).isEqualTo(3);
    assertColdBuildIsTheSame();
  }

  @Test
  void anEditedOverrideFileRebuildsThatUnitOnly() throws IOException {
    CourseBuild.Result first = build(out);
    Unit unit = unitOf(first, EDITED);
    String dropped = unit.quiz().questions().get(0).id();
    Files.writeString(
        QuizOverrides.sidecarOf(course.resolve(EDITED)),
        "drop: [" + dropped + "]\n",
        StandardCharsets.UTF_8);
    started.set(0);

    CourseBuild.Result again = build(out);

    assertThat(started).hasValue(0);
    assertThat(unitOf(again, EDITED).quiz().questions()).noneMatch(q -> q.id().equals(dropped));
    assertThat(unitArchives(again, unitOf(again, EDITED)))
        .isNotEmpty()
        .noneMatch(again.unchanged()::contains);
    assertThat(again.unchangedUnits()).isEqualTo(3);
    assertColdBuildIsTheSame();
  }

  @Test
  void anEditedTemplateRebuildsTheArchivesThatCarryIt() throws IOException {
    Path theme = course.resolve("theme");
    copyTree(TestFiles.project().resolve("course-templates/default"), theme);
    Files.writeString(
        course.resolve("course.yaml"),
        Files.readString(course.resolve("course.yaml"), StandardCharsets.UTF_8)
            + "template: theme\n",
        StandardCharsets.UTF_8);
    CourseBuild.Result first = build(out);
    assertThat(errors()).isEmpty();
    Path css;
    try (Stream<Path> all = Files.walk(theme.resolve("assets"))) {
      css = all.filter(p -> p.toString().endsWith(".css")).findFirst().orElseThrow();
    }
    Files.writeString(
        css, "\n.coursepack-test { color: #000; }\n", java.nio.file.StandardOpenOption.APPEND);

    CourseBuild.Result again = build(out);

    List<Path> scorm =
        again.archives().stream().filter(p -> p.toString().contains("/scorm12/")).toList();
    assertThat(scorm).hasSize(first.course().units().size() + 1);
    assertThat(scorm).noneMatch(again.unchanged()::contains);
    assertColdBuildIsTheSame();
  }

  @Test
  void anEditedActorCatalogueAnalysesEveryTextAgain() throws IOException {
    build(out);
    Files.writeString(
        course.resolve("actors.yaml"),
        """
        actors:
          - id: referent-ent
            label: référent ENT
            gender: m
            level: établissement
        """,
        StandardCharsets.UTF_8);
    started.set(0);

    build(out);

    assertThat(started).as("LanguageTool started").hasPositiveValue();
    assertThat(errors()).isEmpty();
    assertColdBuildIsTheSame();
  }

  @Test
  void anAnalysisCacheOfAnotherVersionIsNotUsed() throws IOException {
    build(out);
    for (String field : List.of("coursepack", "languageTool", "version")) {
      Path file = CourseBuild.cacheDir(out).resolve("analysis.json");
      String json = Files.readString(file, StandardCharsets.UTF_8);
      Files.writeString(
          file,
          json.replaceFirst("\"" + field + "\" : \"[^\"]*\"", "\"" + field + "\" : \"0.0-old\""),
          StandardCharsets.UTF_8);
      started.set(0);

      build(out);

      assertThat(started).as(field).hasPositiveValue();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as(field)
          .doesNotContain("0.0-old");
    }
  }

  @Test
  void theAnalysisCacheKeepsOnlyTheTextsOfTheCourse() throws IOException {
    build(out);
    Path file = CourseBuild.cacheDir(out).resolve("analysis.json");
    int before = entries(file);
    assertThat(before).isEqualTo(4);
    for (int i = 0; i < 3; i++) {
      Files.writeString(
          course.resolve(EDITED),
          "\nLa DSI publie une lettre numéro " + i + ".\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
      build(out);
    }
    assertThat(entries(file)).isEqualTo(4);
  }

  @Test
  void aDamagedCacheIsIgnoredWithAnInfoLineAndWrittenAnew() throws IOException {
    build(out);
    Path analysis = CourseBuild.cacheDir(out).resolve("analysis.json");
    Path archives = CourseBuild.cacheDir(out).resolve("archives.json");
    String analysed = Files.readString(analysis, StandardCharsets.UTF_8);
    List<Map.Entry<Path, String>> damages =
        List.of(
            Map.entry(analysis, analysed.substring(0, analysed.length() / 2)),
            Map.entry(
                analysis, analysed.replaceFirst("\"polarity\" : \"[A-Z]+\"", "\"polarity\" : 5")),
            Map.entry(analysis, analysed.replaceFirst("\"units\" : \\{", "\"units\" : [ {")),
            Map.entry(
                archives,
                "{\"version\": 1, \"archives\": {\"scorm12/x.zip\": {\"size\": \"big\"}}}"),
            Map.entry(archives, "{\"version\": 1, \"archives\": [1, 2]}"),
            Map.entry(archives, ""));
    for (Map.Entry<Path, String> damage : damages) {
      assertThat(damage.getValue()).isNotEqualTo(analysed);
      Files.writeString(damage.getKey(), damage.getValue(), StandardCharsets.UTF_8);
      int seen = sink.list().size();
      started.set(0);

      CourseBuild.Result again = build(out);

      List<Diagnostic> now = sink.list().subList(seen, sink.list().size());
      assertThat(now)
          .as(damage.getValue())
          .anySatisfy(
              d -> {
                assertThat(d.severity()).isEqualTo(Severity.INFO);
                assertThat(d.file()).isEqualTo(damage.getKey());
                assertThat(d.message()).contains("cannot be read").contains("ignored");
              });
      assertThat(now).noneMatch(d -> d.severity() == Severity.ERROR);
      if (damage.getKey().equals(analysis)) {
        assertThat(started).hasPositiveValue();
      } else {
        assertThat(again.unchanged()).isEmpty();
      }
      // Written anew: the next build reads it and does nothing.
      CourseBuild.Result third = build(out);
      assertThat(third.unchanged()).isEqualTo(third.archives());
    }
    assertColdBuildIsTheSame();
  }

  @Test
  void aDamagedOutputListOrJournalStillGivesTheFolderOfAColdBuild() throws IOException {
    build(out);
    Files.writeString(
        OutputManifest.file(out), "{\"version\": 1, \"files\": [", StandardCharsets.UTF_8);
    Files.writeString(OutputJournal.file(out), "{\"path\": \"scorm12/", StandardCharsets.UTF_8);

    CourseBuild.Result again = build(out);

    assertThat(again.unchanged()).isEqualTo(again.archives());
    assertThat(OutputManifest.read(out).orElseThrow().files(out))
        .containsExactlyInAnyOrderElementsOf(again.archives());
    assertThat(OutputJournal.file(out)).doesNotExist();
    assertColdBuildIsTheSame();
  }

  @Test
  void anArchiveChangedOnDiskIsWrittenAgain() throws IOException {
    CourseBuild.Result first = build(out);
    Path zip =
        first.archives().stream()
            .filter(p -> p.toString().contains("/scorm12/"))
            .findFirst()
            .orElseThrow();
    byte[] original = Files.readAllBytes(zip);
    FileTime written = Files.getLastModifiedTime(zip);
    // Replaced by another file of the same size and time: only its file key (inode) tells.
    Path other = Files.write(zip.resolveSibling("other"), new byte[original.length]);
    Files.move(other, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(zip, written);

    CourseBuild.Result again = build(out);

    assertThat(again.unchanged()).doesNotContain(zip).hasSize(again.archives().size() - 1);
    assertThat(Files.readAllBytes(zip)).isEqualTo(original);
  }

  // ---- helpers

  private int edits;

  /** Adds a sentence to the script of {@link #EDITED}, another each time. */
  private void editScript() throws IOException {
    Path edited = course.resolve(EDITED);
    String text = Files.readString(edited, StandardCharsets.UTF_8);
    edits++;
    Files.writeString(
        edited,
        text.replace(
            "choix éclairés.",
            "choix éclairés. La DSI publie aussi la lettre numéro " + edits + " de l'académie."),
        StandardCharsets.UTF_8);
  }

  private void assertColdBuildIsTheSame() throws IOException {
    DiagnosticSink.Collecting coldSink = DiagnosticSink.collecting();
    CourseBuild.run(
        new CourseBuild.Options(course, Optional.of(cold), List.of(), true),
        coldSink,
        FormatContext.Progress.NONE,
        SharedNlp::get);
    assertEqualBytes(files(out), files(cold));
    assertThat(Files.readAllBytes(OutputManifest.file(out)))
        .isEqualTo(Files.readAllBytes(OutputManifest.file(cold)));
  }

  private static void assertEqualBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String name : expected.keySet()) {
      assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
    }
  }

  private List<Diagnostic> errors() {
    return sink.list().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  private Unit unitOf(CourseBuild.Result r, String file) {
    return r.course().units().stream()
        .filter(u -> u.sourceName().equals(file))
        .findFirst()
        .orElseThrow();
  }

  private static List<Path> unitArchives(CourseBuild.Result r, Unit unit) {
    return r.archives().stream()
        .filter(p -> p.getFileName().toString().startsWith(unit.slug() + "."))
        .toList();
  }

  private static int entries(Path analysisCache) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(analysisCache.toFile())
        .get("units")
        .size();
  }

  /** The files of the output folder, coursepack's own left out, by path. */
  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        if (!name.startsWith(".coursepack")) {
          all.put(name, Files.readAllBytes(f));
        }
      }
    }
    return all;
  }

  private static Map<String, FileTime> times(Path dir) throws IOException {
    Map<String, FileTime> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        if (!name.startsWith(".coursepack")) {
          all.put(name, Files.getLastModifiedTime(f));
        }
      }
    }
    return all;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
