package io.github.coursepack.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes zip archives that are the same bytes for the same content: entries in sorted order, one
 * fixed timestamp, no directory entries, no extra fields, UTF-8 names. Files that are already
 * compressed (video, images, fonts, archives) are stored rather than deflated, which is faster and
 * no bigger. The archive is written to a temporary file and moved into place when complete.
 *
 * <p>Usage: {@code DeterministicZip.write(out.resolve("unit.zip"), content,
 * ReproducibleTime.epochSeconds());}
 */
public final class DeterministicZip {

  /** Extensions of formats that are compressed already. */
  static final Set<String> STORED_EXTENSIONS =
      Set.of(
          "mp4", "m4v", "webm", "ogv", "ogg", "mp3", "m4a", "aac", "opus", "png", "jpg", "jpeg",
          "gif", "webp", "avif", "woff", "woff2", "zip", "gz", "h5p", "pdf");

  private DeterministicZip() {}

  /**
   * Writes the zip atomically; returns its size, without a digest: the writer patches each local
   * header once the entry's data is written, and hashing the file would mean reading it back (a
   * video included), which only a caller that needs the digest should pay for.
   */
  public static AtomicOutput.Written write(Path target, ArchiveContent content, long epochSeconds)
      throws IOException {
    long time = ReproducibleTime.zipLocalMillis(epochSeconds);
    AtomicOutput.write(
        target,
        temporary -> {
          try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(temporary)) {
            zip.setEncoding("UTF-8");
            zip.setUseLanguageEncodingFlag(true);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            byte[] buffer = new byte[64 * 1024];
            for (Map.Entry<String, ArchiveContent.Source> e : content.entries().entrySet()) {
              ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
              entry.setTime(time);
              entry.setUnixMode(0100644);
              entry.setMethod(isStored(e.getKey()) ? ZipEntry.STORED : ZipEntry.DEFLATED);
              entry.setSize(e.getValue().size());
              zip.putArchiveEntry(entry);
              try (InputStream in = e.getValue().open()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  zip.write(buffer, 0, n);
                }
              }
              zip.closeArchiveEntry();
            }
            zip.finish();
          }
        });
    return new AtomicOutput.Written(java.nio.file.Files.size(target), java.util.Optional.empty());
  }

  static boolean isStored(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && STORED_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
