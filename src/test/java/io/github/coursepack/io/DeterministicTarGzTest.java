package io.github.coursepack.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicTarGzTest {

  @TempDir Path dir;

  private static ArchiveContent content(byte[] video) {
    return new ArchiveContent()
        .add(
            "moodle_backup.xml",
            "<moodle_backup>\n" + "  <x>texte</x>\n".repeat(20_000) + "</moodle_backup>\n")
        .add("files/ab/video", video);
  }

  @Test
  void theSameContentGivesTheSameBytesAndReadsBackWhole() throws IOException {
    byte[] video = new byte[300_000];
    new Random(7).nextBytes(video);
    Path a = dir.resolve("a.mbz");
    Path b = dir.resolve("b.mbz");
    DeterministicTarGz.write(a, content(video), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    DeterministicTarGz.write(b, content(video), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    Map<String, byte[]> back = TestFiles.untar(a);
    assertThat(back).containsOnlyKeys("files/ab/video", "moodle_backup.xml");
    assertThat(back.get("files/ab/video")).isEqualTo(video);
  }

  @Test
  void textIsDeflatedAndIncompressibleMediaIsStored() throws IOException {
    byte[] video = new byte[300_000];
    new Random(7).nextBytes(video);
    assertThat(DeterministicTarGz.compressible(new ArchiveContent.Bytes(video))).isFalse();
    assertThat(DeterministicTarGz.compressible(new ArchiveContent.Bytes(new byte[300_000])))
        .isTrue();
    Path mbz = dir.resolve("c.mbz");
    DeterministicTarGz.write(mbz, content(video), ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    // 300 kB of stored video plus a 320 kB XML deflated to a few kB.
    assertThat(Files.size(mbz)).isBetween(300_000L, 320_000L);
  }
}
