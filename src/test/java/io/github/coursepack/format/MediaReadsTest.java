package io.github.coursepack.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.coursepack.TestFiles;
import io.github.coursepack.format.h5p.H5pFormat;
import io.github.coursepack.format.moodle.MoodleBackupFormat;
import io.github.coursepack.format.scorm.Scorm12Format;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.source.CourseReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many times a local video is read while the archives carrying it are written: once per copy
 * written, plus once for the SHA-1 a course backup names its blob by, and never to check what was
 * written (issue 12, "no second read of media"). Counted from the bytes this process reads ({@code
 * rchar} of {@code /proc/self/io}, Linux only), which also catches a written archive read back.
 */
class MediaReadsTest {

  /** Big enough that the few bytes read besides (templates, classes) do not count. */
  private static final int VIDEO = 24 * 1024 * 1024;

  private static final long SLACK = 4L * 1024 * 1024;

  private static final Path IO = Path.of("/proc/self/io");

  @TempDir Path dir;
  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
  private Course course;

  @BeforeEach
  void course() throws IOException {
    assumeTrue(Files.isReadable(IO), "needs Linux's /proc/self/io");
    Files.createDirectories(dir.resolve("videos"));
    byte[] video = new byte[VIDEO];
    new Random(12).nextBytes(video);
    video[4] = 'f';
    video[5] = 't';
    video[6] = 'y';
    video[7] = 'p';
    Files.write(dir.resolve("videos/cpd.mp4"), video);
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: Vidéo locale\nvideoFile: videos/cpd.mp4\n---\n\n## Transcription\n\n"
            + "Le CPD numérique anime le réseau des eRUN du département.\n");
    course = CourseReader.read(dir, sink).course();
    assertThat(course.units()).hasSize(1);
    assertThat(course.units().get(0).video().flatMap(v -> v.local())).isPresent();
  }

  private static long bytesRead() throws IOException {
    for (String line : Files.readAllLines(IO)) {
      if (line.startsWith("rchar:")) {
        return Long.parseLong(line.substring(6).strip());
      }
    }
    throw new IllegalStateException("no rchar in " + IO);
  }

  /** How many videos' worth of bytes writing the format read. */
  private double videosRead(PackageFormat format, FormatContext context) throws IOException {
    long before = bytesRead();
    List<Path> written = format.write(course, context);
    long read = bytesRead() - before;
    assertThat(sink.hasErrors()).as(sink.toString()).isFalse();
    assertThat(written).isNotEmpty();
    return (double) Math.max(0, read - SLACK) / VIDEO;
  }

  private FormatContext context(boolean mbzScorm) {
    return TestFiles.context(out, sink, new FormatContext.Options(mbzScorm, Optional.empty()));
  }

  @Test
  void aBackupReadsTheVideoTwiceToHashAndWriteItAndNeverReadsItselfBack() throws IOException {
    assertThat(videosRead(new MoodleBackupFormat(), context(false))).isLessThanOrEqualTo(2);
  }

  @Test
  void anH5pPackageReadsTheVideoOnce() throws IOException {
    assertThat(videosRead(new H5pFormat(), context(false))).isLessThanOrEqualTo(1);
  }

  @Test
  void scormReadsTheVideoOncePerPackage() throws IOException {
    // the unit's package and the course's
    assertThat(videosRead(new Scorm12Format(), context(false))).isLessThanOrEqualTo(2);
  }

  @Test
  void aBackupWithScormCarriesTheUnitPackageScorm12WroteWithoutMakingItAgain() throws IOException {
    FormatContext context = context(true);
    videosRead(new Scorm12Format(), context);
    // The video (page and SCORM content, one blob) and the SCORM zip that holds it: each hashed
    // once and written once. Making the zip again would be a fifth read, checking the backup by
    // reading it back two more.
    assertThat(videosRead(new MoodleBackupFormat(), context)).isLessThanOrEqualTo(4);
    try (var files = Files.list(out.resolve("mbz"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no scratch copy made")
          .noneMatch(n -> n.startsWith(".scorm-"));
    }
  }
}
