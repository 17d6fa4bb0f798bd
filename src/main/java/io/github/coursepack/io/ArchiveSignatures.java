package io.github.coursepack.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file is by its first bytes, never its name: a zip starts {@code PK\3\4}, gzip {@code 1f
 * 8b}, a ustar tar has {@code ustar} at offset 257.
 */
public final class ArchiveSignatures {

  private ArchiveSignatures() {}

  /** The file's first {@code n} bytes (fewer for a shorter file). */
  public static byte[] head(Path file, int n) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }

  public static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  public static boolean isGzip(byte[] head) {
    return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  public static boolean isTar(byte[] head) {
    return head.length > 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }
}
