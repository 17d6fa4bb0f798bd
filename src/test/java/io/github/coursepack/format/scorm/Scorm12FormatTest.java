package io.github.coursepack.format.scorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.Golden;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.render.UnitTemplate;
import io.github.coursepack.source.CourseReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj3.XmlAssert;

class Scorm12FormatTest {

  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private List<Path> build(Path courseDir, Path to) {
    Course course = CourseReader.read(courseDir, sink).course();
    return new Scorm12Format()
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
  void writesOnePackagePerUnitAndOneForTheCourse() {
    List<Path> zips = build(TestFiles.example(), out);
    assertThat(zips)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "le-conseiller-pedagogique-departemental-au-numerique.zip",
            "la-dsi-et-le-delegue-a-la-protection-des-donnees.zip",
            "le-referent-numerique-au-college.zip",
            "le-gar-en-pratique.zip",
            "qfq-num.zip");
    assertThat(zips).allSatisfy(z -> assertThat(z.getParent()).isEqualTo(out.resolve("scorm12")));
  }

  @Test
  void everyPackagePassesTheScorm12Check() {
    for (Path zip : build(TestFiles.example(), out)) {
      List<PackageFinding> findings = Scorm12Check.check(zip);
      assertThat(findings).as(zip.getFileName().toString()).isEmpty();
    }
  }

  @Test
  void manifestsMatchTheirGoldenFiles() throws IOException {
    for (Path zip : build(TestFiles.example(), out)) {
      byte[] manifest = TestFiles.unzip(zip).get("imsmanifest.xml");
      Golden.assertXml(
          "scorm12/" + zip.getFileName().toString().replace(".zip", ".imsmanifest.xml"), manifest);
    }
  }

  @Test
  void aUnitPackageHoldsItsPageTheAssetsAndTheRuntimeAllListedInTheManifest() throws IOException {
    Path zip = build(TestFiles.example(), out).get(0);
    Map<String, byte[]> files = TestFiles.unzip(zip);
    assertThat(files)
        .containsOnlyKeys(
            "imsmanifest.xml",
            "index.html",
            "assets/unit.css",
            "assets/unit.js",
            "assets/scorm12.js");
    byte[] manifest = files.get("imsmanifest.xml");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(
            Map.of("cp", Scorm12Manifest.CP_NS, "adlcp", Scorm12Manifest.ADLCP_NS))
        .valueByXPath("/cp:manifest/cp:metadata/cp:schemaversion")
        .isEqualTo("1.2");
    String xml = new String(manifest, StandardCharsets.UTF_8);
    assertThat(xml).contains("adlcp:scormtype=\"sco\"").doesNotContain("imscp:", "masteryscore");
    Set<String> listed = new HashSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<file href=\"([^\"]+)\"").matcher(xml);
    while (m.find()) {
      listed.add(m.group(1));
    }
    Set<String> inZip = new HashSet<>(files.keySet());
    inZip.remove("imsmanifest.xml");
    assertThat(listed).isEqualTo(inZip);
  }

  @Test
  void theCoursePackageHasOneRootItemWithOneScoPerUnit() throws IOException {
    List<Path> zips = build(TestFiles.example(), out);
    byte[] manifest = TestFiles.unzip(zips.get(zips.size() - 1)).get("imsmanifest.xml");
    Map<String, String> ns = Map.of("cp", Scorm12Manifest.CP_NS);
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .nodesByXPath("/cp:manifest/cp:organizations/cp:organization/cp:item")
        .hasSize(1);
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .nodesByXPath(
            "/cp:manifest/cp:organizations/cp:organization/cp:item/cp:item[@identifierref]")
        .hasSize(4);
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .valueByXPath(
            "/cp:manifest/cp:organizations/cp:organization/cp:item/cp:item[1]/@identifier")
        .isEqualTo("ITEM-qfq-num-le-conseiller-pedagogique-departemental-au-numerique");
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

  @Test
  void unitIdentifiersAreTheSameInTheUnitAndCoursePackages() throws IOException {
    List<Path> zips = build(TestFiles.example(), out);
    String unit =
        new String(TestFiles.unzip(zips.get(1)).get("imsmanifest.xml"), StandardCharsets.UTF_8);
    String course =
        new String(TestFiles.unzip(zips.get(4)).get("imsmanifest.xml"), StandardCharsets.UTF_8);
    String id = "ITEM-qfq-num-la-dsi-et-le-delegue-a-la-protection-des-donnees";
    assertThat(unit).contains("identifier=\"" + id + "\"");
    assertThat(course).contains("identifier=\"" + id + "\"");
  }

  @Test
  void aCoursePackageNamedLikeAUnitGetsASuffix(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("course.yaml"), "title: Le GAR\n");
    Files.writeString(dir.resolve("a.md"), "# Le GAR\n\nUn texte.\n");
    Files.writeString(dir.resolve("b.md"), "# Autre\n\nUn autre texte.\n");
    List<Path> zips = build(dir, out);
    assertThat(zips)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("le-gar.zip", "autre.zip", "le-gar-course.zip");
    assertThat(zips).allSatisfy(z -> assertThat(Scorm12Check.check(z)).isEmpty());
  }

  @Test
  void aLocalVideoIsStoredInMediaAndListed(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("videos"));
    Files.write(dir.resolve("videos/Présentation CPD.mp4"), new byte[100_000]);
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: Vidéo locale\nvideoFile: videos/Présentation CPD.mp4\n"
            + "---\n\n## Transcription\n\nLe CPD forme.\n");
    List<Path> zips = build(dir, out);
    for (Path zip : zips) {
      Map<String, byte[]> files = TestFiles.unzip(zip);
      String media = "media/video-locale-presentation-cpd.mp4";
      assertThat(files).containsKey(media);
      assertThat(files.get(media)).hasSize(100_000);
      assertThat(new String(files.get("imsmanifest.xml"), StandardCharsets.UTF_8))
          .contains("<file href=\"" + media + "\"/>");
      assertThat(Scorm12Check.check(zip)).isEmpty();
    }
  }

  @Test
  void theSeedsCourseGivesFiveUnitPackagesAndOneCoursePackageThatPassTheCheck() {
    List<Path> zips = build(TestFiles.shared("seeds"), out);
    assertThat(zips).hasSize(6);
    assertThat(zips).allSatisfy(z -> assertThat(Scorm12Check.check(z)).isEmpty());
    assertThat(sink.hasErrors()).isFalse();
  }

  @Test
  void titlesWithXmlSpecialCharactersAreEscapedInTheManifest(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: 'Le « GAR » & les <ENT> : \"qui fait quoi ?\"'\n---\n\nTexte.\n");
    Path zip = build(dir, out).get(0);
    assertThat(Scorm12Check.check(zip)).isEmpty();
    Map<String, String> ns = Map.of("cp", Scorm12Manifest.CP_NS);
    XmlAssert.assertThat(TestFiles.unzip(zip).get("imsmanifest.xml"))
        .withNamespaceContext(ns)
        .valueByXPath("//cp:item/cp:title")
        .isEqualTo("Le « GAR » & les <ENT> : \"qui fait quoi ?\"");
  }
}
