package io.github.coursepack.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

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
  public static void write(Path target, byte[] content) throws IOException {
    write(target, tmp -> Files.write(tmp, content));
  }
}
