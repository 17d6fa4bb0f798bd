package io.github.coursepack.format.scorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.DeterministicZip;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken package gives exactly the rule it breaks, at the right line. */
class Scorm12CheckTest {

  @TempDir Path dir;

  static final String GOOD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <manifest identifier="M" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
        <metadata>
          <schema>ADL SCORM</schema>
          <schemaversion>1.2</schemaversion>
        </metadata>
        <organizations default="ORG">
          <organization identifier="ORG">
            <title>Cours</title>
            <item identifier="ITEM" identifierref="RES">
              <title>Unité</title>
            </item>
          </organization>
        </organizations>
        <resources>
          <resource identifier="RES" type="webcontent" adlcp:scormtype="sco" href="index.html">
            <file href="index.html"/>
          </resource>
        </resources>
      </manifest>
      """;

  private Path zip(String manifest, String... files) throws IOException {
    ArchiveContent content = new ArchiveContent().add("imsmanifest.xml", manifest);
    for (int i = 0; i < files.length; i += 2) {
      content.add(files[i], files[i + 1]);
    }
    Path zip = Files.createTempFile(dir, "p", ".zip");
    DeterministicZip.write(zip, content, ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    return zip;
  }

  @Test
  void aGoodPackageHasNoFinding() throws IOException {
    assertThat(Scorm12Check.check(zip(GOOD, "index.html", "<p>ok</p>"))).isEmpty();
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            "prefixed CP elements",
            GOOD.replace(
                    "<manifest identifier=\"M\" version=\"1\" xmlns=",
                    "<imscp:manifest identifier=\"M\" version=\"1\" xmlns:imscp=")
                .replace("</manifest>", "</imscp:manifest>"),
            "SCORM12-CP-PREFIX",
            2),
        Arguments.of(
            "another prefix for the ADL namespace",
            GOOD.replace("xmlns:adlcp=", "xmlns:adl=").replace("adlcp:scormtype", "adl:scormtype"),
            "SCORM12-ADLCP-PREFIX",
            16),
        Arguments.of(
            "schemaversion typo", GOOD.replace(">1.2<", ">1.2.0<"), "SCORM12-SCHEMAVERSION", 5),
        Arguments.of(
            "schemaversion with spaces",
            GOOD.replace(">1.2<", "> 1.2<"),
            "SCORM12-SCHEMAVERSION",
            5),
        Arguments.of(
            "dangling identifierref",
            GOOD.replace("identifierref=\"RES\"", "identifierref=\"RES2\""),
            "SCORM12-IDREF-DANGLING",
            10),
        Arguments.of(
            "duplicate identifier",
            GOOD.replace("identifier=\"ITEM\"", "identifier=\"ORG\""),
            "SCORM12-ID-DUPLICATE",
            10),
        Arguments.of(
            "identifier that is not an XML name",
            GOOD.replace("identifier=\"M\"", "identifier=\"1 M\""),
            "SCORM12-ID-NCNAME",
            2),
        Arguments.of(
            "default naming no organization",
            GOOD.replace("default=\"ORG\"", "default=\"ORG9\""),
            "SCORM12-ORG-DEFAULT",
            7),
        Arguments.of(
            "numeric character reference",
            GOOD.replace("Unité", "Unit&#233;"),
            "SCORM12-XML-CHARREF",
            11),
        Arguments.of(
            "HTML entity", GOOD.replace("Unité", "Unit&eacute;"), "SCORM12-XML-MALFORMED", 11),
        Arguments.of(
            "XXE through a DTD",
            GOOD.replace(
                "<manifest ",
                "<!DOCTYPE manifest [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<manifest "),
            "SCORM12-XML-MALFORMED",
            2),
        Arguments.of(
            "scormtype that is neither sco nor asset",
            GOOD.replace("scormtype=\"sco\"", "scormtype=\"SCO\""),
            "SCORM12-SCORMTYPE",
            16),
        Arguments.of(
            "missing launch file",
            GOOD.replace("href=\"index.html\">", "href=\"Index.html\">"),
            "SCORM12-HREF-MISSING",
            16),
        Arguments.of(
            "two top-level items",
            GOOD.replace(
                "</item>",
                "</item>\n      <item identifier=\"ITEM2\" identifierref=\"RES\"><title>B</title></item>"),
            "SCORM12-ROOT-ITEMS",
            8),
        Arguments.of(
            "masteryscore out of range",
            GOOD.replace(
                "<title>Unité</title>",
                "<title>Unité</title><adlcp:masteryscore>120</adlcp:masteryscore>"),
            "SCORM12-MASTERYSCORE",
            11));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void aBrokenManifestGivesItsRuleAtItsLine(String why, String manifest, String rule, int line)
      throws IOException {
    List<PackageFinding> findings = Scorm12Check.check(zip(manifest, "index.html", "<p>ok</p>"));
    assertThat(findings)
        .filteredOn(f -> f.rule().equals(rule))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.line()).isEqualTo(line));
    assertThat(findings).extracting(PackageFinding::rule).containsOnly(rule);
  }

  @Test
  void aManifestInASubFolderIsNested() throws IOException {
    ArchiveContent content =
        new ArchiveContent().add("course/imsmanifest.xml", GOOD).add("course/index.html", "x");
    Path zip = dir.resolve("nested.zip");
    DeterministicZip.write(zip, content, ReproducibleTime.DEFAULT_EPOCH_SECONDS);
    assertThat(Scorm12Check.check(zip))
        .extracting(PackageFinding::rule)
        .containsExactly("SCORM12-MANIFEST-NESTED");
  }

  @Test
  void notAZipIsUnreadable() throws IOException {
    Path notZip = Files.writeString(dir.resolve("x.zip"), "bonjour");
    assertThat(Scorm12Check.check(notZip))
        .extracting(PackageFinding::rule)
        .containsExactly("SCORM12-ZIP-UNREADABLE");
  }

  @Test
  void rootAbsoluteUrlsInContentAreErrorsAndUnlistedFilesWarnings() throws IOException {
    List<PackageFinding> findings =
        Scorm12Check.check(
            zip(
                GOOD,
                "index.html",
                "<p>ok</p>\n<script src=\"/js/app.js\"></script>",
                "extra.css",
                "body{background:url(/img/x.png)}"));
    // Under Moodle's pluginfile.php, « /js/app.js » is the site's root: the file is not found.
    assertThat(findings)
        .extracting(
            PackageFinding::rule,
            PackageFinding::entry,
            PackageFinding::line,
            PackageFinding::severity)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "SCORM12-ABSOLUTE-URL", "index.html", 2, Severity.ERROR),
            org.assertj.core.groups.Tuple.tuple(
                "SCORM12-ABSOLUTE-URL", "extra.css", 1, Severity.ERROR),
            org.assertj.core.groups.Tuple.tuple(
                "SCORM12-FILE-UNLISTED", "extra.css", 0, Severity.WARNING));
  }
}
