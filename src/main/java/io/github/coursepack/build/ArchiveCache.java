package io.github.coursepack.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each archive of the output folder was made of, in {@code .coursepack-cache/archives.json}:
 * its content key ({@link io.github.coursepack.format.ArchiveLedger#key}), its digest, and how the
 * file was on disk just after it was written. The next build leaves an archive as it is when the
 * key is the same and the file is still as written.
 *
 * <p>"Still as written" is its size, modification time (to the nanosecond where the file system
 * keeps it) and file key (device and inode): every write goes through {@link AtomicOutput}, which
 * makes a new file and moves it into place, so a file rewritten since — by a killed build, another
 * tool or the user — no longer matches, without its bytes being read. Hashing the archives again
 * would cost as much as writing them: those carrying a video hold hundreds of megabytes.
 *
 * <p>Only the archives the build lists are kept in the file. A damaged file (cut short, wrong
 * types) is ignored with an info line: every archive is then written again, with the same bytes.
 */
final class ArchiveCache {

  static final String FILE = "archives.json";

  private static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One archive.
   *
   * @param key what it was made of
   * @param sha256 its SHA-256, for the output list
   * @param size its size in bytes
   * @param modified its modification time just after it was written
   * @param fileKey its file key (device and inode) then, or null where the system has none
   */
  record Entry(String key, String sha256, long size, String modified, String fileKey) {
    Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(modified, "modified");
    }

    /** The entry of a file as it is now on disk. */
    static Entry of(Path file, String key, String sha256) throws IOException {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Entry(
          key,
          sha256,
          a.size(),
          a.lastModifiedTime().toString(),
          a.fileKey() == null ? null : a.fileKey().toString());
    }
  }

  /** The file's content. */
  private record Stored(int version, Map<String, Entry> archives) {}

  private final Path file;
  private final Map<String, Entry> previous;
  private final Map<String, Entry> now = new ConcurrentHashMap<>();

  private ArchiveCache(Path file, Map<String, Entry> previous) {
    this.file = file;
    this.previous = previous;
  }

  /**
   * The cache in {@code cacheDir}; empty when there is none, and when it cannot be read (then an
   * info line naming it goes to {@code sink}).
   */
  static ArchiveCache open(Path cacheDir, DiagnosticSink sink) {
    Path file = cacheDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new ArchiveCache(file, Map.of());
    }
    try {
      Stored s = JSON.readValue(file.toFile(), Stored.class);
      if (s == null || s.archives() == null || s.archives().containsValue(null)) {
        throw new IOException("not a list of archives");
      }
      return new ArchiveCache(file, s.version() == VERSION ? Map.copyOf(s.archives()) : Map.of());
    } catch (IOException | RuntimeException damaged) {
      String m = String.valueOf(damaged.getMessage());
      sink.report(
          Diagnostic.info(
              file,
              0,
              "the list of what each archive was made of cannot be read ("
                  + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m)
                  + "); ignored: every archive is written again"));
      return new ArchiveCache(file, Map.of());
    }
  }

  /**
   * The entry of the archive at {@code path} (relative to the output folder) when it was made of
   * content of {@code key} and is still as written.
   */
  Optional<Entry> unchanged(String path, Path target, String key) {
    Entry e = previous.get(path);
    if (e == null || !e.key().equals(key)) {
      return Optional.empty();
    }
    try {
      Entry disk = Entry.of(target, key, e.sha256());
      return disk.equals(e) ? Optional.of(e) : Optional.empty();
    } catch (IOException gone) {
      return Optional.empty();
    }
  }

  /** Notes an archive of this build. */
  void put(String path, Entry entry) {
    now.put(path, entry);
  }

  /**
   * Writes the cache with the archives of this build that the folder now lists, when that is not
   * what it holds already.
   */
  void save(Set<String> listed) throws IOException {
    Map<String, Entry> kept = new TreeMap<>();
    now.forEach(
        (path, e) -> {
          if (listed.contains(path)) {
            kept.put(path, e);
          }
        });
    if (kept.equals(previous) && Files.isRegularFile(file)) {
      return;
    }
    AtomicOutput.write(file, JSON.writeValueAsBytes(new Stored(VERSION, kept)));
  }
}
