package io.github.coursepack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicZipTest {

  @TempDir Path dir;

  private ArchiveContent content() throws IOException {
    Path video = Files.write(dir.resolve("film.mp4"), new byte[4096]);
    return new ArchiveContent()
        .add("z.html", "<p>dernier</p>")
        .add("assets/unit.css", "body{}")
        .add("media/film.mp4", video)
        .add("a.xml", "<a/>");
  }

  private List<ZipArchiveEntry> entries(Path zip) throws IOException {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      return Collections.list(file.getEntriesInPhysicalOrder());
    }
  }

  @Test
  void writesEntriesSortedWithoutDirectoriesAtOneFixedTime() throws IOException {
    Path zip = dir.resolve("out.zip");
    DeterministicZip.write(zip, content(), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    List<ZipArchiveEntry> entries = entries(zip);
    assertThat(entries)
        .extracting(ZipArchiveEntry::getName)
        .containsExactly("a.xml", "assets/unit.css", "media/film.mp4", "z.html");
    assertThat(entries).noneMatch(ZipArchiveEntry::isDirectory);
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.getExtraFields()).isEmpty();
              assertThat(e.getLastModifiedDate())
                  .isEqualTo(
                      new java.util.Date(
                          ReproducibleTime.zipLocalMillis(ReproducibleTime.DEFAULT_EPOCH_SECONDS)));
            });
  }

  @Test
  void storesMediaAndDeflatesText() throws IOException {
    Path zip = dir.resolve("out.zip");
    DeterministicZip.write(zip, content(), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    assertThat(entries(zip))
        .filteredOn(e -> e.getName().endsWith(".mp4"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMethod()).isEqualTo(java.util.zip.ZipEntry.STORED));
    assertThat(entries(zip))
        .filteredOn(e -> e.getName().endsWith(".css"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMethod()).isEqualTo(java.util.zip.ZipEntry.DEFLATED));
  }

  @Test
  void theSameContentGivesTheSameBytesInEveryTimeZone() throws IOException {
    Path first = dir.resolve("first.zip");
    Path second = dir.resolve("second.zip");
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
      DeterministicZip.write(first, content(), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Noumea"));
      DeterministicZip.write(second, content(), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    } finally {
      TimeZone.setDefault(original);
    }
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void aFailedWriteLeavesThePreviousArchiveAndNoTemporaryFile() throws IOException {
    Path zip = dir.resolve("out.zip");
    DeterministicZip.write(zip, content(), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    byte[] before = Files.readAllBytes(zip);
    ArchiveContent broken = new ArchiveContent().add("gone.mp4", dir.resolve("missing.mp4"));
    assertThatThrownBy(
            () -> DeterministicZip.write(zip, broken, ReproducibleTime.DEFAULT_EPOCH_SECONDS))
        .isInstanceOf(IOException.class);
    assertThat(Files.readAllBytes(zip)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void refusesPathsThatWouldEscapeOrRepeat() {
    assertThatThrownBy(() -> new ArchiveContent().add("../x", "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArchiveContent().add("/abs", "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArchiveContent().add("a\\b", "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArchiveContent().add("a", "1").add("a", "2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsSourceDateEpochAndIgnoresNonsense() {
    assertThat(ReproducibleTime.fromEnvironment("1700000000")).isEqualTo(1_700_000_000L);
    assertThat(ReproducibleTime.fromEnvironment("demain"))
        .isEqualTo(ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    assertThat(ReproducibleTime.fromEnvironment(null))
        .isEqualTo(ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    assertThat(ReproducibleTime.fromEnvironment("0")).isEqualTo(315_532_800L);
  }
}
