package io.github.coursepack.format;

import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.io.Digests;
import io.github.coursepack.io.ProgramVersion;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What a build knows of the archives of the build before, so that an archive whose content has not
 * changed is not written again, and where it notes each archive written or left as it was.
 *
 * <p>An archive is keyed by what it is made of ({@link #key}): the format, the program's version,
 * and the content the writer is given (every entry's bytes; a video by its path, size and time).
 * The writers are deterministic, so the same key gives the same bytes: an archive whose key is that
 * of the previous build, and which is still on disk as that build left it, is kept as it is. Keying
 * on the content rather than on the resource files is what makes it right: a unit's quiz draws its
 * distractors from the whole course, so an edit of one text can change another unit's archives.
 *
 * <p>Implementations are called from the build's packaging threads, and must be thread-safe.
 */
public interface ArchiveLedger {

  /** Never keeps an archive, notes nothing: a format used on its own writes everything. */
  ArchiveLedger NONE =
      new ArchiveLedger() {
        @Override
        public boolean unchanged(String format, Unit unit, Path target, String key) {
          return false;
        }

        @Override
        public void written(
            String format, Unit unit, Path target, String key, AtomicOutput.Written file) {}
      };

  /**
   * Whether {@code target} was written from content of this key and is still as it was written; if
   * so, it is noted as kept for this build, and the caller does not write it.
   *
   * @param unit its unit, null for a course-level archive
   */
  boolean unchanged(String format, Unit unit, Path target, String key);

  /**
   * Notes that {@code target} has just been written from content of this key.
   *
   * @throws IOException when the file cannot be read to hash it (a zip, see {@link
   *     AtomicOutput.Written#sha256()})
   */
  void written(String format, Unit unit, Path target, String key, AtomicOutput.Written file)
      throws IOException;

  /** The key of an archive made of {@code content} by {@code format}'s writer. */
  static String key(String format, ArchiveContent content, long epochSeconds) throws IOException {
    return key(format, content.fingerprint(epochSeconds).getBytes(StandardCharsets.UTF_8));
  }

  /** The key of a file of these bytes written by {@code format}. */
  static String key(String format, byte[] content) {
    MessageDigest d = Digests.newSha256();
    d.update(ProgramVersion.writer().getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
    d.update(format.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
    d.update(content);
    return HexFormat.of().formatHex(d.digest());
  }
}
