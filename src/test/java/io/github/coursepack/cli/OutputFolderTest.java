package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.build.OutputManifest;
import io.github.coursepack.preview.PreviewServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is true to the course: a build removes the archives it wrote for units that no
 * longer exist, never a file it did not write, and {@code validate} and {@code preview} of the
 * folder see only the current archives.
 */
class OutputFolderTest {

  private static final String DSI = "02-la-dsi-et-le-dpd.md";

  @TempDir Path course;
  @TempDir Path out;

  private StringWriter stdout = new StringWriter();
  private StringWriter stderr = new StringWriter();

  private int run(String... args) {
    stdout = new StringWriter();
    stderr = new StringWriter();
    return Main.run(new PrintWriter(stdout), new PrintWriter(stderr), false, args);
  }

  private int build() {
    return run("build", course.toString(), "--out", out.toString());
  }

  private void copyExample() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.example())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, course.resolve(f.getFileName()));
      }
    }
  }

  private List<OutputManifest.Entry> entriesOf(String unit) {
    return OutputManifest.read(out).orElseThrow().entries().stream()
        .filter(e -> unit.equals(e.unit()))
        .toList();
  }

  private String slugOf(String resource) {
    return OutputManifest.read(out).orElseThrow().entries().stream()
        .filter(e -> resource.equals(e.resource()))
        .map(OutputManifest.Entry::unit)
        .findFirst()
        .orElseThrow();
  }

  private void replaceIn(String file, String from, String to) throws IOException {
    Path f = course.resolve(file);
    String text = Files.readString(f, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /**
   * Renames a unit on purpose: its slug in {@code .coursepack/ids.yaml} (a title change no longer
   * renames it).
   */
  private void renameUnit(String resource, String slug) throws IOException {
    Path ids = course.resolve(".coursepack/ids.yaml");
    String text = Files.readString(ids, StandardCharsets.UTF_8);
    assertThat(text).contains("\n" + resource + ": ");
    Files.writeString(
        ids,
        text.replaceAll(
            "(?m)^" + java.util.regex.Pattern.quote(resource) + ": .*$", resource + ": " + slug),
        StandardCharsets.UTF_8);
  }

  @Test
  void aRenamedUnitsOldArchivesAreRemovedInEveryFormatAndAFileTheBuildDidNotWriteIsLeft()
      throws Exception {
    copyExample();
    assertThat(build()).isEqualTo(Main.OK);
    String oldSlug = slugOf(DSI);
    List<OutputManifest.Entry> old = entriesOf(oldSlug);
    // a SCORM package, a 2004 one, an H5P, a quiz JSON at least
    assertThat(old.stream().map(OutputManifest.Entry::format))
        .contains("scorm12", "scorm2004", "h5p", "quizjson");
    Path mine = out.resolve("scorm12/mine.zip");
    Files.copy(out.resolve(old.get(0).path()), mine);
    byte[] mineBytes = Files.readAllBytes(mine);

    renameUnit(DSI, "la-direction-informatique-et-le-delegue");
    assertThat(build()).isEqualTo(Main.OK);

    for (OutputManifest.Entry e : old) {
      assertThat(out.resolve(e.path())).as(e.path()).doesNotExist();
    }
    String newSlug = slugOf(DSI);
    assertThat(newSlug).isNotEqualTo(oldSlug);
    assertThat(entriesOf(newSlug)).hasSameSizeAs(old);
    for (OutputManifest.Entry e : entriesOf(newSlug)) {
      assertThat(out.resolve(e.path())).as(e.path()).exists();
    }
    assertThat(mine).hasBinaryContent(mineBytes);
    assertThat(stdout.toString())
        .contains("removed, as their unit no longer exists: ")
        .contains("scorm12/" + oldSlug + ".zip")
        .contains("not written by coursepack, left as they are")
        .contains("scorm12/mine.zip");

    assertThat(run("validate", out.toString())).isEqualTo(Main.OK);
    assertThat(stdout.toString())
        .contains(newSlug + ".zip")
        .doesNotContain(oldSlug)
        .doesNotContain("mine.zip");
    assertThat(stderr.toString())
        .contains("skipped 1 file that the last build did not write")
        .contains("mine.zip");

    try (PreviewServer preview = PreviewServer.start(out, 0, false)) {
      assertThat(preview.units()).isEqualTo(4);
      String index =
          new String(preview.address().toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(index).contains(newSlug).doesNotContain(oldSlug).doesNotContain("mine");
    }
  }

  @Test
  void aRemovedResourcesArchivesAreRemoved() throws Exception {
    copyExample();
    assertThat(build()).isEqualTo(Main.OK);
    String gar = slugOf("04-le-gar-en-pratique.txt");
    List<OutputManifest.Entry> old = entriesOf(gar);
    assertThat(old).isNotEmpty();

    Files.delete(course.resolve("04-le-gar-en-pratique.txt"));
    replaceIn("course.yaml", "  - 04-le-gar-en-pratique.txt\n", "");
    assertThat(build()).isEqualTo(Main.OK);

    for (OutputManifest.Entry e : old) {
      assertThat(out.resolve(e.path())).as(e.path()).doesNotExist();
    }
    assertThat(entriesOf(gar)).isEmpty();
    try (PreviewServer preview = PreviewServer.start(out, 0, false)) {
      assertThat(preview.units()).isEqualTo(3);
    }
  }

  @Test
  void aResourceWithAnErrorKeepsItsLastArchivesUntilItIsFixed() throws Exception {
    copyExample();
    assertThat(build()).isEqualTo(Main.OK);
    String dsi = slugOf(DSI);
    List<OutputManifest.Entry> old = entriesOf(dsi);

    replaceIn(DSI, "title: La DSI", "title: \"La DSI");
    assertThat(build()).isEqualTo(Main.CONTENT_ERRORS);

    for (OutputManifest.Entry e : old) {
      assertThat(out.resolve(e.path())).as(e.path()).hasSize(e.size());
    }
    assertThat(entriesOf(dsi)).containsExactlyInAnyOrderElementsOf(old);
    assertThat(stdout.toString())
        .contains("kept from the previous build, as their resource has errors: ")
        .contains("scorm12/" + dsi + ".zip");
  }

  @Test
  void aStaleArchiveChangedSinceTheBuildWroteItIsLeftAsItIs() throws Exception {
    copyExample();
    assertThat(build()).isEqualTo(Main.OK);
    Path quiz = out.resolve("quiz/" + slugOf(DSI) + ".json");
    Files.writeString(quiz, "{\"mine\": true}");

    renameUnit(DSI, "la-direction-informatique-et-le-delegue");
    assertThat(build()).isEqualTo(Main.OK);

    assertThat(quiz).hasContent("{\"mine\": true}");
    assertThat(stderr.toString()).contains("it has changed since coursepack wrote it");
  }

  @Test
  void whatAKilledBuildLeftIsRemovedByTheNextAndTheManifestIsReproducible() throws Exception {
    copyExample();
    assertThat(build()).isEqualTo(Main.OK);
    byte[] manifest = Files.readAllBytes(OutputManifest.file(out));
    Path part = Files.writeString(out.resolve("scorm12/.qfq-num.zip.123456789.part"), "half");
    Path scratch = Files.createDirectories(out.resolve("mbz/.scorm-987654321"));
    Files.writeString(scratch.resolve("unit.zip"), "half");
    Path userHidden = Files.writeString(out.resolve("scorm12/.notes.part"), "mine");

    assertThat(run("validate", out.toString())).isEqualTo(Main.OK);
    assertThat(stdout.toString()).doesNotContain(".part");

    assertThat(build()).isEqualTo(Main.OK);
    assertThat(part).doesNotExist();
    assertThat(scratch).doesNotExist();
    assertThat(userHidden).hasContent("mine");
    assertThat(stderr.toString()).contains("removed what an interrupted build left in");
    assertThat(OutputManifest.file(out)).hasBinaryContent(manifest);
  }

  @Test
  void anArchiveABuildWasRemovingWhenKilledIsNeitherValidatedNorPreviewed() throws Exception {
    copyExample();
    assertThat(build()).isEqualTo(Main.OK);
    String dsi = slugOf(DSI);
    OutputManifest m = OutputManifest.read(out).orElseThrow();
    new OutputManifest(
            m.entries().stream()
                .map(
                    e ->
                        e.path().equals("scorm12/" + dsi + ".zip")
                                || e.path().equals("scorm2004/" + dsi + ".zip")
                            ? new OutputManifest.Entry(
                                e.path(),
                                e.format(),
                                e.unit(),
                                e.resource(),
                                e.size(),
                                e.sha256(),
                                true)
                            : e)
                .toList())
        .write(out);

    assertThat(run("validate", out.toString())).isEqualTo(Main.OK);
    assertThat(stdout.toString()).doesNotContain("scorm12/" + dsi + ".zip");
    assertThat(stdout.toString()).doesNotContain("scorm2004/" + dsi + ".zip");
    assertThat(stderr.toString()).contains("skipped 2 files").contains(dsi + ".zip");
    try (PreviewServer preview = PreviewServer.start(out, 0, false)) {
      assertThat(preview.units()).isEqualTo(3);
    }

    assertThat(build()).isEqualTo(Main.OK);
    assertThat(OutputManifest.read(out).orElseThrow().entries())
        .noneMatch(OutputManifest.Entry::removing);
    assertThat(out.resolve("scorm12/" + dsi + ".zip")).isRegularFile();
  }
}
