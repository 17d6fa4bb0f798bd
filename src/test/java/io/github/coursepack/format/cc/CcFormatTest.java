package io.github.coursepack.format.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.QuizFixtures;
import io.github.coursepack.source.CourseReader;
import io.github.coursepack.validate.Kind;
import io.github.coursepack.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj3.XmlAssert;

class CcFormatTest {

  private static final Map<String, String> CP = Map.of("cp", CcManifest.CP_NS);
  private static final Map<String, String> QTI = Map.of("q", CcAssessment.QTI_NS);

  /** The example course with its quizzes, built once: the quiz stage runs LanguageTool. */
  private static Course example;

  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  @BeforeAll
  static void buildTheExample() {
    example = QuizFixtures.quizzes(TestFiles.example(), DiagnosticSink.collecting()).course();
  }

  private Path write(Course course, Path to) {
    List<Path> written = new CcFormat().write(course, TestFiles.context(to, sink));
    assertThat(written).hasSize(1);
    return written.get(0);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void theExampleGivesOneCartridgeNamedAfterTheCourseThatTheCcCheckPasses() {
    Path cartridge = write(example, out);
    assertThat(cartridge).isEqualTo(out.resolve("cc/qfq-num.imscc"));
    List<PackageFinding> findings = CcCheck.check(cartridge);
    assertThat(findings)
        .filteredOn(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
        .isEmpty();
  }

  @Test
  void everyFileIsListedInTheManifestAndEveryListedFileIsThere() throws IOException {
    Map<String, byte[]> files = TestFiles.unzip(write(example, out));
    String manifest = text(files.get("imsmanifest.xml"));
    Set<String> listed = new HashSet<>();
    Matcher m = Pattern.compile("<file href=\"([^\"]+)\"/>").matcher(manifest);
    while (m.find()) {
      listed.add(m.group(1));
    }
    Set<String> inZip = new HashSet<>(files.keySet());
    inZip.remove("imsmanifest.xml");
    assertThat(listed).isEqualTo(inZip);
  }

  @Test
  void theDefaultNamespaceIsOnTheRootElementWithinTheFirst1024Bytes() throws IOException {
    byte[] manifest = TestFiles.unzip(write(example, out)).get("imsmanifest.xml");
    String head = new String(manifest, 0, Math.min(1024, manifest.length), StandardCharsets.UTF_8);
    assertThat(head).contains("<manifest ").contains("xmlns=\"" + CcManifest.CP_NS + "\"");
    assertThat(text(manifest)).doesNotContainPattern("<manifest[^>]*\\sversion=");
  }

  @Test
  void eachUnitIsATitledFolderWithItsPageAndItsQuiz() throws IOException {
    byte[] manifest = TestFiles.unzip(write(example, out)).get("imsmanifest.xml");
    String units = "/cp:manifest/cp:organizations/cp:organization/cp:item/cp:item";
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(CP)
        .nodesByXPath("/cp:manifest/cp:organizations/cp:organization/cp:item")
        .hasSize(1);
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(CP)
        .nodesByXPath("/cp:manifest/cp:organizations/cp:organization/cp:item/cp:title")
        .isEmpty();
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(CP)
        .nodesByXPath(units)
        .hasSize(example.units().size() + 1);
    // The first item, without resource, becomes Moodle's section 0; each unit gets the next one.
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(CP)
        .valueByXPath(units + "[1]/cp:title")
        .isEqualTo(example.title());
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(CP)
        .nodesByXPath(units + "[1]/cp:item | " + units + "[1]/@identifierref")
        .isEmpty();
    for (int i = 0; i < example.units().size(); i++) {
      Unit unit = example.units().get(i);
      String item = units + "[" + (i + 2) + "]";
      XmlAssert.assertThat(manifest)
          .withNamespaceContext(CP)
          .valueByXPath(item + "/cp:title")
          .isEqualTo(unit.title());
      XmlAssert.assertThat(manifest)
          .withNamespaceContext(CP)
          .valueByXPath(item + "/cp:item[1]/@identifierref")
          .isEqualTo(CcManifest.pageId(unit));
      XmlAssert.assertThat(manifest)
          .withNamespaceContext(CP)
          .valueByXPath(
              "/cp:manifest/cp:resources/cp:resource[@identifier='"
                  + CcManifest.pageId(unit)
                  + "']/@href")
          .isEqualTo(unit.slug() + "/index.html");
      boolean quiz = unit.quiz().questions().stream().anyMatch(CcAssessment::supported);
      XmlAssert.assertThat(manifest)
          .withNamespaceContext(CP)
          .nodesByXPath(item + "/cp:item")
          .hasSize(quiz ? 2 : 1);
      if (quiz) {
        String resource =
            "/cp:manifest/cp:resources/cp:resource[@identifier='" + CcManifest.quizId(unit) + "']";
        XmlAssert.assertThat(manifest)
            .withNamespaceContext(CP)
            .valueByXPath(resource + "/@type")
            .isEqualTo("imsqti_xmlv1p2/imscc_xmlv1p1/assessment");
        XmlAssert.assertThat(manifest)
            .withNamespaceContext(CP)
            .valueByXPath(resource + "/cp:file/@href")
            .isEqualTo(unit.slug() + "/assessment.xml");
      }
    }
  }

  @Test
  void theManifestCarriesTheCourseTitleSummaryLanguageAndLicence() throws IOException {
    byte[] manifest = TestFiles.unzip(write(example, out)).get("imsmanifest.xml");
    Map<String, String> ns = Map.of("cp", CcManifest.CP_NS, "lom", CcManifest.LOM_NS);
    String lom = "/cp:manifest/cp:metadata/lom:lom";
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .valueByXPath(lom + "/lom:general/lom:title/lom:string")
        .isEqualTo(example.title());
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .valueByXPath(lom + "/lom:general/lom:description/lom:string")
        .isEqualTo(example.summary());
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .valueByXPath(lom + "/lom:general/lom:language")
        .isEqualTo("fr");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .valueByXPath(lom + "/lom:rights/lom:copyrightAndOtherRestrictions/lom:value")
        .isEqualTo("yes");
    XmlAssert.assertThat(manifest)
        .withNamespaceContext(ns)
        .valueByXPath(lom + "/lom:rights/lom:description/lom:string")
        .startsWith("CC BY-SA 4.0");
  }

  @Test
  void eachAssessmentHoldsItsUnitsQuestionsButMatchingWithTheRightAnswerScored()
      throws IOException {
    Map<String, byte[]> files = TestFiles.unzip(write(example, out));
    int checked = 0;
    for (Unit unit : example.units()) {
      // The blueprint, as an attempt of the unit's page asks it first, without matching.
      List<Question> kept =
          unit.quiz().questions().stream()
              .filter(CcAssessment::supported)
              .limit(unit.quiz().drawCount())
              .toList();
      assertThat(kept.size()).isLessThanOrEqualTo(unit.quiz().drawCount());
      byte[] qti = files.get(unit.slug() + "/assessment.xml");
      if (kept.isEmpty()) {
        assertThat(qti).as(unit.slug()).isNull();
        continue;
      }
      String items = "/q:questestinterop/q:assessment/q:section/q:item";
      XmlAssert.assertThat(qti).withNamespaceContext(QTI).nodesByXPath(items).hasSize(kept.size());
      XmlAssert.assertThat(qti)
          .withNamespaceContext(QTI)
          .valueByXPath(
              "/q:questestinterop/q:assessment/q:qtimetadata/q:qtimetadatafield"
                  + "[q:fieldlabel='cc_profile']/q:fieldentry")
          .isEqualTo("cc.exam.v0p1");
      for (int i = 0; i < kept.size(); i++) {
        Question q = kept.get(i);
        String item = items + "[" + (i + 1) + "]";
        XmlAssert.assertThat(qti)
            .withNamespaceContext(QTI)
            .valueByXPath(item + "/@title")
            .isEqualTo(q.id());
        String right;
        if (q instanceof Question.MultipleChoice mc) {
          right = CcAssessment.label(mc.choices().indexOf(mc.answer()));
          XmlAssert.assertThat(qti)
              .withNamespaceContext(QTI)
              .valueByXPath(item + "//q:qtimetadatafield[q:fieldlabel='cc_profile']/q:fieldentry")
              .isEqualTo("cc.multiple_choice.v0p1");
        } else {
          Question.TrueFalse tf = (Question.TrueFalse) q;
          right = tf.answer() ? "true" : "false";
          XmlAssert.assertThat(qti)
              .withNamespaceContext(QTI)
              .valueByXPath(item + "//q:qtimetadatafield[q:fieldlabel='cc_profile']/q:fieldentry")
              .isEqualTo("cc.true_false.v0p1");
          XmlAssert.assertThat(qti)
              .withNamespaceContext(QTI)
              .valueByXPath(
                  "concat(("
                      + item
                      + "//q:response_label)[1]/@ident, ',', ("
                      + item
                      + "//q:response_label)[2]/@ident, ',', count("
                      + item
                      + "//q:response_label))")
              .isEqualTo("true,false,2");
        }
        // Exactly one scored condition, on the right label.
        XmlAssert.assertThat(qti)
            .withNamespaceContext(QTI)
            .nodesByXPath(item + "/q:resprocessing/q:respcondition[q:setvar]")
            .hasSize(1);
        XmlAssert.assertThat(qti)
            .withNamespaceContext(QTI)
            .valueByXPath(item + "/q:resprocessing/q:respcondition[q:setvar='100']//q:varequal")
            .isEqualTo(right);
        // The explanation is the general feedback.
        XmlAssert.assertThat(qti)
            .withNamespaceContext(QTI)
            .valueByXPath(
                item
                    + "/q:itemfeedback[@ident=../q:resprocessing/q:respcondition"
                    + "[@continue='Yes']/q:displayfeedback/@linkrefid]//q:mattext")
            .contains(io.github.coursepack.quiz.Html.escape(q.feedback()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void trueFalseLabelsAreTrueAndFalseReadAsVraiAndFaux() throws IOException {
    Map<String, byte[]> files = TestFiles.unzip(write(example, out));
    int seen = 0;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (!f.getKey().endsWith("/assessment.xml")) {
        continue;
      }
      String xml = text(f.getValue());
      Matcher m = Pattern.compile("<response_label ident=\"([^\"]+)\"").matcher(xml);
      while (m.find()) {
        assertThat(m.group(1)).matches("true|false|[A-Z]");
      }
      if (xml.contains("cc.true_false.v0p1")) {
        assertThat(xml).contains("<![CDATA[Vrai]]>", "<![CDATA[Faux]]>");
        seen++;
      }
    }
    assertThat(seen).isPositive();
  }

  @Test
  void thePageLinksTheVideoAndHoldsTheTranscriptWithoutScriptOrIframe() throws IOException {
    Map<String, byte[]> files = TestFiles.unzip(write(example, out));
    Unit first = example.units().get(0);
    String page = text(files.get(first.slug() + "/index.html"));
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"fr\">")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<iframe")
        .contains(
            "href=\"https://peertube.example.org/w/205f885f-e2b6-4f4f-b167-6f4716a60d9e\"",
            "href=\"https://peertube.example.org/download/videos/"
                + "205f885f-e2b6-4f4f-b167-6f4716a60d9e-720.mp4\"",
            "<h2>Transcription</h2>",
            "<h2>Crédits</h2>",
            "Licence : ");
    String sentence = first.transcript().blocks().get(0).sentences().get(0).text();
    assertThat(page).contains(io.github.coursepack.quiz.Html.escape(sentence));
    for (Unit unit : example.units()) {
      assertThat(text(files.get(unit.slug() + "/index.html")))
          .as(unit.slug())
          .doesNotContainIgnoringCase("<iframe")
          .doesNotContainIgnoringCase("<script");
    }
  }

  @Test
  void writingTwiceGivesTheSameBytes(@TempDir Path again) throws IOException {
    byte[] first = Files.readAllBytes(write(example, out));
    byte[] second = Files.readAllBytes(write(example, again));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theValidatorRecognisesTheCartridgeAndFindsItValid() throws IOException {
    Validator.Report r = Validator.validate(write(example, out));
    assertThat(r.kind()).contains(Kind.IMSCC);
    assertThat(r.findings()).isEmpty();
    assertThat(r.valid()).isTrue();
  }

  @Test
  void matchingQuestionsOfTheBlueprintAreReplacedByTheNextOnesWithOneInfoLinePerUnit()
      throws IOException {
    Unit unit = example.units().get(0);
    List<Question> bank = new ArrayList<>();
    bank.add(matching(unit.id() + "-matching-1"));
    bank.add(matching(unit.id() + "-matching-2"));
    bank.addAll(unit.quiz().questions());
    Course course =
        example.withUnits(
            List.of(unit.withQuiz(new Quiz(bank, unit.quiz().passMark(), 3)), unonly(1)));
    Map<String, byte[]> files = TestFiles.unzip(write(course, out));
    String qti = text(files.get(unit.slug() + "/assessment.xml"));
    assertThat(qti).doesNotContain("-matching-");
    XmlAssert.assertThat(qti).withNamespaceContext(QTI).nodesByXPath("//q:item").hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(qti).contains(CcAssessment.ident(unit.quiz().questions().get(i)));
    }
    List<Diagnostic> infos =
        sink.list().stream().filter(d -> d.severity() == Severity.INFO).toList();
    assertThat(infos).hasSize(1);
    assertThat(infos.get(0).message())
        .contains("2 matching questions of the quiz replaced", "use the .mbz or Moodle XML");
  }

  @Test
  void aUnitWhoseQuestionsAreAllMatchingOrNoneGetsNoAssessment() throws IOException {
    Unit unit = example.units().get(0);
    Course course =
        example.withUnits(
            List.of(
                unit.withQuiz(new Quiz(List.of(matching("m-1")), 80)),
                withSlug(unit.withQuiz(Quiz.NONE), "sans-quiz")));
    Path cartridge = write(course, out);
    Map<String, byte[]> files = TestFiles.unzip(cartridge);
    assertThat(files.keySet())
        .containsExactlyInAnyOrder(
            "imsmanifest.xml", unit.slug() + "/index.html", "sans-quiz/index.html");
    assertThat(text(files.get("imsmanifest.xml"))).doesNotContain("assessment");
    assertThat(CcCheck.check(cartridge)).isEmpty();
  }

  @Test
  void aCourseWithoutUnitsWritesNothing() {
    assertThat(new CcFormat().write(example.withUnits(List.of()), TestFiles.context(out, sink)))
        .isEmpty();
    assertThat(out.resolve("cc")).doesNotExist();
  }

  @Test
  void ampersandsAnglesQuotesAndApostrophesAreEscaped(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("course.yaml"),
        "title: 'L’ENT & le <GAR> : \"qui fait quoi ?\"'\nsummary: Un résumé & des <balises>.\n");
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: 'L’école & l’« ENT » <2024> \"dit\"'\n"
            + "description: Un texte & un <test>.\n---\n\n## Transcription\n\n"
            + "Le directeur d’école & l’IEN disent que 3 < 4 et « 5 > 2 ».\n");
    Course course = CourseReader.read(dir, sink).course();
    Path cartridge = write(course, out);
    assertThat(CcCheck.check(cartridge)).isEmpty();
    Map<String, byte[]> files = TestFiles.unzip(cartridge);
    Map<String, String> ns = Map.of("cp", CcManifest.CP_NS, "lom", CcManifest.LOM_NS);
    XmlAssert.assertThat(files.get("imsmanifest.xml"))
        .withNamespaceContext(ns)
        .valueByXPath("/cp:manifest/cp:organizations/cp:organization/cp:item/cp:item[2]/cp:title")
        .isEqualTo("L’école & l’« ENT » <2024> \"dit\"");
    XmlAssert.assertThat(files.get("imsmanifest.xml"))
        .withNamespaceContext(ns)
        .valueByXPath("/cp:manifest/cp:metadata/lom:lom/lom:general/lom:title/lom:string")
        .isEqualTo("L’ENT & le GAR : \"qui fait quoi ?\"");
    assertThat(sink.list())
        .anySatisfy(
            d -> assertThat(d.message()).contains("'L’ENT & le GAR : \"qui fait quoi ?\"'"));
    String page =
        text(
            files.values().stream()
                .filter(b -> text(b).startsWith("<!DOCTYPE"))
                .findFirst()
                .orElseThrow());
    assertThat(page)
        .contains("<title>L’école &amp; l’« ENT » &lt;2024&gt; &quot;dit&quot;</title>")
        .contains("Le directeur d’école &amp; l’IEN disent que 3 &lt; 4 et « 5 &gt; 2 ».");
  }

  @Test
  void tagLikeTextGetsAWordJoinerSoThatMoodlesExtraDecodingLeavesItText() throws IOException {
    Unit unit = example.units().get(0);
    Question q =
        new Question.TrueFalse(
            "q-gar",
            "Le <GAR> et l’<ENT> : 3 < 4 & « 5 > 2 ».",
            true,
            "",
            "Voir le <GAR>.",
            List.of(),
            Polarity.POSITIVE);
    Course course =
        example.withUnits(List.of(withSlug(unit.withQuiz(new Quiz(List.of(q), 80)), "gar")));
    Map<String, byte[]> files = TestFiles.unzip(write(course, out));
    String wj = CcText.WORD_JOINER;
    assertThat(text(files.get("gar/assessment.xml")))
        .contains(
            "<p>Le &lt;"
                + wj
                + "GAR&gt; et l’&lt;"
                + wj
                + "ENT&gt; : 3 &lt; 4 &amp; « 5 &gt; 2 ».</p>",
            "<p>Voir le &lt;" + wj + "GAR&gt;.</p>");
    assertThat(CcText.guard("Le <GAR> : 3 < 4")).isEqualTo("Le <" + wj + "GAR> : 3 < 4");
  }

  @Test
  void aLocalVideoTravelsBesideThePageAndIsLinkedRelatively(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("videos"));
    Files.write(dir.resolve("videos/cpd.mp4"), new byte[50_000]);
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: Vidéo locale\nvideoFile: videos/cpd.mp4\n"
            + "---\n\n## Transcription\n\nLe CPD forme.\n");
    Course course = CourseReader.read(dir, sink).course();
    Path cartridge = write(course, out);
    assertThat(CcCheck.check(cartridge)).isEmpty();
    Map<String, byte[]> files = TestFiles.unzip(cartridge);
    String media = course.units().get(0).video().orElseThrow().local().orElseThrow().name();
    assertThat(files).containsKey("video-locale/media/" + media);
    assertThat(text(files.get("video-locale/index.html")))
        .contains("<a href=\"media/" + media + "\">");
    assertThat(text(files.get("imsmanifest.xml")))
        .contains("<file href=\"video-locale/media/" + media + "\"/>");
  }

  private Unit unonly(int i) {
    return example.units().get(i).withQuiz(Quiz.NONE);
  }

  private static Question.Matching matching(String id) {
    return new Question.Matching(
        id,
        "Associez chaque acteur à son rôle.",
        List.of(
            new Question.Matching.Pair("a", "La commune", "équipe les écoles"),
            new Question.Matching.Pair("b", "L’IEN", "évalue les enseignants"),
            new Question.Matching.Pair("c", "Le CPD", "forme et conseille")),
        "La commune équipe, l’IEN évalue, le CPD forme.",
        List.of(),
        Polarity.POSITIVE);
  }

  private static Unit withSlug(Unit u, String slug) {
    return new Unit(
        u.id() + "-" + slug,
        slug,
        u.sourceName(),
        u.title(),
        u.description(),
        u.area(),
        u.video(),
        u.transcript(),
        u.article(),
        u.credits(),
        u.metadata(),
        u.quiz());
  }
}
