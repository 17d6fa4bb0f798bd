package io.github.coursepack.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.build.UploadAdvice.CourseArchive;
import io.github.coursepack.model.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadAdviceTest {

  @TempDir Path out;

  private List<CourseArchive> everything() {
    return List.of(
        new CourseArchive("scorm12", out.resolve("scorm12/c.zip")),
        new CourseArchive("scorm2004", out.resolve("scorm2004/c.zip")),
        new CourseArchive("mbz", out.resolve("mbz/c.mbz")),
        new CourseArchive("cc", out.resolve("cc/c.imscc")),
        new CourseArchive("moodlexml", out.resolve("questions/c.xml")),
        new CourseArchive("gift", out.resolve("questions/c.gift")));
  }

  private List<String> lines(UploadAdvice advice) {
    return advice.lines(p -> out.relativize(p).toString());
  }

  @Test
  void forMagistereTheCourseBackupIsRestoredWithTheFrenchMenuName() {
    UploadAdvice advice = UploadAdvice.of(Target.MAGISTERE, everything(), List.of(), false);
    assertThat(advice.file()).contains(out.resolve("mbz/c.mbz"));
    assertThat(lines(advice))
        .containsExactly(
            "upload to M@gistère: mbz/c.mbz",
            "  how: in the course, Plus › Réutilisation de cours › Restauration (More › Course"
                + " reuse › Restore), drop the file, then « Restaurer dans ce cours » (or, if you"
                + " may create courses, « Restaurer comme nouveau cours »)");
  }

  @Test
  void forMoodleTheCourseBackupToo() {
    List<String> lines = lines(UploadAdvice.of(Target.MOODLE, everything(), List.of(), false));
    assertThat(lines.get(0)).isEqualTo("upload to Moodle: mbz/c.mbz");
    assertThat(lines.get(1)).contains("Restore course").contains("Moodle 4.1 or later");
  }

  @Test
  void forAScormOnlyPlatformTheCourseScorm12Package() {
    UploadAdvice advice = UploadAdvice.of(Target.SCORM_ONLY, everything(), List.of(), false);
    assertThat(advice.file()).contains(out.resolve("scorm12/c.zip"));
    assertThat(lines(advice).get(1)).contains("Paquetage SCORM");
  }

  @Test
  void withoutTheBackupMagistereFallsBackOnTheCourseScormPackageAndSaysSo() {
    List<CourseArchive> noMbz =
        everything().stream().filter(a -> !a.format().equals("mbz")).toList();
    List<String> lines = lines(UploadAdvice.of(Target.MAGISTERE, noMbz, List.of(), false));
    assertThat(lines.get(0))
        .isEqualTo(
            "upload to M@gistère: scorm12/c.zip; the course backup (mbz) was not built, add it to"
                + " the formats to upload the whole course with its pages and quizzes");
    assertThat(lines.get(1)).contains("Paquetage SCORM");
  }

  @Test
  void withNoCourseArchiveThereIsNothingToUploadAndTheFormatToAddIsNamed() {
    assertThat(
            lines(UploadAdvice.of(Target.SCORM_ONLY, everything().subList(2, 6), List.of(), false)))
        .containsExactly(
            "nothing to upload to the platform (SCORM only): this build wrote no course archive"
                + " (the scorm12 format writes the course SCORM package)");
  }

  @Test
  void aBackupKeptFromThePreviousBuildIsAdvisedOnlyAsThePreviousBuilds() throws Exception {
    Path mbz = out.resolve("mbz/c.mbz");
    List<Path> kept = List.of(out.resolve("scorm12/c.zip"), mbz);
    UploadAdvice none = UploadAdvice.of(Target.MAGISTERE, List.of(), kept, false);
    assertThat(none.file()).isEmpty();
    assertThat(lines(none))
        .containsExactly(
            "nothing to upload to M@gistère yet: mbz/c.mbz is written once the errors above are"
                + " fixed (or with --allow-partial)");

    Files.createDirectories(mbz.getParent());
    Files.writeString(mbz, "previous");
    UploadAdvice previous = UploadAdvice.of(Target.MAGISTERE, List.of(), kept, false);
    assertThat(previous.previous()).isTrue();
    assertThat(lines(previous).get(0))
        .isEqualTo(
            "upload to M@gistère: mbz/c.mbz (FROM THE PREVIOUS BUILD: this build's errors left it"
                + " as it was, without this build's changes)");
  }

  @Test
  void aPartialBuildSaysItsArchiveLacksTheResourcesWithErrors() {
    assertThat(lines(UploadAdvice.of(Target.MAGISTERE, everything(), List.of(), true)).get(0))
        .endsWith("mbz/c.mbz (without the resources that have errors)");
  }
}
