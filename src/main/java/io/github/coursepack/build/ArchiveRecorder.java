package io.github.coursepack.build;

import io.github.coursepack.format.ArchiveLedger;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A build's {@link ArchiveLedger}: leaves an archive as it is when the {@link ArchiveCache} says it
 * was made of the same content and is still as written, and lists each archive of the build as it
 * is written or left, in the {@link OutputJournal} at once and in the output list at the end.
 * Thread-safe: units are packaged in parallel.
 */
final class ArchiveRecorder implements ArchiveLedger {

  private final Path outDir;
  private final ArchiveCache cache;
  private final OutputJournal journal;
  private final Function<Unit, String> resourceOf;
  private final DiagnosticSink sink;
  private final Map<String, OutputManifest.Entry> listed = new LinkedHashMap<>();
  private final Set<Path> unchanged = new HashSet<>();
  private final Map<String, int[]> byUnit = new HashMap<>();
  private boolean unlisted;

  /**
   * @param journal where each archive is listed at once; null when it cannot be opened (then a
   *     build killed may leave archives unlisted, as the warning said)
   * @param resourceOf a unit's resource file, relative to the course folder
   */
  ArchiveRecorder(
      Path outDir,
      ArchiveCache cache,
      OutputJournal journal,
      Function<Unit, String> resourceOf,
      DiagnosticSink sink) {
    this.outDir = outDir;
    this.cache = cache;
    this.journal = journal;
    this.resourceOf = resourceOf;
    this.sink = sink;
  }

  @Override
  public boolean unchanged(String format, Unit unit, Path target, String key) {
    String path = OutputManifest.relative(outDir, target);
    Optional<ArchiveCache.Entry> e = cache.unchanged(path, target, key);
    if (e.isEmpty()) {
      return false;
    }
    cache.put(path, e.get());
    list(format, unit, path, e.get().size(), e.get().sha256(), true);
    synchronized (this) {
      unchanged.add(target);
    }
    return true;
  }

  @Override
  public void written(String format, Unit unit, Path target, String key, AtomicOutput.Written file)
      throws IOException {
    String path = OutputManifest.relative(outDir, target);
    // A zip could not be hashed as it was written: read back (from the page cache).
    String sha256 = file.sha256().isPresent() ? file.sha256().get() : OutputManifest.sha256(target);
    try {
      cache.put(path, ArchiveCache.Entry.of(target, key, sha256));
    } catch (IOException e) {
      // Not in the cache: written again next time.
    }
    list(format, unit, path, file.size(), sha256, false);
  }

  private void list(String format, Unit unit, String path, long size, String sha256, boolean left) {
    OutputManifest.Entry entry =
        new OutputManifest.Entry(
            path,
            format,
            unit == null ? null : unit.slug(),
            unit == null ? null : resourceOf.apply(unit),
            size,
            sha256);
    synchronized (this) {
      listed.put(path, entry);
      if (unit != null) {
        byUnit.computeIfAbsent(unit.id(), k -> new int[2])[left ? 1 : 0]++;
      }
      if (journal != null && !unlisted) {
        try {
          journal.append(entry);
        } catch (IOException e) {
          unlisted = true;
          sink.report(
              Diagnostic.warning(
                  OutputJournal.file(outDir),
                  0,
                  "cannot note the archives written ("
                      + e
                      + "); if this build is stopped, archives of removed units may stay"));
        }
      }
    }
  }

  /** The entries of the archives written or left as they were, by path. */
  synchronized Map<String, OutputManifest.Entry> listed() {
    return new LinkedHashMap<>(listed);
  }

  /** Whether {@code archive} was left as the previous build wrote it. */
  synchronized boolean wasUnchanged(Path archive) {
    return unchanged.contains(archive);
  }

  /** How many units had every archive left as it was (and at least one). */
  synchronized int unchangedUnits() {
    return (int) byUnit.values().stream().filter(c -> c[0] == 0 && c[1] > 0).count();
  }
}
