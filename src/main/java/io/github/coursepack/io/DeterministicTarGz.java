package io.github.coursepack.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes gzip'd tar archives (Moodle's {@code .mbz}) that are the same bytes for the same content:
 * entries in sorted order, one fixed time, owner 0:0, mode 0644, no directory entries, a gzip
 * header without name or time. Only plain POSIX ustar headers are written, because Moodle's own
 * extractor ({@code tgz_extractor}) reads nothing else: it would take a PAX or GNU long-name header
 * for a file. A name longer than ustar allows is a bug in the writer and fails loudly.
 *
 * <p>Usage: {@code DeterministicTarGz.write(out.resolve("course.mbz"), content, epochSeconds);}
 */
public final class DeterministicTarGz {

  private DeterministicTarGz() {}

  public static void write(Path target, ArchiveContent content, long epochSeconds)
      throws IOException {
    AtomicOutput.write(
        target,
        temporary -> {
          GzipParameters gzip = new GzipParameters();
          gzip.setModificationTime(0);
          gzip.setCompressionLevel(java.util.zip.Deflater.BEST_COMPRESSION);
          try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary));
              GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file, gzip);
              TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
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
              entry.setSize(e.getValue().size());
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
