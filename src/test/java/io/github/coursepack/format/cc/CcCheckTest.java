package io.github.coursepack.format.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.MoodleLab;
import io.github.coursepack.format.PackageFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CcCheckTest {

  @TempDir Path dir;

  static final String MANIFEST =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <manifest identifier="CC1" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest">
        <metadata>
          <schema>IMS Common Cartridge</schema>
          <schemaversion>1.1.0</schemaversion>
          <lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string>Qui fait quoi ?</lomimscc:string></lomimscc:title></lomimscc:general></lomimscc:lom>
        </metadata>
        <organizations>
          <organization identifier="ORG" structure="rooted-hierarchy">
            <item identifier="ROOT">
              <item identifier="S1">
                <title>Le CPD numérique</title>
                <item identifier="I1" identifierref="R_PAGE"><title>Vidéo et transcription</title></item>
                <item identifier="I2" identifierref="R_QUIZ"><title>Quiz</title></item>
              </item>
            </item>
          </organization>
        </organizations>
        <resources>
          <resource identifier="R_PAGE" type="webcontent" href="s1/page.html"><file href="s1/page.html"/></resource>
          <resource identifier="R_QUIZ" type="imsqti_xmlv1p2/imscc_xmlv1p1/assessment"><file href="s1/quiz.xml"/></resource>
        </resources>
      </manifest>
      """;

  static final String QTI =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
        <assessment ident="A1" title="Quiz">
          <qtimetadata>
            <qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>cc.exam.v0p1</fieldentry></qtimetadatafield>
            <qtimetadatafield><fieldlabel>qmd_assessmenttype</fieldlabel><fieldentry>Examination</fieldentry></qtimetadatafield>
          </qtimetadata>
          <section ident="S">
            <item ident="Q1" title="Q1">
              <itemmetadata><qtimetadata>
                <qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>cc.multiple_choice.v0p1</fieldentry></qtimetadatafield>
              </qtimetadata></itemmetadata>
              <presentation><material><mattext texttype="text/html">&lt;p&gt;Qui anime le réseau des eRUN ?&lt;/p&gt;</mattext></material>
                <response_lid ident="R1" rcardinality="Single"><render_choice>
                  <response_label ident="A"><material><mattext texttype="text/plain">Le CPD numérique</mattext></material></response_label>
                  <response_label ident="B"><material><mattext texttype="text/plain">La DSI</mattext></material></response_label>
                </render_choice></response_lid></presentation>
              <resprocessing><outcomes><decvar varname="SCORE" vartype="Decimal" minvalue="0" maxvalue="100"/></outcomes>
                <respcondition continue="No"><conditionvar><varequal respident="R1">A</varequal></conditionvar>
                  <setvar varname="SCORE" action="Set">100</setvar></respcondition>
              </resprocessing>
            </item>
            <item ident="Q2" title="Q2">
              <itemmetadata><qtimetadata>
                <qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>cc.true_false.v0p1</fieldentry></qtimetadatafield>
              </qtimetadata></itemmetadata>
              <presentation><material><mattext texttype="text/html">La DSI gère la messagerie.</mattext></material>
                <response_lid ident="R2" rcardinality="Single"><render_choice>
                  <response_label ident="true"><material><mattext texttype="text/plain">Vrai</mattext></material></response_label>
                  <response_label ident="false"><material><mattext texttype="text/plain">Faux</mattext></material></response_label>
                </render_choice></response_lid></presentation>
              <resprocessing><outcomes><decvar varname="SCORE" vartype="Decimal" minvalue="0" maxvalue="100"/></outcomes>
                <respcondition continue="No"><conditionvar><varequal respident="R2">true</varequal></conditionvar>
                  <setvar varname="SCORE" action="Set">100</setvar></respcondition>
              </resprocessing>
            </item>
          </section>
        </assessment>
      </questestinterop>
      """;

  private static Map<String, String> good() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("imsmanifest.xml", MANIFEST);
    files.put(
        "s1/page.html",
        "<html><body><p>Le CPD numérique anime le réseau des eRUN.</p></body></html>");
    files.put("s1/quiz.xml", QTI);
    return files;
  }

  private Path cartridge(Map<String, String> files) throws IOException {
    Path p = Files.createTempFile(dir, "cc", ".imscc");
    try (OutputStream o = Files.newOutputStream(p);
        ZipArchiveOutputStream z = new ZipArchiveOutputStream(o)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        z.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
        z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeArchiveEntry();
      }
    }
    return p;
  }

  private List<String> rules(Map<String, String> files) throws IOException {
    return CcCheck.check(cartridge(files)).stream().map(PackageFinding::rule).toList();
  }

  private List<String> rulesWith(String file, String from, String to) throws IOException {
    Map<String, String> files = good();
    assertThat(files.get(file)).contains(from);
    files.put(
        file,
        files
            .get(file)
            .replaceFirst(
                java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    return rules(files);
  }

  @Test
  void aCc11CartridgeLikeMoodleImportsHasNoFinding() throws IOException {
    assertThat(rules(good())).isEmpty();
  }

  @Test
  void aCc13CartridgeIsRefusedBecauseMoodleCannotImportIt() throws IOException {
    assertThat(rulesWith("imsmanifest.xml", "imsccv1p1/imscp_v1p1", "imsccv1p3/imscp_v1p1"))
        .containsExactly("CC-VERSION");
  }

  @Test
  void theNamespaceMustBeInTheFirst1024Bytes() throws IOException {
    assertThat(
            rulesWith(
                "imsmanifest.xml",
                "<manifest ",
                "<!-- " + "commentaire ".repeat(100) + "-->\n<manifest "))
        .containsExactly("CC-DETECTION");
  }

  @Test
  void theManifestRulesMoodlesSchemaCheckEnforces() throws IOException {
    assertThat(rulesWith("imsmanifest.xml", "<manifest ", "<manifest version=\"1\" "))
        .containsExactly("CC-MANIFEST-ATTRIBUTE");
    assertThat(rulesWith("imsmanifest.xml", "<schemaversion>1.1.0", "<schemaversion>1.1"))
        .containsExactly("CC-SCHEMA");
    assertThat(
            rulesWith(
                "imsmanifest.xml",
                "<item identifier=\"ROOT\">",
                "<item identifier=\"ROOT\"><title>Racine</title>"))
        .containsExactly("CC-ROOT-ITEM");
    assertThat(
            rulesWith(
                "imsmanifest.xml",
                "type=\"webcontent\"",
                "type=\"webcontent\" "
                    .replace("webcontent", "imsqti_xmlv1p2/imscc_xmlv1p3/assessment")))
        .contains("CC-RESOURCE-TYPE");
    assertThat(rulesWith("imsmanifest.xml", "identifierref=\"R_QUIZ\"", "identifierref=\"R_Q\""))
        .containsExactly("CC-IDREF-DANGLING");
  }

  @Test
  void aMissingFileIsFound() throws IOException {
    Map<String, String> files = good();
    files.remove("s1/page.html");
    assertThat(rules(files)).containsExactly("CC-HREF-MISSING");
  }

  @Test
  void qtiItemsMoodleWouldDropOrChokeOnAreFound() throws IOException {
    assertThat(rulesWith("s1/quiz.xml", "ident=\"true\"", "ident=\"True\""))
        .containsExactly("CC-QTI-TRUEFALSE");
    assertThat(rulesWith("s1/quiz.xml", "cc.multiple_choice.v0p1", "cc.matching.v0p1"))
        .containsExactly("CC-QTI-PROFILE");
    assertThat(rulesWith("s1/quiz.xml", ">100</setvar>", ">0</setvar>"))
        .containsExactly("CC-QTI-NO-RIGHT-ANSWER");
  }

  @Test
  void moodleImportsTheCartridgeTheCheckAccepts() throws Exception {
    Path script = MoodleLab.script("imscc-check.sh");
    String output =
        MoodleLab.run(script, cartridge(good()).toString(), "--strict", "--delete-after");
    assertThat(output).contains("RESTORE OK").contains("questions=2");
  }
}
