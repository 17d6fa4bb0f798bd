package io.github.coursepack.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArchiveContentTest {

  private static byte[] big(byte fill) {
    byte[] b = new byte[64 * 1024];
    Arrays.fill(b, fill);
    return b;
  }

  @Test
  void theFingerprintDependsOnTheBytesNotOnWhichArrayHoldsThem() throws IOException {
    byte[] shared = big((byte) 'a');
    String once = new ArchiveContent().add("a.js", shared).add("p.html", "x").fingerprint(0);
    String again = new ArchiveContent().add("a.js", shared).add("p.html", "x").fingerprint(0);
    String copy =
        new ArchiveContent().add("a.js", big((byte) 'a')).add("p.html", "x").fingerprint(0);
    assertThat(again).isEqualTo(once);
    assertThat(copy).as("another array with the same bytes").isEqualTo(once);

    byte[] other = big((byte) 'a');
    other[40_000] = 'b';
    assertThat(new ArchiveContent().add("a.js", other).add("p.html", "x").fingerprint(0))
        .as("one byte of a large entry changed")
        .isNotEqualTo(once);
    assertThat(new ArchiveContent().add("b.js", shared).add("p.html", "x").fingerprint(0))
        .as("another path")
        .isNotEqualTo(once);
    assertThat(new ArchiveContent().add("a.js", shared).add("p.html", "x").fingerprint(1))
        .as("another timestamp")
        .isNotEqualTo(once);
  }
}
