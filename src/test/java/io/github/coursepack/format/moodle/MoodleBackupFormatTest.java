package io.github.coursepack.format.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.Golden;
import io.github.coursepack.MoodleLab;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.io.SafeXml;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.ExportFixtures;
import io.github.coursepack.quiz.QuizFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodleBackupFormatTest {

  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private static Course quizCourse;

  /** The quiz fixture course with its questions: built once, LanguageTool takes seconds. */
  private Course quizCourse() {
    if (quizCourse == null) {
      quizCourse = QuizFixtures.quizzes(TestFiles.fixtureCourse("quiz"), sink).course();
    }
    return quizCourse;
  }

  private Path build(Course course, Path to, boolean scorm) {
    List<Path> written =
        new MoodleBackupFormat()
            .write(
                course,
                TestFiles.context(
                    to, sink, new FormatContext.Options(scorm, java.util.Optional.empty())));
    assertThat(sink.hasErrors()).as(sink.toString()).isFalse();
    assertThat(written).hasSize(1);
    return written.get(0);
  }

  private static SafeXml.Element xml(Map<String, byte[]> files, String name) throws Exception {
    assertThat(files).containsKey(name);
    return SafeXml.parse(files.get(name));
  }

  @Test
  void writesOneBackupNamedAfterTheCourseThatPassesTheCheck() {
    Path mbz = build(quizCourse(), out, false);
    assertThat(mbz).isEqualTo(out.resolve("mbz/" + quizCourse().slug() + ".mbz"));
    assertThat(MbzCheck.check(mbz)).isEmpty();
  }

  @Test
  void everyUnitGetsASectionWithItsPageAndQuizInOrder() throws Exception {
    Course course = quizCourse();
    Map<String, byte[]> files = TestFiles.untar(build(course, out, false));
    SafeXml.Element contents =
        xml(files, "moodle_backup.xml").child("information").child("contents");
    List<SafeXml.Element> sections = contents.child("sections").children("section");
    assertThat(sections).hasSize(course.units().size() + 1);
    List<String> activities = new ArrayList<>();
    for (SafeXml.Element a : contents.child("activities").children("activity")) {
      activities.add(a.child("modulename").text() + " " + a.child("title").text());
    }
    List<String> expected = new ArrayList<>();
    for (Unit unit : course.units()) {
      expected.add("page " + unit.title());
      if (!unit.quiz().isEmpty()) {
        expected.add("quiz Quiz : " + unit.title());
      }
    }
    assertThat(activities).containsExactlyElementsOf(expected);
    for (int i = 0; i < course.units().size(); i++) {
      SafeXml.Element s =
          xml(files, sections.get(i + 1).child("directory").text() + "/section.xml");
      assertThat(s.child("number").text()).isEqualTo(String.valueOf(i + 1));
      assertThat(s.child("name").text()).isEqualTo(course.units().get(i).title());
    }
  }

  @Test
  void aUnitWithoutQuestionsHasAPageAndNoQuizNorCategory() throws Exception {
    Course course = quizCourse();
    Unit empty = course.units().stream().filter(u -> u.quiz().isEmpty()).findFirst().orElseThrow();
    Map<String, byte[]> files = TestFiles.untar(build(course, out, false));
    String backup = new String(files.get("moodle_backup.xml"), StandardCharsets.UTF_8);
    assertThat(backup).contains("<title>" + empty.title() + "</title>");
    assertThat(backup).doesNotContain("Quiz : " + empty.title());
    SafeXml.Element bank = xml(files, "questions.xml");
    assertThat(bank.children("question_category"))
        .extracting(c -> c.child("name").text())
        .doesNotContain(empty.title());
  }

  @Test
  void eachQuizHoldsItsUnitsQuestionsFromItsOwnCategoryWithThePassMark() throws Exception {
    Course course = quizCourse();
    Map<String, byte[]> files = TestFiles.untar(build(course, out, false));
    SafeXml.Element bank = xml(files, "questions.xml");
    for (String name : files.keySet()) {
      if (!name.endsWith("/quiz.xml")) {
        continue;
      }
      SafeXml.Element activity = xml(files, name);
      SafeXml.Element quiz = activity.child("quiz");
      String title = quiz.child("name").text().substring("Quiz : ".length());
      Unit unit = course.units().stream().filter(u -> u.title().equals(title)).findFirst().get();
      SafeXml.Element category =
          bank.children("question_category").stream()
              .filter(c -> c.child("name").text().equals(title))
              .findFirst()
              .orElseThrow();
      List<String> entries =
          category.descendants("question_bank_entry").stream().map(e -> e.attr("id")).toList();
      List<SafeXml.Element> refs = quiz.descendants("question_reference");
      assertThat(refs).hasSize(unit.quiz().questions().size());
      assertThat(refs)
          .extracting(r -> r.child("questionbankentryid").text())
          .containsExactlyElementsOf(entries);
      assertThat(refs)
          .allSatisfy(
              r ->
                  assertThat(r.child("usingcontextid").text())
                      .isEqualTo(activity.attr("contextid")));
      assertThat(quiz.child("attempts_number").text()).isEqualTo("0");
      String dir = name.substring(0, name.lastIndexOf('/'));
      SafeXml.Element gradeItem = xml(files, dir + "/grades.xml").descendants("grade_item").get(0);
      assertThat(gradeItem.child("gradepass").text()).isEqualTo(course.passMark() + ".00000");
      assertThat(gradeItem.child("grademax").text()).isEqualTo(quiz.child("grade").text());
      SafeXml.Element module = xml(files, dir + "/module.xml");
      assertThat(module.child("completion").text()).isEqualTo("2");
      assertThat(module.child("completionpassgrade").text()).isEqualTo("1");
      assertThat(module.child("completiongradeitemnumber").text()).isEqualTo("0");
    }
  }

  @Test
  void pagesAreCompleteWhenViewedAndHoldTheVideoTranscriptAndCredits() throws Exception {
    Map<String, byte[]> files = TestFiles.untar(build(quizCourse(), out, false));
    String page =
        files.keySet().stream().filter(n -> n.endsWith("/page.xml")).findFirst().orElseThrow();
    String dir = page.substring(0, page.lastIndexOf('/'));
    SafeXml.Element module = xml(files, dir + "/module.xml");
    assertThat(module.child("completion").text()).isEqualTo("2");
    assertThat(module.child("completionview").text()).isEqualTo("1");
    String content = xml(files, page).child("page").child("content").text();
    assertThat(content)
        .contains("<iframe src=\"https://")
        .contains("allowfullscreen")
        .contains("<details class=\"transcript\">")
        .doesNotContain("<script")
        .doesNotContain("{{")
        .doesNotContain("}}");
    SafeXml.Element course = xml(files, "course/course.xml");
    assertThat(course.child("enablecompletion").text()).isEqualTo("1");
    assertThat(course.child("format").text()).isEqualTo("topics");
  }

  @Test
  void keyFilesMatchTheirGoldenFiles() throws Exception {
    Map<String, byte[]> files = TestFiles.untar(build(quizCourse(), out, false));
    for (String name :
        List.of(
            "moodle_backup.xml",
            "course/course.xml",
            "course/inforef.xml",
            "questions.xml",
            "files.xml",
            "sections/section_1/section.xml",
            "sections/section_2/section.xml",
            "activities/page_1/page.xml",
            "activities/page_1/module.xml",
            "activities/quiz_2/quiz.xml",
            "activities/quiz_2/module.xml",
            "activities/quiz_2/inforef.xml",
            "activities/quiz_2/grades.xml")) {
      assertThat(files).containsKey(name);
      Golden.assertXml("mbz/" + name.replace('/', '.'), files.get(name));
    }
  }

  @Test
  void theSameCourseGivesTheSameBytes(@TempDir Path other) throws IOException {
    Path a = build(quizCourse(), out, true);
    Path b = build(quizCourse(), other, true);
    assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
  }

  @Test
  void theArchiveHasOnlyPlainUstarFileEntriesWithAFixedTime() throws IOException {
    Path mbz = build(quizCourse(), out, true);
    byte[] head = Files.readAllBytes(mbz);
    assertThat(head[0] & 0xff).isEqualTo(0x1f);
    assertThat(head[1] & 0xff).isEqualTo(0x8b);
    assertThat(new byte[] {head[4], head[5], head[6], head[7]}).containsOnly(0);
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(mbz);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        assertThat(e.isFile()).as(e.getName()).isTrue();
        assertThat(e.isPaxHeader() || e.isGNULongNameEntry()).isFalse();
        assertThat(e.getName().length()).isLessThanOrEqualTo(100);
        assertThat(e.getModTime().getTime() / 1000)
            .isEqualTo(ReproducibleTime.DEFAULT_EPOCH_SECONDS);
        names.add(e.getName());
      }
    }
    assertThat(names).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void titlesWithMarkupCharactersAndAccentsComeBackAsWritten() throws Exception {
    Course course = ExportFixtures.course();
    Unit unit = course.units().get(0);
    Map<String, byte[]> files = TestFiles.untar(build(course, out, false));
    assertThat(MbzCheck.check(out.resolve("mbz/c.mbz"))).isEmpty();
    assertThat(xml(files, "course/course.xml").child("fullname").text()).isEqualTo(course.title());
    assertThat(xml(files, "sections/section_2/section.xml").child("name").text())
        .isEqualTo(unit.title());
    assertThat(xml(files, "sections/section_2/section.xml").child("summary").text())
        .isEqualTo("<p>Une &lt;description&gt;.</p>");
    assertThat(xml(files, "activities/quiz_2/quiz.xml").child("quiz").child("name").text())
        .isEqualTo("Quiz : " + unit.title());
    SafeXml.Element bank = xml(files, "questions.xml");
    List<SafeXml.Element> questions = bank.descendants("question");
    assertThat(questions.get(0).child("questiontext").text())
        .isEqualTo("<p>D'après la vidéo, qui gère la messagerie : {académique} ~ = # \\ ?</p>");
    assertThat(questions.get(0).descendants("answertext"))
        .extracting(SafeXml.Element::text)
        .contains("Le DPD &lt;expert&gt;", "L'IAN &amp; co");
    assertThat(questions.get(2).descendants("answertext"))
        .extracting(SafeXml.Element::text)
        .contains("Conseiller sur les données : RGPD");
  }

  @Test
  void aLocalVideoGoesIntoThePageFileAreaListedInItsInforef(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("videos"));
    byte[] video = new byte[50_000];
    video[0] = 42;
    Files.write(dir.resolve("videos/cpd.mp4"), video);
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: Vidéo locale\nvideoFile: videos/cpd.mp4\n---\n\n## Transcription\n\nTexte.\n");
    Course course = io.github.coursepack.source.CourseReader.read(dir, sink).course();
    Path mbz = build(course, out, false);
    assertThat(MbzCheck.check(mbz)).isEmpty();
    Map<String, byte[]> files = TestFiles.untar(mbz);
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(video));
    assertThat(files.get("files/" + sha1.substring(0, 2) + "/" + sha1)).isEqualTo(video);
    SafeXml.Element page = xml(files, "activities/page_1/page.xml");
    String context = page.attr("contextid");
    List<SafeXml.Element> rows = xml(files, "files.xml").children("file");
    SafeXml.Element row =
        rows.stream().filter(r -> r.child("contenthash").text().equals(sha1)).findFirst().get();
    assertThat(row.child("contextid").text()).isEqualTo(context);
    assertThat(row.child("component").text()).isEqualTo("mod_page");
    assertThat(row.child("filearea").text()).isEqualTo("content");
    assertThat(row.child("filepath").text()).isEqualTo("/media/");
    assertThat(row.child("filesize").text()).isEqualTo("50000");
    assertThat(rows)
        .extracting(r -> r.child("filepath").text() + r.child("filename").text())
        .contains("/.", "/media/.");
    assertThat(new String(files.get("activities/page_1/inforef.xml"), StandardCharsets.UTF_8))
        .contains("<id>" + row.attr("id") + "</id>");
    String file = row.child("filename").text();
    assertThat(page.child("page").child("content").text())
        .contains("<source src=\"@@PLUGINFILE@@/media/" + file + "\" type=\"video/mp4\">");
  }

  @Test
  void withScormEachUnitAlsoGetsAParsedScormActivity() throws Exception {
    Course course = quizCourse();
    Path mbz = build(course, out, true);
    assertThat(MbzCheck.check(mbz)).isEmpty();
    Map<String, byte[]> files = TestFiles.untar(mbz);
    List<String> scorms =
        files.keySet().stream().filter(n -> n.endsWith("/scorm.xml")).sorted().toList();
    assertThat(scorms).hasSize(course.units().size());
    SafeXml.Element scorm = xml(files, scorms.get(0)).child("scorm");
    List<SafeXml.Element> scoes = scorm.descendants("sco");
    assertThat(scoes).hasSize(2);
    assertThat(scoes.get(0).child("parent").text()).isEqualTo("/");
    assertThat(scoes.get(1).child("launch").text()).isEqualTo("index.html");
    assertThat(scoes.get(1).child("scormtype").text()).isEqualTo("sco");
    assertThat(scorm.child("launch").text()).isEqualTo(scoes.get(1).attr("id"));
    String sha1 = scorm.child("sha1hash").text();
    byte[] pkg = files.get("files/" + sha1.substring(0, 2) + "/" + sha1);
    assertThat(TestFiles.unzipBytes(pkg)).containsKeys("imsmanifest.xml", "index.html");
  }

  @Test
  void theSeedsCourseGivesAValidBackup() {
    Course seeds = QuizFixtures.quizzes(TestFiles.shared("seeds"), sink).course();
    Path mbz = build(seeds, out, true);
    assertThat(MbzCheck.check(mbz)).isEmpty();
  }

  @Test
  void aRealMoodleRestoresEverySectionActivityAndQuestionWithoutWarning() throws Exception {
    Path script = MoodleLab.script("restore-check.sh");
    restoresCompletely(args -> MoodleLab.run(script, args));
  }

  @Test
  void aRealMoodle41RestoresEverySectionActivityAndQuestionWithoutWarning() throws Exception {
    Path script = MoodleLab.script41("restore-check.sh");
    restoresCompletely(args -> MoodleLab.run41(script, args));
  }

  /** Runs the lab's restore-check.sh with the given arguments. */
  private interface Restore {
    String run(String... args) throws Exception;
  }

  private void restoresCompletely(Restore restore) throws Exception {
    Course course = quizCourse();
    int questions = course.units().stream().mapToInt(u -> u.quiz().questions().size()).sum();
    int quizzes = (int) course.units().stream().filter(u -> !u.quiz().isEmpty()).count();
    for (boolean scorm : List.of(false, true)) {
      Path mbz = build(course, out.resolve(scorm ? "with-scorm" : "plain"), scorm);
      String output = restore.run(mbz.toString(), "--strict", "--delete-after");
      Matcher ok =
          Pattern.compile(
                  "RESTORE OK sections=(\\d+) modules=(\\d+) questions=(\\d+) .*"
                      + "logwarnings=0 problems=0")
              .matcher(output);
      assertThat(ok.find()).as(output).isTrue();
      int units = course.units().size();
      assertThat(Integer.parseInt(ok.group(1))).isEqualTo(units + 1);
      assertThat(Integer.parseInt(ok.group(2))).isEqualTo(units + quizzes + (scorm ? units : 0));
      assertThat(Integer.parseInt(ok.group(3))).isEqualTo(questions);
      assertThat(output).doesNotContain("MISSING question").contains("iframe=yes");
    }
  }
}
