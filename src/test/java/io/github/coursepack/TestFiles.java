package io.github.coursepack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Where the tests find their inputs, and how they open the archives they make. */
public final class TestFiles {

  private TestFiles() {}

  /** The project folder (Maven sets {@code coursepack.basedir}; IDEs run from it). */
  public static Path project() {
    return Path.of(System.getProperty("coursepack.basedir", "")).toAbsolutePath();
  }

  public static Path example() {
    return project().resolve("examples/qui-fait-quoi-numerique");
  }

  public static Path fixtureCourse(String name) {
    return project().resolve("src/test/resources/courses").resolve(name);
  }

  /**
   * {@code ../shared/<sub>}; skips the test, saying why, when it is absent (a user's clone has no
   * shared folder).
   */
  public static Path shared(String sub) {
    Path dir =
        Path.of(System.getProperty("coursepack.shared", "../shared"))
            .toAbsolutePath()
            .normalize()
            .resolve(sub);
    assumeTrue(
        Files.isDirectory(dir),
        "skipped: " + dir + " is absent (it exists only beside the project's development clone)");
    return dir;
  }

  /** Every file entry of a zip, by name, with its bytes. */
  /** The files of a gzip'd tar (a .mbz), by name, in name order. */
  public static Map<String, byte[]> untar(Path tgz) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (InputStream file = Files.newInputStream(tgz);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        out.put(e.getName(), tar.readAllBytes());
      }
    }
    return out;
  }

  /** Writes files as a gzip'd tar in the given order, names as they are (hostile ones too). */
  public static Path tar(Path target, Map<String, byte[]> files) throws IOException {
    try (var file = Files.newOutputStream(target);
        var gz = new GzipCompressorOutputStream(file);
        var tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
        e.setSize(f.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    }
    return target;
  }

  /** What a format gets in a test: the default template, the fixed time, no progress display. */
  public static io.github.coursepack.format.FormatContext context(
      Path out,
      io.github.coursepack.model.DiagnosticSink sink,
      io.github.coursepack.format.FormatContext.Options options) {
    return new io.github.coursepack.format.FormatContext(
        out,
        io.github.coursepack.render.UnitTemplate.defaults(),
        io.github.coursepack.io.ReproducibleTime.DEFAULT_EPOCH_SECONDS,
        sink,
        io.github.coursepack.format.FormatContext.Progress.NONE,
        options);
  }

  /**
   * {@link #context(Path, io.github.coursepack.model.DiagnosticSink,
   * io.github.coursepack.format.FormatContext.Options)} with the default options.
   */
  public static io.github.coursepack.format.FormatContext context(
      Path out, io.github.coursepack.model.DiagnosticSink sink) {
    return context(out, sink, io.github.coursepack.format.FormatContext.Options.DEFAULT);
  }

  /** Writes files as a zip, in the map's order (no directory entries). */
  public static Path zip(Path target, Map<String, byte[]> files) throws IOException {
    try (var o = Files.newOutputStream(target);
        var z = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(o)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        z.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
        z.write(f.getValue());
        z.closeArchiveEntry();
      }
    }
    return target;
  }

  /** The files of a zip held in memory, by name. */
  public static Map<String, byte[]> unzipBytes(byte[] zip) throws IOException {
    Path tmp = Files.createTempFile("coursepack-test", ".zip");
    try {
      Files.write(tmp, zip);
      return unzip(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
        try (InputStream in = file.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }
}
