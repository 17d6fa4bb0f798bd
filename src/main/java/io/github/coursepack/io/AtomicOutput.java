package io.github.coursepack.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Writes a file under a temporary name in its target folder and moves it into place only when
 * complete, so that a failed or interrupted build never leaves a half-written archive where a good
 * one was.
 */
public final class AtomicOutput {

  /** Writes the content of a file, given the temporary path to write to. */
  @FunctionalInterface
  public interface Writer {
    void write(Path temporary) throws IOException;
  }

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /**
   * A file as written: what a build lists of each archive, known without reading the file again
   * where the bytes could be hashed on their way.
   *
   * @param size its size in bytes
   * @param sha256 its SHA-256, in hexadecimal; empty when the writer could not hash its bytes as
   *     they went (a zip's local headers are patched with each entry's CRC and sizes once its data
   *     is written, so that the file's bytes are not final in the order written)
   */
  public record Written(long size, java.util.Optional<String> sha256) {
    public Written {
      java.util.Objects.requireNonNull(sha256, "sha256");
    }
  }

  /**
   * The name of a temporary file: {@code .<target name>.<digits>.part}, as {@link
   * Files#createTempFile} makes it from the prefix and suffix below.
   */
  private static final java.util.regex.Pattern TEMPORARY =
      java.util.regex.Pattern.compile("\\..+\\.[0-9]+\\.part");

  private AtomicOutput() {}

  /**
   * Whether a file is one of this class's temporary files, left behind when the process writing it
   * was killed: the next build removes it, and {@code validate} never takes it for an archive.
   */
  public static boolean isTemporary(Path file) {
    Path name = file.getFileName();
    return name != null && TEMPORARY.matcher(name.toString()).matches();
  }

  public static void write(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    try {
      writer.write(temporary);
      PosixFileAttributeView posix =
          Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
      if (posix != null) {
        // Temporary files are private (0600); a finished archive is an ordinary file.
        posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes bytes atomically. */
  public static Written write(Path target, byte[] content) throws IOException {
    write(target, tmp -> Files.write(tmp, content));
    return new Written(
        content.length,
        java.util.Optional.of(HexFormat.of().formatHex(Digests.newSha256().digest(content))));
  }

  /** Writes a stream atomically, hashing the bytes as they go to the file. */
  public static Written writeStream(Path target, StreamWriter writer) throws IOException {
    MessageDigest sha = Digests.newSha256();
    long[] size = {0};
    write(
        target,
        tmp -> {
          try (OutputStream file = Files.newOutputStream(tmp);
              CountingDigestStream out = new CountingDigestStream(file, sha)) {
            writer.write(out);
            size[0] = out.count;
          }
        });
    return new Written(size[0], java.util.Optional.of(HexFormat.of().formatHex(sha.digest())));
  }

  /** Counts and hashes what goes through it. */
  private static final class CountingDigestStream extends FilterOutputStream {
    private final MessageDigest sha;
    private long count;

    CountingDigestStream(OutputStream out, MessageDigest sha) {
      super(out);
      this.sha = sha;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      sha.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      sha.update(b, off, len);
      count += len;
    }
  }
}
