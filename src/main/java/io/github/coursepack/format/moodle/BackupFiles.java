package io.github.coursepack.format.moodle;

import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.Digests;
import io.github.coursepack.io.XmlOut;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of a backup: one {@code files.xml} row per file, plus the {@code .} row Moodle keeps
 * for every folder of a file area, and each content once under {@code files/<2 hex>/<sha1>}.
 * Restore keeps a file only when its row's context is its activity's and its id is in that
 * activity's {@code inforef.xml} (reference/README.md), so rows are kept by context.
 */
final class BackupFiles {

  /** The SHA-1 of no bytes: the content hash of Moodle's folder rows. */
  static final String EMPTY_SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";

  /** One row of files.xml. */
  record Row(
      int id,
      String contenthash,
      int contextId,
      String component,
      String fileArea,
      String filePath,
      String fileName,
      long size,
      String mimeType) {

    boolean isFolder() {
      return fileName.equals(".");
    }
  }

  private final ArchiveContent archive;
  private final BackupIds ids;
  private final long time;
  private final List<Row> rows = new ArrayList<>();
  private final Set<String> folders = new LinkedHashSet<>();
  private final Map<ArchiveContent.Source, String> hashes = new HashMap<>();

  BackupFiles(ArchiveContent archive, BackupIds ids, long time) {
    this.archive = archive;
    this.ids = ids;
    this.time = time;
  }

  /**
   * Adds a file to a file area (item id 0) and returns its row.
   *
   * @param filePath the folder in the area, {@code /} or {@code /media/}
   */
  Row add(
      int contextId,
      String component,
      String fileArea,
      String filePath,
      String fileName,
      ArchiveContent.Source content,
      String mimeType) {
    String[] parts = filePath.split("/");
    StringBuilder folder = new StringBuilder("/");
    folder(contextId, component, fileArea, "/");
    for (String part : parts) {
      if (!part.isEmpty()) {
        folder.append(part).append('/');
        folder(contextId, component, fileArea, folder.toString());
      }
    }
    String sha1 = sha1(content);
    String blob = "files/" + sha1.substring(0, 2) + "/" + sha1;
    if (!archive.contains(blob)) {
      archive.add(blob, content);
    }
    Row row =
        new Row(
            ids.next("file"),
            sha1,
            contextId,
            component,
            fileArea,
            filePath,
            fileName,
            size(content),
            mimeType);
    rows.add(row);
    return row;
  }

  /**
   * Adds a file by its path in the area, {@code media/video.mp4} or {@code index.html}: Moodle
   * keeps the folder ({@code /media/}) and the name apart.
   */
  Row addPath(
      int contextId,
      String component,
      String fileArea,
      String path,
      ArchiveContent.Source content,
      String mimeType) {
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "/" : "/" + path.substring(0, slash + 1);
    return add(
        contextId, component, fileArea, folder, path.substring(slash + 1), content, mimeType);
  }

  private void folder(int contextId, String component, String fileArea, String path) {
    if (folders.add(contextId + "|" + component + "|" + fileArea + "|" + path)) {
      rows.add(
          new Row(
              ids.next("file"), EMPTY_SHA1, contextId, component, fileArea, path, ".", 0, null));
    }
  }

  /** The ids of a context's rows, folders included, for its {@code inforef.xml}. */
  List<Integer> idsOf(int contextId) {
    return rows.stream().filter(r -> r.contextId() == contextId).map(Row::id).toList();
  }

  /**
   * The SHA-1 of a file's content, as Moodle names blobs. Each source is read once: a video that is
   * both the page's and the SCORM activity's is hashed once.
   */
  String sha1(ArchiveContent.Source content) {
    return hashes.computeIfAbsent(content, BackupFiles::hash);
  }

  private static String hash(ArchiveContent.Source content) {
    try (InputStream in = content.open()) {
      return Digests.sha1(in).hex();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(ArchiveContent.Source content) {
    try {
      return content.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** files.xml. */
  byte[] xml() {
    XmlOut x = new XmlOut();
    x.start("files");
    for (Row r : rows) {
      x.start("file", "id", String.valueOf(r.id()));
      x.leaf("contenthash", r.contenthash());
      x.leaf("contextid", String.valueOf(r.contextId()));
      x.leaf("component", r.component());
      x.leaf("filearea", r.fileArea());
      x.leaf("itemid", "0");
      x.leaf("filepath", r.filePath());
      x.leaf("filename", r.fileName());
      x.leaf("userid", MoodleBackup.NULL);
      x.leaf("filesize", String.valueOf(r.size()));
      x.leaf("mimetype", r.mimeType() == null ? MoodleBackup.NULL : r.mimeType());
      x.leaf("status", "0");
      x.leaf("timecreated", String.valueOf(time));
      x.leaf("timemodified", String.valueOf(time));
      x.leaf("source", r.isFolder() ? MoodleBackup.NULL : r.fileName());
      x.leaf("author", MoodleBackup.NULL);
      x.leaf("license", MoodleBackup.NULL);
      x.leaf("sortorder", "0");
      x.leaf("repositorytype", MoodleBackup.NULL);
      x.leaf("repositoryid", MoodleBackup.NULL);
      x.leaf("reference", MoodleBackup.NULL);
      x.end();
    }
    return x.end().toBytes();
  }
}
