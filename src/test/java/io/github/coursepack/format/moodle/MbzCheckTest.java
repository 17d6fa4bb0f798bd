package io.github.coursepack.format.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.quiz.ExportFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each broken backup is a good one (a course with a quiz of each question kind and a SCORM
 * activity, so that it has files; or the same course whose quiz draws, for random slots) with one
 * thing changed; it must give exactly its rule.
 */
class MbzCheckTest {

  @TempDir Path dir;

  private Map<String, byte[]> good;

  @BeforeEach
  void buildAGoodBackup() throws IOException {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    List<Path> written =
        new MoodleBackupFormat()
            .write(
                ExportFixtures.course(),
                TestFiles.context(
                    dir.resolve("good"),
                    sink,
                    new FormatContext.Options(true, java.util.Optional.empty())));
    assertThat(sink.hasErrors()).as(sink.toString()).isFalse();
    good = TestFiles.untar(written.get(0));
  }

  /** A good backup whose quiz draws 2 of its 3 questions at random: its slots are random. */
  private Map<String, byte[]> drawing() throws IOException {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    List<Path> written =
        new MoodleBackupFormat()
            .write(
                BackupFixtures.drawing(),
                TestFiles.context(
                    dir.resolve("drawing"),
                    sink,
                    new FormatContext.Options(false, java.util.Optional.empty())));
    assertThat(sink.hasErrors()).as(sink.toString()).isFalse();
    return TestFiles.untar(written.get(0));
  }

  private List<String> rulesOf(Consumer<Map<String, byte[]>> change) throws IOException {
    return rulesOf(good, change);
  }

  private List<String> drawingRulesOf(Consumer<Map<String, byte[]>> change) throws IOException {
    return rulesOf(drawing(), change);
  }

  private List<String> rulesOf(Map<String, byte[]> start, Consumer<Map<String, byte[]>> change)
      throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>(start);
    change.accept(files);
    Path mbz = TestFiles.tar(dir.resolve("broken.mbz"), files);
    List<String> rules = MbzCheck.check(mbz).stream().map(PackageFinding::rule).distinct().toList();
    ArchiveContent content = new ArchiveContent();
    try {
      files.forEach(content::add);
    } catch (IllegalArgumentException unsafeName) {
      return rules; // the writer cannot archive such a name: nothing to check from memory
    }
    // The writer's self-check, from the content in memory, finds the same; only a blob whose
    // content is not its name is beyond it, since the writer names blobs by their content.
    assertThat(MbzCheck.check(content).stream().map(PackageFinding::rule).distinct().toList())
        .as("checked from the content in memory")
        .isEqualTo(rules.stream().filter(r -> !r.equals("MBZ-FILE-SHA1")).toList());
    return rules;
  }

  private static void replace(Map<String, byte[]> files, String name, String from, String to) {
    String text = new String(files.get(name), StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    files.put(
        name,
        text.replaceFirst(java.util.regex.Pattern.quote(from), to)
            .getBytes(StandardCharsets.UTF_8));
  }

  private String firstBlob() {
    return good.keySet().stream().filter(n -> n.startsWith("files/")).findFirst().orElseThrow();
  }

  @Test
  void theGoodBackupHasNoFinding() throws IOException {
    assertThat(rulesOf(files -> {})).isEmpty();
  }

  @Test
  void aBackupMadeByARealMoodleHasNoFinding() {
    Path reference = TestFiles.shared("reference").resolve("reference-course.mbz");
    assertThat(MbzCheck.check(reference)).isEmpty();
  }

  @Test
  void aPre40FormatDeclarationIsRefused() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f,
                        "moodle_backup.xml",
                        "<backup_release>4.1</backup_release>",
                        "<backup_release>3.11</backup_release>")))
        .containsExactly("MBZ-VERSION-PRE40");
  }

  @Test
  void aMissingRequiredFileIsNamed() throws IOException {
    List<PackageFinding> findings;
    Map<String, byte[]> files = new LinkedHashMap<>(good);
    files.remove("groups.xml");
    findings = MbzCheck.check(TestFiles.tar(dir.resolve("b.mbz"), files));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).rule()).isEqualTo("MBZ-FILE-REQUIRED");
    assertThat(findings.get(0).entry()).isEqualTo("groups.xml");
  }

  @Test
  void aQuizSlotInAnotherContextIsFound() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f,
                        "activities/quiz_2/quiz.xml",
                        "<usingcontextid>4</usingcontextid>",
                        "<usingcontextid>99</usingcontextid>")))
        .containsExactly("MBZ-QUIZ-CONTEXT");
  }

  @Test
  void aQuizSlotPointingAtNoBankEntryIsFound() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f,
                        "activities/quiz_2/quiz.xml",
                        "<questionbankentryid>1</questionbankentryid>",
                        "<questionbankentryid>999</questionbankentryid>")))
        .containsExactly("MBZ-QUIZ-ENTRY");
  }

  static final String QUIZ = "activities/quiz_2/quiz.xml";

  static final String FILTER = "{\"questioncategoryid\":\"3\",\"includingsubcategories\":0}";

  /** Changes every random slot's filter, not only the first. */
  private static void replaceAll(Map<String, byte[]> files, String name, String from, String to) {
    String text = new String(files.get(name), StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    files.put(name, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theGoodBackupWithRandomSlotsHasNoFinding() throws IOException {
    assertThat(new String(drawing().get(QUIZ), StandardCharsets.UTF_8))
        .contains("<question_set_reference")
        .doesNotContain("<question_reference");
    assertThat(drawingRulesOf(files -> {})).isEmpty();
  }

  @Test
  void aRandomSlotWithTheFilterOfMoodle43AndLaterIsAccepted() throws IOException {
    assertThat(
            drawingRulesOf(
                f ->
                    replace(
                        f,
                        QUIZ,
                        FILTER,
                        "{\"filter\":{\"category\":{\"jointype\":1,\"values\":[\"3\"],"
                            + "\"filteroptions\":{\"includesubcategories\":false}}},"
                            + "\"cat\":\"3,2\",\"tabname\":\"questions\",\"qpage\":0,"
                            + "\"qperpage\":100,\"jointype\":2}")))
        .isEmpty();
  }

  @Test
  void aRandomSlotWhoseFilterIsNotJsonIsFound() throws IOException {
    assertThat(drawingRulesOf(f -> replace(f, QUIZ, FILTER, "{\"questioncategoryid\":\"3\",")))
        .containsExactly("MBZ-QUIZ-RANDOM-FILTER");
  }

  @Test
  void aRandomSlotWithoutIncludingSubcategoriesIsFound() throws IOException {
    assertThat(drawingRulesOf(f -> replace(f, QUIZ, FILTER, "{\"questioncategoryid\":\"3\"}")))
        .containsExactly("MBZ-QUIZ-RANDOM-FILTER");
  }

  @Test
  void aRandomSlotOnACategoryThatIsNotInTheBankIsFound() throws IOException {
    assertThat(drawingRulesOf(f -> replaceAll(f, QUIZ, FILTER, FILTER.replace("\"3\"", "\"99\""))))
        .containsExactly("MBZ-QUIZ-RANDOM-CATEGORY");
  }

  @Test
  void aRandomSlotOnACategoryNoInforefListsIsFoundOnce() throws IOException {
    List<PackageFinding> findings;
    Map<String, byte[]> files = new LinkedHashMap<>(drawing());
    String category = "<question_category>\n      <id>3</id>\n    </question_category>";
    replace(files, "activities/quiz_2/inforef.xml", category, "");
    replace(files, "course/inforef.xml", category, "");
    findings = MbzCheck.check(TestFiles.tar(dir.resolve("b.mbz"), files));
    // One finding for the quiz's two slots, and not the bank's too: it is the same mistake.
    assertThat(findings)
        .extracting(PackageFinding::rule)
        .containsExactly("MBZ-QUIZ-RANDOM-INFOREF");
  }

  @Test
  void aRandomSlotWhoseQuestionsContextIsNotItsCategorysIsFound() throws IOException {
    assertThat(
            drawingRulesOf(
                f ->
                    replace(
                        f,
                        QUIZ,
                        "<questionscontextid>2</questionscontextid>",
                        "<questionscontextid>4</questionscontextid>")))
        .containsExactly("MBZ-QUIZ-RANDOM-CONTEXT");
  }

  @Test
  void aRandomSlotInAnotherContextIsFound() throws IOException {
    assertThat(
            drawingRulesOf(
                f ->
                    replace(
                        f,
                        QUIZ,
                        "<usingcontextid>4</usingcontextid>",
                        "<usingcontextid>99</usingcontextid>")))
        .containsExactly("MBZ-QUIZ-CONTEXT");
  }

  @Test
  void aCategoryWithFewerQuestionsThanItsRandomSlotsIsFound() throws IOException {
    // Two random slots on a category left with one question: every attempt would fail.
    assertThat(
            drawingRulesOf(
                f -> {
                  String xml = new String(f.get("questions.xml"), StandardCharsets.UTF_8);
                  String fewer =
                      xml.replaceAll(
                          "(?s)<question_bank_entry id=\"[23]\">.*?</question_bank_entry>", "");
                  assertThat(fewer).isNotEqualTo(xml);
                  f.put("questions.xml", fewer.getBytes(StandardCharsets.UTF_8));
                }))
        .containsExactly("MBZ-QUIZ-RANDOM-POOL");
  }

  @Test
  void hiddenQuestionsAreNotCountedAsQuestionsARandomSlotCanDraw() throws IOException {
    assertThat(
            drawingRulesOf(
                f -> {
                  replace(f, "questions.xml", "<status>ready</status>", "<status>hidden</status>");
                  replace(f, "questions.xml", "<status>ready</status>", "<status>hidden</status>");
                }))
        .containsExactly("MBZ-QUIZ-RANDOM-POOL");
  }

  @Test
  void questionsInACategoryNoInforefListsAreFound() throws IOException {
    assertThat(
            rulesOf(
                f -> {
                  replace(
                      f,
                      "activities/quiz_2/inforef.xml",
                      "<question_category>\n      <id>3</id>\n    </question_category>",
                      "");
                  replace(
                      f,
                      "course/inforef.xml",
                      "<question_category>\n      <id>3</id>\n    </question_category>",
                      "");
                }))
        .containsExactly("MBZ-QUESTION-CATEGORY-UNREFERENCED");
  }

  @Test
  void aTrueFalseAnswerIdThatIsNotOneOfItsAnswersIsFound() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f,
                        "questions.xml",
                        "<trueanswer>4</trueanswer>",
                        "<trueanswer>40</trueanswer>")))
        .containsExactly("MBZ-TRUEFALSE-ANSWER");
  }

  @Test
  void aFileInAnotherContextIsFound() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f, "files.xml", "<contextid>5</contextid>", "<contextid>77</contextid>")))
        .containsExactly("MBZ-FILE-CONTEXT");
  }

  @Test
  void aFileMissingFromItsActivityInforefIsFound() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f,
                        "activities/scorm_3/inforef.xml",
                        "<file>\n      <id>2</id>\n    </file>",
                        "")))
        .containsExactly("MBZ-FILE-INFOREF");
  }

  @Test
  void aMissingBlobIsFound() throws IOException {
    String blob = firstBlob();
    assertThat(rulesOf(f -> f.remove(blob))).containsExactly("MBZ-FILE-BLOB-MISSING");
  }

  @Test
  void aBlobWhoseContentIsNotItsSha1IsFound() throws IOException {
    String blob = firstBlob();
    assertThat(rulesOf(f -> f.get(blob)[0] ^= 1)).contains("MBZ-FILE-SHA1");
  }

  @Test
  void aScormActivityWithoutScoesIsFound() throws IOException {
    assertThat(
            rulesOf(
                f -> {
                  String xml =
                      new String(f.get("activities/scorm_3/scorm.xml"), StandardCharsets.UTF_8);
                  f.put(
                      "activities/scorm_3/scorm.xml",
                      xml.replaceAll("(?s)<scoes>.*</scoes>", "<scoes/>")
                          .getBytes(StandardCharsets.UTF_8));
                }))
        .containsExactly("MBZ-SCORM-UNPARSED");
  }

  @Test
  void anActivityInTheWrongFolderIsFound() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f,
                        "moodle_backup.xml",
                        "<directory>activities/page_1</directory>",
                        "<directory>activities/page_01</directory>")))
        .contains("MBZ-ACTIVITY-DIRECTORY", "MBZ-FILE-REQUIRED");
  }

  @Test
  void anActivityWithoutItsIncludedSettingIsFound() throws IOException {
    assertThat(
            rulesOf(
                f ->
                    replace(
                        f,
                        "moodle_backup.xml",
                        "<name>quiz_2_included</name>\n        <value>1</value>",
                        "<name>quiz_2_included</name>\n        <value>0</value>")))
        .containsExactly("MBZ-SETTINGS-ACTIVITY");
  }

  @Test
  void aDtdIsRefusedSoBillionLaughsAndXxeCannotRun() throws IOException {
    String laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<outcomes_definition>&lol2;&xxe;"
            + "</outcomes_definition>";
    List<PackageFinding> findings;
    Map<String, byte[]> files = new LinkedHashMap<>(good);
    files.put("outcomes.xml", laughs.getBytes(StandardCharsets.UTF_8));
    findings = MbzCheck.check(TestFiles.tar(dir.resolve("b.mbz"), files));
    assertThat(findings).extracting(PackageFinding::rule).containsExactly("MBZ-XML-MALFORMED");
    assertThat(findings.get(0).entry()).isEqualTo("outcomes.xml");
    assertThat(findings.get(0).line()).isEqualTo(2);
  }

  @Test
  void pathTraversalAbsoluteAndBackslashNamesAreRefusedAndNothingIsWritten() throws IOException {
    for (String name : List.of("../evil.xml", "/etc/evil.xml", "a\\..\\evil.xml")) {
      Map<String, byte[]> files = new LinkedHashMap<>(good);
      files.put(name, "<x/>".getBytes(StandardCharsets.UTF_8));
      assertThat(rulesOf(f -> f.putAll(files))).as(name).containsExactly("ARCHIVE-UNSAFE-NAME");
    }
    assertThat(dir.getParent().resolve("evil.xml")).doesNotExist();
  }

  @Test
  void linksDuplicatesAndGarbageAreRefused() throws IOException {
    Path withLink = dir.resolve("link.mbz");
    try (var out = Files.newOutputStream(withLink);
        var gz = new GzipCompressorOutputStream(out);
        var tar = new TarArchiveOutputStream(gz)) {
      for (Map.Entry<String, byte[]> f : good.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(f.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
      TarArchiveEntry link = new TarArchiveEntry("files/passwd", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      TarArchiveEntry again = new TarArchiveEntry("groups.xml");
      again.setSize(good.get("groups.xml").length);
      tar.putArchiveEntry(again);
      tar.write(good.get("groups.xml"));
      tar.closeArchiveEntry();
    }
    assertThat(MbzCheck.check(withLink))
        .extracting(PackageFinding::rule)
        .containsExactlyInAnyOrder("ARCHIVE-LINK", "ARCHIVE-DUPLICATE");

    Path garbage = Files.write(dir.resolve("garbage.mbz"), "not a backup".getBytes());
    assertThat(MbzCheck.check(garbage))
        .extracting(PackageFinding::rule)
        .containsExactly("ARCHIVE-UNREADABLE");
  }
}
