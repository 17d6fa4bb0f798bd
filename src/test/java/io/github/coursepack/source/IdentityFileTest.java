package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityFileTest {

  @TempDir Path dir;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private void resource(String name, String title, String slug) throws IOException {
    Files.writeString(
        dir.resolve(name),
        "---\ntitle: "
            + title
            + "\n"
            + (slug == null ? "" : "slug: " + slug + "\n")
            + "---\n\nLe CPD numérique anime le réseau des eRUN.\n");
  }

  private void ids(String text) throws IOException {
    Files.createDirectories(dir.resolve(".coursepack"));
    Files.writeString(dir.resolve(IdentityFile.PATH), text);
  }

  private Map<String, String> slugs(CourseSource source) {
    return source.course().units().stream().collect(Collectors.toMap(Unit::sourceName, Unit::slug));
  }

  @Test
  void frontMatterSlugThenTheIdentityFileThenTheTitle() throws IOException {
    resource("a.md", "Titre A", "choisi-a");
    resource("b.md", "Titre B", null);
    resource("c.md", "Titre C", null);
    ids("a.md: garde-a\nb.md: garde-b\n");
    CourseSource source = CourseReader.read(dir, sink);
    assertThat(slugs(source))
        .containsEntry("a.md", "choisi-a")
        .containsEntry("b.md", "garde-b")
        .containsEntry("c.md", "titre-c");
    assertThat(sink.list()).noneMatch(d -> d.severity() != Severity.INFO);
    assertThat(source.course().units().get(1).id()).isEqualTo(source.course().id() + "-garde-b");
    assertThat(sink.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.message())
                  .contains("sets its slug to 'choisi-a', which wins over 'garde-a'");
            });
  }

  @Test
  void aKeptSlugIsNeverTakenByANewResourceWhoseTitleGivesIt() throws IOException {
    resource("1-nouvelle.md", "Le GAR", null);
    resource("2-ancienne.md", "Un titre changé depuis", null);
    ids("2-ancienne.md: le-gar\n");
    CourseSource source = CourseReader.read(dir, sink);
    assertThat(slugs(source))
        .containsEntry("2-ancienne.md", "le-gar")
        .containsEntry("1-nouvelle.md", "le-gar-2");
  }

  @Test
  void saveAddsTheNewResourcesAtTheEndAndKeepsEverythingWritten() throws IOException {
    resource("a.md", "Titre A", null);
    resource("b.md", "Titre B", "choisi-b");
    String mine = "# mes notes\nparti.md: ressource-partie   # sortie du parcours\na.md: a-moi\n";
    ids(mine);
    CourseSource source = CourseReader.read(dir, sink);
    assertThat(source.identities().changed()).isTrue();
    source.identities().save(sink);
    assertThat(Files.readString(dir.resolve(IdentityFile.PATH)))
        .isEqualTo(mine + "b.md: choisi-b\n");
    CourseSource again = CourseReader.read(dir, sink);
    assertThat(again.identities().changed()).isFalse();
    assertThat(sink.list()).noneMatch(d -> d.severity() != Severity.INFO);
  }

  @Test
  void whatAKilledBuildLeftBesideTheFileIsRemovedByTheNextSave() throws IOException {
    resource("a.md", "Titre A", null);
    ids("a.md: a-moi\n");
    Path left = dir.resolve(".coursepack/.ids.yaml.123456.part");
    Files.writeString(left, "a.md: a-m");
    Path mine = dir.resolve(".coursepack/notes.part");
    Files.writeString(mine, "mes notes");
    CourseReader.read(dir, sink).identities().save(sink);
    assertThat(left).doesNotExist();
    assertThat(mine).exists();
  }

  @Test
  void aNewFileHasTheHeaderThenOneLinePerResourceInCourseOrder() throws IOException {
    resource("02-b.md", "Titre B", null);
    resource("10-a.md", "Titre A", null);
    CourseSource source = CourseReader.read(dir, sink);
    source.identities().save(sink);
    assertThat(Files.readString(dir.resolve(IdentityFile.PATH)))
        .isEqualTo(IdentityFile.HEADER + "02-b.md: titre-b\n10-a.md: titre-a\n");
  }

  @Test
  void aFileWrittenInAnotherShapeIsNotChangedAndTheLinesToAddAreGiven() throws IOException {
    resource("a.md", "Titre A", null);
    resource("b.md", "Titre B", null);
    String mine = "{a.md: a-moi}\n";
    ids(mine);
    CourseSource source = CourseReader.read(dir, sink);
    assertThat(slugs(source)).containsEntry("a.md", "a-moi");
    source.identities().save(sink);
    assertThat(Files.readString(dir.resolve(IdentityFile.PATH))).isEqualTo(mine);
    assertThat(sink.list())
        .anySatisfy(
            d ->
                assertThat(d.message())
                    .contains("add these lines yourself")
                    .contains("b.md: titre-b"));
  }

  @Test
  void aBrokenFileIsAnErrorWithItsLineAndIsNeverWritten() throws IOException {
    resource("a.md", "Titre A", null);
    String broken = "a.md: a-moi\n  b.md: : x\n\tc.md: y\n";
    ids(broken);
    CourseSource source = CourseReader.read(dir, sink);
    assertThat(sink.list())
        .anySatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.file()).isEqualTo(dir.resolve(IdentityFile.PATH));
              assertThat(d.line()).isBetween(2, 3);
              assertThat(d.message()).contains("fix this line of .coursepack/ids.yaml");
            });
    assertThat(source.identities().changed()).isFalse();
    source.identities().save(sink);
    assertThat(Files.readString(dir.resolve(IdentityFile.PATH))).isEqualTo(broken);
  }

  @Test
  void binaryOrHostileContentIsADiagnosticNeverACrash() throws IOException {
    resource("a.md", "Titre A", null);
    Files.createDirectories(dir.resolve(".coursepack"));
    Files.write(dir.resolve(IdentityFile.PATH), new byte[] {0, 1, 2, (byte) 0xff, 0, 'a'});
    CourseReader.read(dir, sink);
    ids("a: &x [" + "[".repeat(200) + "]".repeat(200) + "]\n");
    CourseReader.read(dir, sink);
    ids("- a.md\n- b.md\n");
    CourseReader.read(dir, sink);
    assertThat(sink.list().stream().filter(d -> d.severity() == Severity.ERROR).count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aSlugWrittenWithCapitalsIsReadAsItsSlugWithAWarning() throws IOException {
    resource("a.md", "Titre A", null);
    ids("a.md: Mon Unité\n");
    assertThat(slugs(CourseReader.read(dir, sink))).containsEntry("a.md", "mon-unite");
    assertThat(sink.list())
        .anySatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(1);
            });
  }
}
