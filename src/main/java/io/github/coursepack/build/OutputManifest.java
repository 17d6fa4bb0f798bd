package io.github.coursepack.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.io.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The list of the files a build wrote or kept in an output folder, in {@code
 * .coursepack/outputs.json}: what the folder holds now, as opposed to what earlier builds or the
 * user left there. The next build removes from it the archives of units that no longer exist (and
 * only files it lists, whose content is still what was written); {@code validate} and {@code
 * preview} of the folder see only what it lists.
 *
 * <p>Its content is reproducible: entries sorted by path, no time, no absolute path.
 *
 * <p>Usage: {@code OutputManifest.read(outDir).map(m -> m.files(outDir))}
 *
 * @param entries the files, sorted by path
 */
public record OutputManifest(List<Entry> entries) {

  /** The folder of coursepack's own files in an output folder (hidden from validate). */
  public static final String FOLDER = ".coursepack";

  private static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One file of the output folder.
   *
   * @param path its path in the output folder, with {@code /}
   * @param format the id of the format that wrote it
   * @param unit the slug of its unit, or null for a course-level archive
   * @param resource the unit's resource file, relative to the course folder with {@code /}, or null
   * @param size its size in bytes
   * @param sha256 its SHA-256, in hexadecimal: a file whose content changed since is not removed
   * @param removing true for a stale archive the build is about to remove: listed until it is gone,
   *     so that a build killed in between removes it next time; not part of the folder's content
   */
  public record Entry(
      String path,
      String format,
      String unit,
      String resource,
      long size,
      String sha256,
      boolean removing) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(sha256, "sha256");
    }

    /** A current file. */
    public Entry(
        String path, String format, String unit, String resource, long size, String sha256) {
      this(path, format, unit, resource, size, sha256, false);
    }

    /** The same file, about to be removed. */
    Entry toRemove() {
      return new Entry(path, format, unit, resource, size, sha256, true);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter LINES =
      JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

  /** The file as stored, with a version for a later change of shape. */
  private record Stored(int version, List<Entry> files) {}

  public OutputManifest {
    entries = entries.stream().sorted(Comparator.comparing(Entry::path)).toList();
  }

  /** Where the manifest of {@code outputDir} is. */
  public static Path file(Path outputDir) {
    return outputDir.resolve(FOLDER).resolve("outputs.json");
  }

  /**
   * The manifest of an output folder, with what the journal of a build killed since adds to it;
   * empty when it has neither, or a manifest that cannot be read and no journal (then the folder is
   * treated like one from before manifests: nothing is removed, everything is seen).
   */
  public static Optional<OutputManifest> read(Path outputDir) {
    Optional<List<Entry>> listed = readList(file(outputDir));
    List<Entry> journal = OutputJournal.read(outputDir);
    if (journal.isEmpty()) {
      return listed.map(OutputManifest::new);
    }
    Map<String, Entry> all = new LinkedHashMap<>();
    listed.orElse(List.of()).forEach(e -> all.put(e.path(), e));
    journal.forEach(e -> all.put(e.path(), e));
    return Optional.of(new OutputManifest(List.copyOf(all.values())));
  }

  private static Optional<List<Entry>> readList(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Stored s = JSON.readValue(file.toFile(), Stored.class);
      if (s.version() != VERSION || s.files() == null) {
        return Optional.empty();
      }
      List<Entry> safe = new ArrayList<>();
      for (Entry e : s.files()) {
        if (safe(e)) {
          safe.add(e);
        }
      }
      return Optional.of(safe);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether an entry read back can be used: a manifest edited by hand may hold anything. */
  static boolean safe(Entry e) {
    return e != null && inside(e.path());
  }

  /** An entry as one line of JSON, for the journal. */
  static byte[] line(Entry e) throws IOException {
    return LINES.writeValueAsBytes(e);
  }

  /** An entry from one line of the journal. */
  static Entry fromLine(String line) throws IOException {
    return JSON.readValue(line, Entry.class);
  }

  /** Writes the manifest atomically, so that a killed build leaves the previous one whole. */
  public void write(Path outputDir) throws IOException {
    AtomicOutput.write(file(outputDir), JSON.writeValueAsBytes(new Stored(VERSION, entries)));
  }

  /** The files the folder holds for the course (those being removed left out), resolved. */
  public List<Path> files(Path outputDir) {
    return entries.stream()
        .filter(e -> !e.removing())
        .map(e -> resolve(outputDir, e.path()))
        .toList();
  }

  /** Whether the file {@code file} of {@code outputDir} is listed. */
  public boolean lists(Path outputDir, Path file) {
    Path normal = file.toAbsolutePath().normalize();
    return files(outputDir.toAbsolutePath().normalize()).contains(normal);
  }

  /** A listed path resolved in the output folder. */
  static Path resolve(Path outputDir, String path) {
    return outputDir.resolve(path).normalize();
  }

  /** {@code file}'s path in the output folder, with {@code /}. */
  static String relative(Path outputDir, Path file) {
    return outputDir.relativize(file).toString().replace('\\', '/');
  }

  /** A manifest edited by hand must not make a build delete a file outside the output folder. */
  private static boolean inside(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
      return false;
    }
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** The SHA-256 of a file, read in blocks, in hexadecimal. */
  static String sha256(Path file) throws IOException {
    MessageDigest sha = Digests.newSha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
