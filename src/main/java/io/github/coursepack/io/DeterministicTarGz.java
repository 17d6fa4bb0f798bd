package io.github.coursepack.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes gzip'd tar archives (Moodle's {@code .mbz}) that are the same bytes for the same content:
 * entries in sorted order, one fixed time, owner 0:0, mode 0644, no directory entries, a gzip
 * header without name or time. Entries deflate cannot shrink (video) are stored in the stream. Only
 * plain POSIX ustar headers are written, because Moodle's own extractor ({@code tgz_extractor})
 * reads nothing else: it would take a PAX or GNU long-name header for a file. A name longer than
 * ustar allows is a bug in the writer and fails loudly.
 *
 * <p>Usage: {@code DeterministicTarGz.write(out.resolve("course.mbz"), content, epochSeconds);}
 */
public final class DeterministicTarGz {

  /** Entries at least this big are sampled to see whether deflate shrinks them. */
  static final int SAMPLE = 64 * 1024;

  /** Whether deflate shrinks the start of the content by 5 % or more (video does not). */
  static boolean compressible(ArchiveContent.Source content) throws IOException {
    if (content.size() < SAMPLE) {
      return true;
    }
    byte[] sample;
    try (InputStream in = content.open()) {
      sample = in.readNBytes(SAMPLE);
    }
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    try {
      d.setInput(sample);
      d.finish();
      byte[] out = new byte[SAMPLE + 1024];
      int packed = 0;
      while (!d.finished()) {
        packed += d.deflate(out);
      }
      return packed < sample.length * 0.95;
    } finally {
      d.end();
    }
  }

  private DeterministicTarGz() {}

  /**
   * gzip whose level can change between entries. Java's gzip header has no name, time 0 and OS 0,
   * so the same content gives the same bytes.
   */
  private static final class LevelledGzip extends GZIPOutputStream {
    LevelledGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.DEFAULT_COMPRESSION);
    }

    /** Changes the level for what comes next; what was written before keeps its level. */
    void level(int level) throws IOException {
      def.setLevel(level);
      // The new level applies at the next deflate call, to the input then pending: make that
      // call now, with no input, so that the next entry is all at the new level.
      def.setInput(new byte[0]);
      deflate();
    }
  }

  /** Writes the archive atomically; returns its size and digest, taken as it is written. */
  public static AtomicOutput.Written write(Path target, ArchiveContent content, long epochSeconds)
      throws IOException {
    return AtomicOutput.writeStream(
        target,
        stream -> {
          try (OutputStream file = new BufferedOutputStream(stream);
              LevelledGzip gz = new LevelledGzip(file);
              TarArchiveOutputStream tar =
                  new TarArchiveOutputStream(new BufferedOutputStream(gz, 1 << 16), "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_ERROR);
            tar.setAddPaxHeadersForNonAsciiNames(false);
            byte[] buffer = new byte[64 * 1024];
            for (Map.Entry<String, ArchiveContent.Source> e : content.entries().entrySet()) {
              TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
              entry.setModTime(epochSeconds * 1000);
              entry.setMode(0100644);
              entry.setIds(0, 0);
              entry.setNames("", "");
              long size = e.getValue().size();
              entry.setSize(size);
              tar.flush();
              // Deflate runs at 40 MB/s on a video it cannot shrink (a 512 MB video took 20 s);
              // such entries are stored in the gzip stream instead, at disk speed.
              gz.level(
                  compressible(e.getValue())
                      ? Deflater.DEFAULT_COMPRESSION
                      : Deflater.NO_COMPRESSION);
              tar.putArchiveEntry(entry);
              try (InputStream in = e.getValue().open()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  tar.write(buffer, 0, n);
                }
              }
              tar.closeArchiveEntry();
            }
            tar.finish();
          }
        });
  }
}
