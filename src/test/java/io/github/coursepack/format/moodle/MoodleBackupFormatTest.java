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
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.ExportFixtures;
import io.github.coursepack.quiz.QuizFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodleBackupFormatTest {

  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private static Course quizCourse;

  @TempDir static Path drawingCourse;

  /**
   * The quiz fixture course with {@code quizSize: 3}, so that a unit's bank is larger than an
   * attempt and its quiz draws; built once, LanguageTool takes seconds. The tests read bank sizes
   * and draw counts from the built model, never from the generator's current output.
   */
  private Course quizCourse() throws IOException {
    if (quizCourse == null) {
      Path fixture = TestFiles.fixtureCourse("quiz");
      try (Stream<Path> files = Files.list(fixture)) {
        for (Path f : files.toList()) {
          Files.copy(f, drawingCourse.resolve(f.getFileName()));
        }
      }
      Files.writeString(
          drawingCourse.resolve("course.yaml"), "quizSize: 3\n", StandardOpenOption.APPEND);
      quizCourse = QuizFixtures.quizzes(drawingCourse, sink).course();
      assertThat(quizCourse.units())
          .as("a unit of the fixture course draws its quiz from a larger bank")
          .anyMatch(u -> u.quiz().draws());
    }
    return quizCourse;
  }

  /** The same course with every quiz asking its whole bank, as a course without draws. */
  private Course withoutDraws(Course course) {
    return course.withUnits(
        course.units().stream()
            .map(u -> u.withQuiz(new Quiz(u.quiz().questions(), u.quiz().passMark())))
            .toList());
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
  void writesOneBackupNamedAfterTheCourseThatPassesTheCheck() throws IOException {
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
  void aQuizThatDrawsGetsDrawCountRandomSlotsOnItsUnitsCategory() throws Exception {
    Course course = quizCourse();
    Map<String, byte[]> files = TestFiles.untar(build(course, out, false));
    String courseContext =
        xml(files, "moodle_backup.xml")
            .child("information")
            .child("original_course_contextid")
            .text();
    int drawing = 0;
    for (Map.Entry<Unit, String> e : quizzes(course, files).entrySet()) {
      Unit unit = e.getKey();
      if (!unit.quiz().draws()) {
        continue;
      }
      drawing++;
      SafeXml.Element activity = xml(files, e.getValue());
      SafeXml.Element quiz = activity.child("quiz");
      String category = categoryOf(files, unit).attr("id");
      List<SafeXml.Element> sets = quiz.descendants("question_set_reference");
      assertThat(sets).hasSize(unit.quiz().drawCount());
      assertThat(quiz.descendants("question_reference")).isEmpty();
      assertThat(quiz.descendants("question_instance"))
          .extracting(i -> i.child("slot").text())
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, unit.quiz().drawCount()).mapToObj(String::valueOf).toList());
      for (SafeXml.Element set : sets) {
        assertThat(set.child("filtercondition").text())
            .isEqualTo(
                "{\"questioncategoryid\":\"" + category + "\",\"includingsubcategories\":0}");
        assertThat(set.child("usingcontextid").text()).isEqualTo(activity.attr("contextid"));
        assertThat(set.child("questionscontextid").text()).isEqualTo(courseContext);
        assertThat(set.child("component").text()).isEqualTo("mod_quiz");
        assertThat(set.child("questionarea").text()).isEqualTo("slot");
      }
      String dir = e.getValue().substring(0, e.getValue().lastIndexOf('/'));
      assertThat(new String(files.get(dir + "/inforef.xml"), StandardCharsets.UTF_8))
          .contains("<id>" + category + "</id>");
      // The whole bank is there to draw from, and no placeholder question of type random.
      assertThat(categoryOf(files, unit).descendants("question_bank_entry"))
          .hasSize(unit.quiz().questions().size());
      assertThat(xml(files, "questions.xml").descendants("qtype"))
          .extracting(SafeXml.Element::text)
          .doesNotContain("random");
      assertThat(quiz.child("sumgrades").text()).isEqualTo(unit.quiz().drawCount() + ".00000");
      assertThat(quiz.child("attemptonlast").text()).isEqualTo("0");
      assertThat(quiz.child("intro").text())
          .contains(
              "Chaque tentative pose "
                  + unit.quiz().drawCount()
                  + " questions sur le rôle de chacun, d’après la vidéo, tirées au hasard parmi les "
                  + unit.quiz().questions().size()
                  + " de la banque de l’unité");
      gradeAndCompletion(files, course, dir, quiz);
    }
    assertThat(drawing).isPositive();
  }

  @Test
  void aQuizThatDoesNotDrawHoldsItsUnitsQuestionsInFixedSlotsWithThePassMark() throws Exception {
    Course course = withoutDraws(quizCourse());
    Map<String, byte[]> files = TestFiles.untar(build(course, out, false));
    assertThat(MbzCheck.check(out.resolve("mbz/" + course.slug() + ".mbz"))).isEmpty();
    Map<Unit, String> quizzes = quizzes(course, files);
    assertThat(quizzes).isNotEmpty();
    for (Map.Entry<Unit, String> e : quizzes.entrySet()) {
      Unit unit = e.getKey();
      SafeXml.Element activity = xml(files, e.getValue());
      SafeXml.Element quiz = activity.child("quiz");
      List<String> entries =
          categoryOf(files, unit).descendants("question_bank_entry").stream()
              .map(q -> q.attr("id"))
              .toList();
      List<SafeXml.Element> refs = quiz.descendants("question_reference");
      assertThat(refs).hasSize(unit.quiz().questions().size());
      assertThat(quiz.descendants("question_set_reference")).isEmpty();
      assertThat(refs)
          .extracting(r -> r.child("questionbankentryid").text())
          .containsExactlyElementsOf(entries);
      assertThat(refs)
          .allSatisfy(
              r ->
                  assertThat(r.child("usingcontextid").text())
                      .isEqualTo(activity.attr("contextid")));
      int n = unit.quiz().questions().size();
      assertThat(quiz.child("sumgrades").text()).isEqualTo(n + ".00000");
      assertThat(quiz.child("intro").text())
          .startsWith("<p>" + (n == 1 ? "Une question" : n + " questions") + " sur le rôle")
          .doesNotContain("hasard");
      String dir = e.getValue().substring(0, e.getValue().lastIndexOf('/'));
      gradeAndCompletion(files, course, dir, quiz);
    }
  }

  @Test
  void inOneCourseAQuizThatDrawsAndOneThatDoesNotEachGetTheirKindOfSlot() throws Exception {
    Course drawing = quizCourse();
    Unit draws = drawing.units().stream().filter(u -> u.quiz().draws()).findFirst().orElseThrow();
    // Every other unit asks its whole bank.
    Course course =
        drawing.withUnits(
            drawing.units().stream()
                .map(
                    u ->
                        u.equals(draws)
                            ? u
                            : u.withQuiz(new Quiz(u.quiz().questions(), u.quiz().passMark())))
                .toList());
    Path mbz = build(course, out, false);
    assertThat(MbzCheck.check(mbz)).isEmpty();
    Map<String, byte[]> files = TestFiles.untar(mbz);
    for (Map.Entry<Unit, String> e : quizzes(course, files).entrySet()) {
      SafeXml.Element quiz = xml(files, e.getValue()).child("quiz");
      boolean random = e.getKey().quiz().draws();
      assertThat(quiz.descendants("question_set_reference"))
          .hasSize(random ? e.getKey().quiz().drawCount() : 0);
      assertThat(quiz.descendants("question_reference"))
          .hasSize(random ? 0 : e.getKey().quiz().questions().size());
    }
  }

  /** Each unit with a quiz, and the path of its quiz.xml. */
  private static Map<Unit, String> quizzes(Course course, Map<String, byte[]> files)
      throws Exception {
    Map<Unit, String> out = new LinkedHashMap<>();
    for (String name : files.keySet()) {
      if (!name.endsWith("/quiz.xml")) {
        continue;
      }
      String title =
          xml(files, name).child("quiz").child("name").text().substring("Quiz : ".length());
      out.put(
          course.units().stream().filter(u -> u.title().equals(title)).findFirst().orElseThrow(),
          name);
    }
    assertThat(out).hasSize((int) course.units().stream().filter(u -> !u.quiz().isEmpty()).count());
    return out;
  }

  private static SafeXml.Element categoryOf(Map<String, byte[]> files, Unit unit) throws Exception {
    return xml(files, "questions.xml").children("question_category").stream()
        .filter(c -> c.child("name").text().equals(unit.title()))
        .findFirst()
        .orElseThrow();
  }

  /** Grade 100, the grade to pass and completion on passing, whatever the slots. */
  private static void gradeAndCompletion(
      Map<String, byte[]> files, Course course, String dir, SafeXml.Element quiz) throws Exception {
    assertThat(quiz.child("attempts_number").text()).isEqualTo("0");
    assertThat(quiz.child("grade").text()).isEqualTo("100.00000");
    SafeXml.Element gradeItem = xml(files, dir + "/grades.xml").descendants("grade_item").get(0);
    assertThat(gradeItem.child("gradepass").text()).isEqualTo(course.passMark() + ".00000");
    assertThat(gradeItem.child("grademax").text()).isEqualTo(quiz.child("grade").text());
    SafeXml.Element module = xml(files, dir + "/module.xml");
    assertThat(module.child("completion").text()).isEqualTo("2");
    assertThat(module.child("completionpassgrade").text()).isEqualTo("1");
    assertThat(module.child("completiongradeitemnumber").text()).isEqualTo("0");
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
  void aCourseWithAStartDateStartsAtMidnightInParisOnThatDayAndEntriesKeepTheFixedTime()
      throws Exception {
    Course c = quizCourse();
    Course starting =
        new Course(
            c.id(),
            c.slug(),
            c.title(),
            c.shortname(),
            c.summary(),
            c.language(),
            c.licence(),
            c.passMark(),
            c.quizSize(),
            c.formats(),
            c.units(),
            c.target(),
            java.util.Optional.of(java.time.LocalDate.of(2026, 9, 1)));
    Path mbz = build(starting, out, false);
    Map<String, byte[]> files = TestFiles.untar(mbz);
    // 2026-09-01T00:00+02:00 (summer time in Paris)
    String start = "1788213600";
    assertThat(xml(files, "course/course.xml").child("startdate").text()).isEqualTo(start);
    assertThat(xml(files, "course/course.xml").child("timecreated").text())
        .isEqualTo(String.valueOf(ReproducibleTime.DEFAULT_EPOCH_SECONDS));
    SafeXml.Element info = xml(files, "moodle_backup.xml").child("information");
    assertThat(info.child("original_course_startdate").text()).isEqualTo(start);
    assertThat(info.child("backup_date").text())
        .isEqualTo(String.valueOf(ReproducibleTime.DEFAULT_EPOCH_SECONDS));
    assertThat(MbzCheck.check(mbz)).isEmpty();
    // Without a start date, the course starts at the fixed time, as before.
    assertThat(
            xml(TestFiles.untar(build(c, out.resolve("plain"), false)), "course/course.xml")
                .child("startdate")
                .text())
        .isEqualTo(String.valueOf(ReproducibleTime.DEFAULT_EPOCH_SECONDS));
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
    // A quiz that does not draw: fixed slots, one per question of the bank.
    Map<String, byte[]> fixed =
        TestFiles.untar(build(ExportFixtures.course(), out.resolve("fixed"), false));
    Golden.assertXml(
        "mbz/fixed.activities.quiz_2.quiz.xml", fixed.get("activities/quiz_2/quiz.xml"));
  }

  @Test
  void theSameCourseGivesTheSameBytes(@TempDir Path other) throws IOException {
    // quizCourse draws: random slots are as reproducible as fixed ones.
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
    // restore-check counts a quiz's slots, random ones included, and the bank apart.
    int slots = course.units().stream().mapToInt(u -> u.quiz().drawCount()).sum();
    int random =
        course.units().stream()
            .filter(u -> u.quiz().draws())
            .mapToInt(u -> u.quiz().drawCount())
            .sum();
    int bank = course.units().stream().mapToInt(u -> u.quiz().questions().size()).sum();
    int quizzes = (int) course.units().stream().filter(u -> !u.quiz().isEmpty()).count();
    for (boolean scorm : List.of(false, true)) {
      Path mbz = build(course, out.resolve(scorm ? "with-scorm" : "plain"), scorm);
      String output = restore.run(mbz.toString(), "--strict", "--delete-after");
      Matcher ok =
          Pattern.compile(
                  "RESTORE OK sections=(\\d+) modules=(\\d+) questions=(\\d+) qbank=(\\d+) .*"
                      + "logwarnings=0 problems=0")
              .matcher(output);
      assertThat(ok.find()).as(output).isTrue();
      int units = course.units().size();
      assertThat(Integer.parseInt(ok.group(1))).isEqualTo(units + 1);
      assertThat(Integer.parseInt(ok.group(2))).isEqualTo(units + quizzes + (scorm ? units : 0));
      assertThat(Integer.parseInt(ok.group(3))).isEqualTo(slots);
      assertThat(Integer.parseInt(ok.group(4))).isEqualTo(bank);
      assertThat(Pattern.compile("RANDOM question").matcher(output).results().count())
          .isEqualTo(random);
      assertThat(output).doesNotContain("MISSING question").contains("iframe=yes");
    }
  }
}
