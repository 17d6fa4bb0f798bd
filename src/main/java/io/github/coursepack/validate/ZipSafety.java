package io.github.coursepack.validate;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.EntryNames;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The first look at a zip, before any format's check reads it: entry names that could escape the
 * folder the zip is unpacked into ({@code ..}, absolute, drive letters, backslashes, NUL), symbolic
 * links, duplicate names, too many entries, and sizes that reveal a zip bomb (total uncompressed
 * size, or an entry that inflates more than {@link #MAX_RATIO} times). Only the central directory
 * is read; nothing is unpacked. The checks that read entries afterwards read them with a cap, so a
 * zip that lies about its sizes cannot make them read more.
 */
final class ZipSafety {

  static final int MAX_ENTRIES = 50_000;
  static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024 * 1024;
  static final int MAX_RATIO = 200;

  /** Below this, a high ratio is harmless (a file of blanks, an empty JSON array). */
  static final long RATIO_MIN_BYTES = 1024 * 1024;

  private ZipSafety() {}

  /** Findings; an error means the zip must not be opened further. */
  static List<PackageFinding> check(Path zip) {
    List<PackageFinding> out = new ArrayList<>();
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      List<ZipArchiveEntry> entries = Collections.list(file.getEntriesInPhysicalOrder());
      if (entries.size() > MAX_ENTRIES) {
        out.add(error("ARCHIVE-LIMIT", "", Message.of("zip.tooManyEntries", MAX_ENTRIES)));
        return out;
      }
      Set<String> names = new HashSet<>();
      long total = 0;
      for (ZipArchiveEntry e : entries) {
        String name = e.getName();
        Message problem = EntryNames.said(name);
        if (problem != null) {
          out.add(
              error(
                  "ARCHIVE-UNSAFE-NAME",
                  EntryNames.shown(name),
                  Message.of("zip.unsafeName", problem)));
          continue;
        }
        if (e.isUnixSymlink()) {
          out.add(error("ARCHIVE-LINK", name, Message.of("zip.link")));
          continue;
        }
        if (!e.isDirectory() && !names.add(name)) {
          out.add(error("ARCHIVE-DUPLICATE", name, Message.of("zip.duplicate")));
        }
        long size = e.getSize();
        long packed = e.getCompressedSize();
        if (size > 0) {
          total += size;
        }
        if (size >= RATIO_MIN_BYTES && packed > 0 && size / packed > MAX_RATIO) {
          out.add(error("ARCHIVE-BOMB", name, Message.of("zip.bomb", size / packed, packed, size)));
        }
      }
      if (total > MAX_TOTAL_BYTES) {
        out.add(error("ARCHIVE-BOMB", "", Message.of("zip.tooBig")));
      }
    } catch (IOException | RuntimeException e) {
      out.add(
          error(
              "ARCHIVE-UNREADABLE",
              "",
              Message.of("zip.unreadable", String.valueOf(e.getMessage()))));
    }
    return out;
  }

  private static PackageFinding error(String rule, String entry, Message message) {
    return new PackageFinding(Severity.ERROR, rule, entry, 0, message);
  }
}
