package io.github.coursepack.format.scorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.Golden;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.render.UnitTemplate;
import io.github.coursepack.source.CourseReader;
import io.github.coursepack.validate.Kind;
import io.github.coursepack.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj3.XmlAssert;

class Scorm2004FormatTest {

  private static final Map<String, String> NS =
      Map.of(
          "cp", Scorm2004Manifest.CP_NS,
          "adlcp", Scorm2004Manifest.ADLCP_NS,
          "imsss", Scorm2004Manifest.IMSSS_NS);

  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private List<Path> build(Path courseDir, Path to) {
    Course course = CourseReader.read(courseDir, sink).course();
    return new Scorm2004Format()
        .write(
            course,
            new FormatContext(
                to,
                UnitTemplate.defaults(),
                ReproducibleTime.DEFAULT_EPOCH_SECONDS,
                sink,
                FormatContext.Progress.NONE));
  }

  @Test
  void writesOnePackagePerUnitAndOneForTheCourseInTheirOwnFolder() {
    List<Path> zips = build(TestFiles.example(), out);
    assertThat(zips)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "le-conseiller-pedagogique-departemental-au-numerique.zip",
            "la-dsi-et-le-delegue-a-la-protection-des-donnees.zip",
            "le-referent-numerique-au-college.zip",
            "le-gar-en-pratique.zip",
            "qfq-num.zip");
    assertThat(zips).allSatisfy(z -> assertThat(z.getParent()).isEqualTo(out.resolve("scorm2004")));
  }

  @Test
  void everyPackageIsDetectedAsScorm2004AndPassesTheValidatorWithoutFindings() {
    for (Path zip : build(TestFiles.example(), out)) {
      assertThat(Scorm12Check.check2004(zip)).as(zip.getFileName().toString()).isEmpty();
      Validator.Report result = Validator.validate(zip);
      assertThat(result.kind()).as(zip.getFileName().toString()).contains(Kind.SCORM2004);
      assertThat(result.findings()).as(zip.getFileName().toString()).isEmpty();
    }
  }

  @Test
  void manifestsMatchTheirGoldenFiles() throws IOException {
    for (Path zip : build(TestFiles.example(), out)) {
      byte[] manifest = TestFiles.unzip(zip).get("imsmanifest.xml");
      Golden.assertXml(
          "scorm2004/" + zip.getFileName().toString().replace(".zip", ".imsmanifest.xml"),
          manifest);
    }
  }

  @Test
  void aUnitPackageHasThe2004RuntimeEveryFileListedAndLeavesCompletionToTheUnit()
      throws IOException {
    Path zip = build(TestFiles.example(), out).get(0);
    Map<String, byte[]> files = TestFiles.unzip(zip);
    assertThat(files)
        .containsOnlyKeys(
            "imsmanifest.xml",
            "index.html",
            "assets/unit.css",
            "assets/unit.js",
            "assets/scorm2004.js");
    String page = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertThat(page).contains("assets/scorm2004.js").doesNotContain("scorm12.js");
    byte[] manifest = files.get("imsmanifest.xml");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .valueByXPath("/cp:manifest/cp:metadata/cp:schemaversion")
        .isEqualTo("2004 4th Edition");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .valueByXPath("//cp:resource/@adlcp:scormType")
        .isEqualTo("sco");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .valueByXPath("//cp:item/imsss:sequencing/imsss:deliveryControls/@completionSetByContent")
        .isEqualTo("true");
    String xml = new String(manifest, StandardCharsets.UTF_8);
    assertThat(xml).contains("xmlns:imsss=", "xmlns:adlseq=", "xmlns:adlnav=");
    Set<String> listed = new HashSet<>();
    Matcher m = Pattern.compile("<file href=\"([^\"]+)\"").matcher(xml);
    while (m.find()) {
      listed.add(m.group(1));
    }
    Set<String> inZip = new HashSet<>(files.keySet());
    inZip.remove("imsmanifest.xml");
    assertThat(listed).isEqualTo(inZip);
  }

  @Test
  void theCoursePackageLetsTheLearnerChooseAnyUnitAndGoOnToTheNext() throws IOException {
    List<Path> zips = build(TestFiles.example(), out);
    byte[] manifest = TestFiles.unzip(zips.get(zips.size() - 1)).get("imsmanifest.xml");
    String org = "/cp:manifest/cp:organizations/cp:organization";
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .nodesByXPath(org + "/cp:item")
        .hasSize(1);
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .nodesByXPath(org + "/cp:item/cp:item[@identifierref]")
        .hasSize(4);
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .valueByXPath(org + "/cp:item/imsss:sequencing/imsss:controlMode/@choice")
        .isEqualTo("true");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .valueByXPath(org + "/cp:item/imsss:sequencing/imsss:controlMode/@flow")
        .isEqualTo("true");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(NS)
        .nodesByXPath("//cp:resource[@adlcp:scormType='sco']/cp:dependency")
        .hasSize(4);
  }

  @Test
  void theUnitPagesAreThoseOfTheScorm12PackagesButForTheRuntime(@TempDir Path scorm12)
      throws IOException {
    Path zip2004 = build(TestFiles.example(), out).get(1);
    Course course = CourseReader.read(TestFiles.example(), sink).course();
    new Scorm12Format()
        .write(
            course,
            new FormatContext(
                scorm12,
                UnitTemplate.defaults(),
                ReproducibleTime.DEFAULT_EPOCH_SECONDS,
                sink,
                FormatContext.Progress.NONE));
    Path zip12 = scorm12.resolve("scorm12").resolve(zip2004.getFileName());
    String page2004 =
        new String(TestFiles.unzip(zip2004).get("index.html"), StandardCharsets.UTF_8);
    String page12 = new String(TestFiles.unzip(zip12).get("index.html"), StandardCharsets.UTF_8);
    assertThat(page2004).isEqualTo(page12.replace("assets/scorm12.js", "assets/scorm2004.js"));
  }

  @Test
  void buildingTwiceGivesTheSameBytes(@TempDir Path again) throws IOException {
    List<Path> first = build(TestFiles.example(), out);
    List<Path> second = build(TestFiles.example(), again);
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(Files.readAllBytes(second.get(i)))
          .as(first.get(i).getFileName().toString())
          .isEqualTo(Files.readAllBytes(first.get(i)));
    }
  }
}
