package io.github.coursepack.format.scorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.MoodleLab;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.render.UnitTemplate;
import io.github.coursepack.source.CourseReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gives every package of the example course to a real Moodle (the labs of ../shared/moodle-check:
 * 4.5 named by {@code MOODLE_LAB}, 4.1 as on M@gistère by {@code MOODLE41_LAB}) through its own
 * SCORM upload check and parser, in both editions. Skips, saying so, when no lab is set up.
 */
class MoodleScormImportTest {

  @TempDir Path out;

  private final Course course =
      CourseReader.read(TestFiles.example(), DiagnosticSink.collecting()).course();

  private List<Path> write(PackageFormat format) {
    return format.write(
        course,
        new FormatContext(
            out,
            UnitTemplate.defaults(),
            ReproducibleTime.DEFAULT_EPOCH_SECONDS,
            DiagnosticSink.collecting(),
            FormatContext.Progress.NONE));
  }

  /** The line Moodle's parser should give: its name for the edition and the package's SCOs. */
  private String expected(Path zip, String version) {
    boolean coursePackage = zip.getFileName().toString().equals("qfq-num.zip");
    return "SCORM OK version="
        + version
        + " scos="
        + (coursePackage ? course.units().size() : 1)
        + " ";
  }

  @Test
  void moodleParsesEveryScorm12PackageWithItsScos() throws Exception {
    Path script = MoodleLab.script("scorm-check.sh");
    for (Path zip : write(new Scorm12Format())) {
      String output = MoodleLab.run(script, zip.toString(), "--delete");
      assertThat(output).as(output).contains(expected(zip, "SCORM_1.2"));
    }
  }

  @Test
  void moodleParsesEveryScorm2004PackageAsScorm13WithItsScos() throws Exception {
    Path script = MoodleLab.script("scorm-check.sh");
    for (Path zip : write(new Scorm2004Format())) {
      String output = MoodleLab.run(script, zip.toString(), "--delete");
      assertThat(output).as(output).contains(expected(zip, "SCORM_1.3"));
    }
  }

  @Test
  void moodle41ParsesEveryPackageOfBothEditions() throws Exception {
    Path script = MoodleLab.script41("scorm-check.sh");
    for (Path zip : write(new Scorm12Format())) {
      String output = MoodleLab.run41(script, zip.toString(), "--delete");
      assertThat(output).as(output).contains(expected(zip, "SCORM_1.2"));
    }
    for (Path zip : write(new Scorm2004Format())) {
      String output = MoodleLab.run41(script, zip.toString(), "--delete");
      assertThat(output).as(output).contains(expected(zip, "SCORM_1.3"));
    }
  }
}
