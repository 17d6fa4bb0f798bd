package io.github.coursepack.format.scorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.MoodleLab;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.render.UnitTemplate;
import io.github.coursepack.source.CourseReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gives every package of the example course to a real Moodle (the lab of ../shared/moodle-check,
 * named by {@code MOODLE_LAB}) through its own SCORM upload check and parser. Skips, saying so,
 * when no lab is set up.
 */
class MoodleScormImportTest {

  @Test
  void moodleParsesEveryPackageWithItsScos(@TempDir Path out) throws Exception {
    Path script = MoodleLab.script("scorm-check.sh");
    var course = CourseReader.read(TestFiles.example(), DiagnosticSink.collecting()).course();
    List<Path> zips =
        new Scorm12Format()
            .write(
                course,
                new FormatContext(
                    out,
                    UnitTemplate.defaults(),
                    ReproducibleTime.DEFAULT_EPOCH_SECONDS,
                    DiagnosticSink.collecting(),
                    FormatContext.Progress.NONE));
    for (Path zip : zips) {
      String output = MoodleLab.run(script, zip.toString(), "--delete");
      boolean coursePackage = zip.getFileName().toString().equals("qfq-num.zip");
      assertThat(output)
          .as(output)
          .contains(
              "SCORM OK version=SCORM_1.2 scos="
                  + (coursePackage ? course.units().size() : 1)
                  + " ");
    }
  }
}
