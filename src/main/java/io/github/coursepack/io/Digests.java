package io.github.coursepack.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests for stable identifiers and cache keys: derived from content, never random, so
 * that the same input gives the same ids and bytes.
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

  /** The first 4 bytes of {@link #sha256}, as 8 hexadecimal digits: short ids within a unit. */
  public static String shortHex(String text) {
    return HexFormat.of().formatHex(sha256(text), 0, 4);
  }
}
