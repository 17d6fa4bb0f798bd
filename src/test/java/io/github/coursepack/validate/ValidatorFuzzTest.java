package io.github.coursepack.validate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.Formats;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.quiz.ExportFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz tests of {@code validate}: whatever the file, {@link Validator#validate} gives a report and
 * never throws, hangs or runs out of memory. The archive targets are structure-aware: they start
 * from the valid packages coursepack writes for a small course (every format, written once per JVM)
 * and let the fuzzer drop, rename, add, duplicate, replace and splice entries (with the real
 * manifest names and hostile ones among the names it picks), then flip bytes of the archive itself,
 * so that inputs get past the signature checks into each kind's check. Replays {@code
 * ValidatorFuzzTestInputs/} in a normal test run; {@code bench/fuzz.sh} fuzzes them.
 */
@Tag("fuzz")
class ValidatorFuzzTest {

  /** One file of a valid package. */
  private record Entry(String name, byte[] bytes) {}

  /** A valid package, as its entries, and the extension coursepack gives it. */
  private record Template(String extension, List<Entry> entries) {}

  private static final List<Template> ZIPS = new ArrayList<>();
  private static final List<Template> BACKUPS = new ArrayList<>();

  /** Names that matter to the checks, and names a hostile archive would use. */
  private static final List<String> NAMES =
      List.of(
          "imsmanifest.xml",
          "h5p.json",
          "content/content.json",
          "moodle_backup.xml",
          "files.xml",
          "questions.xml",
          "course/course.xml",
          "activities/quiz_1/quiz.xml",
          "activities/scorm_1/scorm.xml",
          "index.html",
          "sub/imsmanifest.xml",
          "adlcp_rootv1p2.xsd",
          "H5P.Column-1.16/library.json",
          "../../escape.txt",
          "/absolute.html",
          "a\\b.html",
          "dir/",
          "files/ab/abcdef",
          "IMSMANIFEST.XML",
          "");

  @TempDir static Path dir;

  static {
    Path written = null;
    try {
      written = Files.createTempDirectory("coursepack-validator-fuzz");
      FormatContext context =
          TestFiles.context(
              written,
              DiagnosticSink.collecting(),
              new FormatContext.Options(true, Optional.empty()));
      for (PackageFormat format : Formats.all()) {
        for (Path archive : format.write(ExportFixtures.course(), context)) {
          String name = archive.getFileName().toString();
          String extension = name.substring(name.lastIndexOf('.'));
          switch (extension) {
            case ".zip", ".h5p", ".imscc" ->
                ZIPS.add(new Template(extension, entries(TestFiles.unzip(archive))));
            case ".mbz" -> BACKUPS.add(new Template(extension, entries(TestFiles.untar(archive))));
            default -> {} // XML, GIFT and JSON: the byte targets below
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(written);
    }
    if (ZIPS.size() < 4 || BACKUPS.isEmpty()) {
      throw new IllegalStateException("the fixture course gave too few packages: " + ZIPS);
    }
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Entry> entries(Map<String, byte[]> files) {
    return files.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
  }

  @FuzzTest
  void anyZipPackageMadeFromAValidOneGetsAReport(FuzzedDataProvider data) throws IOException {
    Template template = data.pickValue(ZIPS);
    List<Entry> entries = edited(template, data);
    String extension =
        data.consumeBoolean()
            ? data.pickValue(List.of(".zip", ".h5p", ".imscc"))
            : template.extension();
    byte[] zip = zip(entries, data);
    if (zip == null) {
      return; // names the zip writer refuses: not an archive anyone can make this way
    }
    byte[] input = corrupted(zip, data);
    validate(input, extension, Arrays.equals(input, zip));
  }

  @FuzzTest
  void anyBackupMadeFromAValidOneGetsAReport(FuzzedDataProvider data) throws IOException {
    List<Entry> entries = edited(data.pickValue(BACKUPS), data);
    byte[] tar = tar(entries, data);
    if (tar == null) {
      return;
    }
    byte[] broken = corrupted(tar, data);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream out = new GzipCompressorOutputStream(gz)) {
      out.write(broken);
    }
    byte[] input = corrupted(gz.toByteArray(), data);
    validate(input, ".mbz", Arrays.equals(broken, tar) && Arrays.equals(input, gz.toByteArray()));
  }

  @FuzzTest
  void anyMoodleXmlFileGetsAReport(byte[] bytes) throws IOException {
    validate(bytes, ".xml", false);
  }

  @FuzzTest
  void anyGiftFileGetsAReport(byte[] bytes) throws IOException {
    validate(bytes, ".gift", false);
  }

  /**
   * Validates {@code bytes}; {@code wellFormed} says the archive was written by a zip or tar writer
   * and not broken afterwards: it is readable, so "unreadable" would be a bug the check caught and
   * reported as the archive's fault.
   */
  private static void validate(byte[] bytes, String extension, boolean wellFormed)
      throws IOException {
    Path file = dir.resolve("input" + extension);
    Files.write(file, bytes);
    Validator.Report report = Validator.validate(file);
    for (PackageFinding f : report.findings()) {
      if (f.line() < 0) {
        throw new AssertionError("a finding with a negative line: " + f);
      }
      if (wellFormed
          && f.rule().equals("ARCHIVE-UNREADABLE")
          && !f.message().equals("the archive is empty")) {
        throw new AssertionError("a well-formed archive reported unreadable: " + f);
      }
    }
  }

  /** The template's entries after up to 8 edits the fuzzer chooses. */
  private static List<Entry> edited(Template template, FuzzedDataProvider data) {
    List<Entry> entries = new ArrayList<>(template.entries());
    int edits = data.consumeInt(0, 8);
    for (int i = 0; i < edits && !entries.isEmpty(); i++) {
      int at = data.consumeInt(0, entries.size() - 1);
      Entry e = entries.get(at);
      switch (data.consumeInt(0, 5)) {
        case 0 -> entries.remove(at);
        case 1 -> entries.set(at, new Entry(e.name(), data.consumeBytes(data.consumeInt(0, 4096))));
        case 2 -> entries.set(at, new Entry(e.name(), spliced(e.bytes(), data)));
        case 3 -> entries.set(at, new Entry(name(data), e.bytes()));
        case 4 -> entries.add(new Entry(name(data), data.consumeBytes(data.consumeInt(0, 1024))));
        default -> entries.add(at, e); // the same name twice
      }
    }
    return entries;
  }

  private static String name(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(80);
  }

  /** {@code bytes} with a run of them replaced by what the fuzzer gives: edits inside an XML. */
  private static byte[] spliced(byte[] bytes, FuzzedDataProvider data) {
    int from = data.consumeInt(0, bytes.length);
    int to = Math.min(bytes.length, from + data.consumeInt(0, 64));
    byte[] insert = data.consumeBytes(data.consumeInt(0, 64));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, from);
    out.writeBytes(insert);
    out.write(bytes, to, bytes.length - to);
    return out.toByteArray();
  }

  /** {@code bytes} with up to 4 bytes changed: broken headers, sizes and offsets. */
  private static byte[] corrupted(byte[] bytes, FuzzedDataProvider data) {
    int flips = data.consumeInt(0, 4);
    byte[] out = bytes.clone();
    for (int i = 0; i < flips && out.length > 0; i++) {
      out[data.consumeInt(0, out.length - 1)] = data.consumeByte();
    }
    return out;
  }

  private static byte[] zip(List<Entry> entries, FuzzedDataProvider data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (Entry e : entries) {
        ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
        if (data.consumeBoolean()) {
          // Stored, so the sizes and CRC go in the local header.
          CRC32 crc = new CRC32();
          crc.update(e.bytes());
          entry.setMethod(ZipArchiveEntry.STORED);
          entry.setSize(e.bytes().length);
          entry.setCrc(crc.getValue());
        }
        if (data.consumeInt(0, 15) == 0) {
          entry.setUnixMode(0120777); // a symbolic link
        }
        zip.putArchiveEntry(entry);
        zip.write(e.bytes());
        zip.closeArchiveEntry();
      }
    } catch (IllegalArgumentException | IOException refused) {
      return null;
    }
    return bytes.toByteArray();
  }

  private static byte[] tar(List<Entry> entries, FuzzedDataProvider data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry entry;
        if (data.consumeInt(0, 15) == 0) {
          entry = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
          entry.setLinkName(data.pickValue(NAMES));
          tar.putArchiveEntry(entry);
        } else {
          entry = new TarArchiveEntry(e.name());
          entry.setSize(e.bytes().length);
          tar.putArchiveEntry(entry);
          tar.write(e.bytes());
        }
        tar.closeArchiveEntry();
      }
    } catch (IllegalArgumentException | IOException refused) {
      return null;
    }
    return bytes.toByteArray();
  }
}
