package io.github.coursepack.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.Formats;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.format.moodle.BackupFixtures;
import io.github.coursepack.format.moodle.MoodleBackupFormat;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.quiz.ExportFixtures;
import io.github.coursepack.quiz.QuizFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj3.XmlAssert;

class ValidatorTest {

  @TempDir Path out;

  private static final Path FIXTURES = TestFiles.project().resolve("src/test/resources/validate");

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  /** Where the writers write, with SCORM activities in the course backup. */
  private FormatContext context() {
    return TestFiles.context(
        out, sink, new FormatContext.Options(true, java.util.Optional.empty()));
  }

  private static Kind expectedKind(String format) {
    return switch (format) {
      case "scorm12" -> Kind.SCORM12;
      case "scorm2004" -> Kind.SCORM2004;
      case "mbz" -> Kind.MBZ;
      case "moodlexml" -> Kind.MOODLE_XML;
      case "gift" -> Kind.GIFT;
      case "h5p" -> Kind.H5P;
      case "cc" -> Kind.IMSCC;
      default -> null;
    };
  }

  @Test
  void everyWritersOutputIsValidAndRecognisedForWhatItIs() {
    Course course = QuizFixtures.quizzes(TestFiles.example(), sink).course();
    int checked = 0;
    for (PackageFormat format : Formats.all()) {
      Kind kind = expectedKind(format.id());
      if (kind == null) {
        continue; // quizjson: data for tools, not an archive
      }
      List<Path> written = format.write(course, context());
      assertThat(written).as(format.id()).isNotEmpty();
      for (Path archive : written) {
        Validator.Report r = Validator.validate(archive);
        assertThat(r.kind()).as(archive.toString()).contains(kind);
        // A package without libraries only warns that the site must have them.
        assertThat(r.findings())
            .as(archive.toString())
            .allSatisfy(f -> assertThat(f.rule()).isEqualTo("H5P-LIBRARY-NOT-BUNDLED"));
        assertThat(r.valid()).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
  }

  @Test
  void theBackupsAndPackagesOfARealMoodleAreValid() throws IOException {
    Path reference = TestFiles.shared("reference");
    for (String name :
        List.of("reference-course.mbz", "reference-scorm12-minimal.zip", "questions.xml")) {
      Validator.Report r = Validator.validate(reference.resolve(name));
      assertThat(r.kind()).as(name).isPresent();
      assertThat(r.findings()).as(name).isEmpty();
    }
  }

  @Test
  void eachBrokenFixtureGivesExactlyItsExpectedReport() throws IOException {
    Path broken = FIXTURES.resolve("broken");
    List<Path> files;
    try (Stream<Path> list = Files.list(broken)) {
      files = list.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    List<String> mismatches = new ArrayList<>();
    for (Path file : files) {
      Validator.Report r = Validator.validate(file);
      assertThat(r.valid()).as(file.getFileName().toString()).isFalse();
      String text = ValidationReport.text(List.of(r)).replace(broken + "/", "");
      Path expected = broken.resolve(file.getFileName() + ".expected");
      if (Boolean.getBoolean("coursepack.updateGolden")) {
        Files.writeString(expected, text);
      } else if (!Files.exists(expected)) {
        mismatches.add(expected + " is missing");
      } else if (!Files.readString(expected).equals(text)) {
        mismatches.add(
            file.getFileName()
                + ":\n  expected "
                + Files.readString(expected)
                + "  but got  "
                + text);
      }
    }
    if (!mismatches.isEmpty()) {
      fail(String.join("\n", mismatches));
    }
  }

  @Test
  void theGoodBackupsTheBrokenOnesStartFromAreValid() throws IOException {
    // good.mbz has fixed quiz slots; good-random.mbz, the same course whose quiz draws, random
    // ones.
    Map<String, Course> sources =
        Map.of("good.mbz", ExportFixtures.course(), "good-random.mbz", BackupFixtures.drawing());
    for (Map.Entry<String, Course> source : sources.entrySet()) {
      Path good = FIXTURES.resolve(source.getKey());
      if (Boolean.getBoolean("coursepack.updateGolden")) {
        List<Path> written = new MoodleBackupFormat().write(source.getValue(), context());
        Files.copy(written.get(0), good, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(Validator.validate(good).findings()).as(source.getKey()).isEmpty();
    }
  }

  static final String SCORM2004 =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <manifest identifier="FR-COURS-1" version="1"
        xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
        xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
        xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
        <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
        <organizations default="ORG1">
          <organization identifier="ORG1">
            <title>Cours</title>
            <item identifier="ITEM1" identifierref="RES1"><title>Unité</title></item>
          </organization>
        </organizations>
        <resources>
          <resource identifier="RES1" type="webcontent" adlcp:scormType="sco" href="index.html">
            <file href="index.html"/>
          </resource>
        </resources>
      </manifest>
      """;

  private Path zipOf(String name, Map<String, String> files) throws IOException {
    Path zip = out.resolve(name);
    try (OutputStream o = Files.newOutputStream(zip);
        ZipArchiveOutputStream z = new ZipArchiveOutputStream(o)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        z.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
        z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeArchiveEntry();
      }
    }
    return zip;
  }

  @Test
  void aScorm2004PackageIsRecognisedAndCheckedWithItsOwnRules() throws IOException {
    Validator.Report good =
        Validator.validate(
            zipOf("a.zip", Map.of("imsmanifest.xml", SCORM2004, "index.html", "<p>Unité</p>")));
    assertThat(good.kind()).contains(Kind.SCORM2004);
    assertThat(good.findings()).isEmpty();
    Validator.Report typo =
        Validator.validate(
            zipOf(
                "b.zip",
                Map.of(
                    "imsmanifest.xml",
                    SCORM2004
                        .replace("4th Edition", "4th edition")
                        .replace("identifierref=\"RES1\"", "identifierref=\"RES9\""),
                    "index.html",
                    "<p>Unité</p>")));
    assertThat(typo.kind()).contains(Kind.SCORM2004);
    assertThat(typo.findings())
        .extracting(f -> f.rule())
        .containsExactlyInAnyOrder("SCORM2004-SCHEMAVERSION", "SCORM2004-IDREF-DANGLING");
  }

  @Test
  void theKindIsToldFromTheContentNotTheName() throws IOException {
    Path scorm = Files.copy(FIXTURES.resolve("broken/zip-slip.zip"), out.resolve("course.mbz"));
    assertThat(Validator.validate(scorm).findings())
        .extracting(f -> f.rule())
        .containsExactly("ARCHIVE-UNSAFE-NAME");
    Path mbz = Files.copy(FIXTURES.resolve("good.mbz"), out.resolve("unit.zip"));
    assertThat(Validator.validate(mbz).kind()).contains(Kind.MBZ);
    Path gift = Files.copy(FIXTURES.resolve("broken/bad-weight.gift"), out.resolve("q.txt"));
    assertThat(Validator.validate(gift).kind()).contains(Kind.GIFT);
  }

  @Test
  void aBackupZippedRatherThanTarredIsCheckedToo() throws IOException {
    Map<String, byte[]> files = TestFiles.untar(FIXTURES.resolve("good.mbz"));
    Path zip = out.resolve("backup.zip");
    try (OutputStream o = Files.newOutputStream(zip);
        ZipArchiveOutputStream z = new ZipArchiveOutputStream(o)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        if (f.getKey().equals("questions.xml")) {
          continue;
        }
        z.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
        z.write(f.getValue());
        z.closeArchiveEntry();
      }
    }
    Validator.Report r = Validator.validate(zip);
    assertThat(r.kind()).contains(Kind.MBZ);
    assertThat(r.findings()).extracting(f -> f.rule()).containsExactly("MBZ-FILE-REQUIRED");
  }

  @Test
  void theJsonReportListsEveryArchiveWithItsFindings() throws IOException {
    Path broken = FIXTURES.resolve("broken");
    List<Validator.Report> reports =
        List.of(
            Validator.validate(FIXTURES.resolve("good.mbz")),
            Validator.validate(broken.resolve("dangling-identifierref.zip")));
    JsonNode json = new ObjectMapper().readTree(ValidationReport.json(reports));
    assertThat(json.get("valid").asInt()).isEqualTo(1);
    assertThat(json.get("invalid").asInt()).isEqualTo(1);
    JsonNode second = json.get("archives").get(1);
    assertThat(second.get("kind").asText()).isEqualTo("scorm12");
    assertThat(second.get("valid").asBoolean()).isFalse();
    assertThat(second.get("findings").get(0).get("rule").asText())
        .isEqualTo("SCORM12-IDREF-DANGLING");
    assertThat(second.get("findings").get(0).get("entry").asText()).isEqualTo("imsmanifest.xml");
    assertThat(second.get("findings").get(0).get("line").asInt()).isPositive();
  }

  @Test
  void theJunitReportHasATestCasePerArchiveAndAFailurePerBrokenRule() {
    Path broken = FIXTURES.resolve("broken");
    List<Validator.Report> reports =
        List.of(
            Validator.validate(FIXTURES.resolve("good.mbz")),
            Validator.validate(broken.resolve("match-without-answer.xml")),
            Validator.validate(broken.resolve("zip-slip.zip")));
    byte[] xml = ValidationReport.junit(reports);
    XmlAssert.assertThat(xml).valueByXPath("count(//testcase)").isEqualTo(3);
    XmlAssert.assertThat(xml).valueByXPath("/testsuites/@failures").isEqualTo(2);
    XmlAssert.assertThat(xml)
        .valueByXPath("count(//testcase[@classname='validate.mbz']/failure)")
        .isEqualTo(0);
    XmlAssert.assertThat(xml)
        .valueByXPath("//testcase[@classname='validate.moodlexml']/failure/@type")
        .isEqualTo("MOODLEXML-MATCH-ANSWER");
    XmlAssert.assertThat(xml)
        .valueByXPath("//testcase[@classname='validate.scorm12']/failure/@type")
        .isEqualTo("ARCHIVE-UNSAFE-NAME");
    assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("DOCTYPE");
  }
}
