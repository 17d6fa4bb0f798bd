package io.github.coursepack.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The zips this build has written, by the content they were made of ({@link
 * io.github.coursepack.io.ArchiveContent#fingerprint}), so that a format that needs the same zip
 * reuses the file instead of making it again: the course backup with {@code --mbz-scorm} carries
 * each unit's SCORM 1.2 package, which the {@code scorm12} format has just written. The writer is
 * deterministic, so the same content gives the same bytes; a file changed since it was written (its
 * size or time) is not reused.
 */
public final class WrittenArchives {

  private record Written(Path file, long size, FileTime modified) {}

  private final Map<String, Written> byContent = new ConcurrentHashMap<>();

  /** Notes that {@code file} was just written from the content of that fingerprint. */
  public void zipWritten(String fingerprint, Path file) {
    try {
      byContent.put(
          fingerprint, new Written(file, Files.size(file), Files.getLastModifiedTime(file)));
    } catch (IOException e) {
      // not reusable then; the format that needs it makes its own
    }
  }

  /** A zip written in this build from content of that fingerprint, as it was written. */
  public Optional<Path> zip(String fingerprint) {
    Written w = byContent.get(fingerprint);
    if (w == null) {
      return Optional.empty();
    }
    try {
      if (Files.size(w.file()) == w.size()
          && Files.getLastModifiedTime(w.file()).equals(w.modified())) {
        return Optional.of(w.file());
      }
    } catch (IOException e) {
      // gone: made again
    }
    return Optional.empty();
  }
}
