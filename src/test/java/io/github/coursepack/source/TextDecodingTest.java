package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

  private final Path file = Path.of("r.md");
  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  @Test
  void stripsUtf8ByteOrderMark() {
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "---\ntitle: Été\n".getBytes(StandardCharsets.UTF_8));
    assertThat(TextDecoding.decode(file, bytes, sink)).contains("---\ntitle: Été\n");
    assertThat(sink.list()).isEmpty();
  }

  @Test
  void turnsCrLfAndLoneCrIntoLf() {
    byte[] bytes = "a\r\nb\rc\nd".getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoding.decode(file, bytes, sink)).contains("a\nb\nc\nd");
  }

  @Test
  void readsInvalidUtf8AsWindows1252WithAWarningOnTheLineOfTheFirstBadByte() {
    byte[] bytes =
        "ligne un\nligne deux\nC'est l'été – « oui »\n".getBytes(TextDecoding.WINDOWS_1252);
    assertThat(TextDecoding.decode(file, bytes, sink))
        .contains("ligne un\nligne deux\nC'est l'été – « oui »\n");
    assertThat(sink.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.message()).contains("Windows-1252").contains("0xE9");
            });
  }

  @Test
  void decodesUtf16WithByteOrderMark() {
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE}, "Élève\r\n".getBytes(StandardCharsets.UTF_16LE));
    assertThat(TextDecoding.decode(file, bytes, sink)).contains("Élève\n");
  }

  @Test
  void refusesBinaryFilesWithAnError() {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13};
    assertThat(TextDecoding.decode(file, bytes, sink)).isEmpty();
    assertThat(sink.hasErrors()).isTrue();
    assertThat(sink.list().get(0).message()).contains("binary");
  }

  @Test
  void findsTheFirstInvalidUtf8Byte() {
    byte[] bytes = {'a', (byte) 0xC3, (byte) 0xA9, 'b', (byte) 0xE9, 'c'};
    assertThat(TextDecoding.firstInvalidUtf8(bytes, 0)).isEqualTo(4);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
