package io.github.coursepack.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests for stable identifiers and cache keys: derived from content, never random, so
 * that the same input gives the same ids and bytes. Also the SHA-1 that Moodle names its file blobs
 * by, streamed so that a video is never held in memory.
 */
public final class Digests {

  private Digests() {}

  /** A fresh SHA-256 digest, for content fed in several parts. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of the text's UTF-8 bytes. */
  public static byte[] sha256(String text) {
    return newSha256().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #sha256} in 64 lower-case hexadecimal digits. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  /**
   * What {@link #sha1} read.
   *
   * @param hex the SHA-1 in 40 lower-case hexadecimal digits
   * @param size how many bytes were read
   */
  public record Sha1(String hex, long size) {}

  /** The SHA-1 of everything {@code in} gives, read in blocks; the stream is left open. */
  public static Sha1 sha1(InputStream in) throws IOException {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-1.
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      sha1.update(buffer, 0, n);
      size += n;
    }
    return new Sha1(HexFormat.of().formatHex(sha1.digest()), size);
  }

  /** The first 4 bytes of {@link #sha256}, as 8 hexadecimal digits: short ids within a unit. */
  public static String shortHex(String text) {
    return HexFormat.of().formatHex(sha256(text), 0, 4);
  }
}
