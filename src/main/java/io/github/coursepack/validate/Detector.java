package io.github.coursepack.validate;

import io.github.coursepack.io.ArchiveSignatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Tells what an archive is from its content, never from its name: a gzip'd tar or a zip holding
 * {@code moodle_backup.xml} is a Moodle backup; a zip with {@code h5p.json} at its root is H5P; a
 * zip with {@code imsmanifest.xml} is a cartridge or a SCORM package, told apart by the manifest's
 * namespaces and schema version (read from its first 4 KB, as Moodle does); XML whose root is
 * {@code <quiz>} is Moodle XML; text with GIFT answer blocks is GIFT.
 */
final class Detector {

  private static final int SNIFF_BYTES = 4096;
  private static final Pattern GIFT_BLOCK =
      Pattern.compile("(?s)(^|\\n)(::[^\\n]*::)?[^\\n{}]*(?<!\\\\)\\{[^}]*(?<!\\\\)\\}");

  private Detector() {}

  /** The kind, or empty when the file is none of them (or cannot be read). */
  static Optional<Kind> detect(Path file) {
    byte[] head;
    try {
      head = ArchiveSignatures.head(file, SNIFF_BYTES);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (ArchiveSignatures.isGzip(head) || ArchiveSignatures.isTar(head)) {
      return Optional.of(Kind.MBZ);
    }
    if (ArchiveSignatures.isZip(head)) {
      return zipKind(file);
    }
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String stripped = text.stripLeading();
    if (stripped.startsWith("<")) {
      return rootIs(stripped, "quiz") ? Optional.of(Kind.MOODLE_XML) : Optional.empty();
    }
    if ((stripped.startsWith("{") || stripped.startsWith("[")) && isJson(file)) {
      return Optional.empty();
    }
    if (looksLikeGift(file)) {
      return Optional.of(Kind.GIFT);
    }
    return Optional.empty();
  }

  private static boolean rootIs(String xmlStart, String name) {
    String s =
        xmlStart
            .replaceAll("(?s)<\\?.*?\\?>", "")
            .replaceAll("(?s)<!--.*?-->", "")
            .replaceAll("(?s)<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", "");
    s = s.stripLeading();
    return s.startsWith("<" + name + ">")
        || s.startsWith("<" + name + " ")
        || s.startsWith("<" + name + "\n");
  }

  private static boolean isJson(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean looksLikeGift(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String text = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
      return GIFT_BLOCK.matcher(text).find() || text.contains("$CATEGORY:");
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Kind> zipKind(Path file) {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      ZipArchiveEntry manifest = null;
      boolean h5p = false;
      boolean backup = false;
      boolean h5pParts = false;
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        switch (e.getName()) {
          case "imsmanifest.xml" -> manifest = e;
          case "h5p.json" -> h5p = true;
          case "moodle_backup.xml" -> backup = true;
          default -> {
            // H5P content or a library folder: an H5P package, even one that lost its h5p.json.
            String name = e.getName();
            if (name.equals("content/content.json")
                || name.matches("[A-Za-z0-9._-]+-[0-9]+\\.[0-9]+/library\\.json")) {
              h5pParts = true;
            }
          }
        }
      }
      if (backup) {
        return Optional.of(Kind.MBZ);
      }
      if (h5p || (h5pParts && manifest == null)) {
        return Optional.of(Kind.H5P);
      }
      if (manifest == null) {
        // A SCORM zip with its manifest in a sub-folder is still a SCORM zip, a broken one.
        boolean nested =
            Collections.list(zip.getEntries()).stream()
                .anyMatch(e -> e.getName().endsWith("/imsmanifest.xml"));
        return nested ? Optional.of(Kind.SCORM12) : Optional.empty();
      }
      String head;
      try (InputStream in = zip.getInputStream(manifest)) {
        head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
      }
      String lower = head.toLowerCase(Locale.ROOT).replaceAll("[\\s\"']", "");
      if (lower.contains("imsglobal.org/xsd/imscc") || lower.contains("imsccv1p")) {
        return Optional.of(Kind.IMSCC);
      }
      if (lower.contains("adlcp_v1p3")
          || lower.contains("<schemaversion>2004")
          || lower.contains("<schemaversion>cam1.3")) {
        return Optional.of(Kind.SCORM2004);
      }
      return Optional.of(Kind.SCORM12);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the safety check reports an unreadable zip
    }
  }
}
