package io.github.coursepack.format.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.MoodleLab;
import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.QuizFixtures;
import io.github.coursepack.source.CourseReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gives the example course's cartridge to real Moodles (the labs of ../shared/moodle-check, named
 * by {@code MOODLE_LAB} and {@code MOODLE41_LAB}): Moodle's own CC 1.1 converter, then a restore
 * into a new course, read back from the database. Skips, saying so, without a lab.
 */
class MoodleCcImportTest {

  @TempDir Path out;

  private Path cartridge(Course course) {
    List<Path> written =
        new CcFormat().write(course, TestFiles.context(out, DiagnosticSink.collecting()));
    assertThat(written).hasSize(1);
    return written.get(0);
  }

  private static Course example() {
    return QuizFixtures.quizzes(TestFiles.example(), DiagnosticSink.collecting()).course();
  }

  /** Section 0 for the course, then one section per unit. */
  private static int sections(Course course) {
    return course.units().size() + 1;
  }

  /** What the unit's cartridge quiz asks: its blueprint, matching questions replaced. */
  private static int questions(Unit unit) {
    return CcFormat.asked(unit).size();
  }

  private static int modules(Course course) {
    return course.units().size()
        + (int) course.units().stream().filter(u -> questions(u) > 0).count();
  }

  private static int questions(Course course) {
    return course.units().stream().mapToInt(MoodleCcImportTest::questions).sum();
  }

  @Test
  void moodle45MakesASectionPerUnitWithItsPageAndItsQuizWithEveryQuestion() throws Exception {
    Path script = MoodleLab.script("imscc-check.sh");
    Course course = example();
    String output =
        MoodleLab.run(script, cartridge(course).toString(), "--strict", "--delete-after");
    int q = questions(course);
    assertThat(output)
        .as(output)
        .contains("== FORMAT detected: imscc11")
        .contains(
            "RESTORE OK sections="
                + sections(course)
                + " modules="
                + modules(course)
                + " questions="
                + q
                + " qbank="
                + q
                + " logwarnings=0 problems=0 ")
        .doesNotContain("iframe=yes");
    for (Unit unit : course.units()) {
      assertThat(output).contains("mod=page name='" + unit.title() + "'");
    }
  }

  @Test
  void titlesAndQuestionsWithAmpersandsAnglesQuotesAndApostrophesImport(@TempDir Path dir)
      throws Exception {
    Path script = MoodleLab.script("imscc-check.sh");
    Files.writeString(
        dir.resolve("course.yaml"), "title: 'L’ENT & le <GAR> : \"qui fait quoi ?\"'\n");
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: 'L’école & l’« ENT » <GAR> \"dit\"'\ndescription: Un texte & un <test>.\n"
            + "---\n\n## Transcription\n\nLe directeur d’école & l’IEN disent que 3 < 4.\n");
    Course read = CourseReader.read(dir, DiagnosticSink.collecting()).course();
    Unit unit = read.units().get(0);
    List<Question> questions =
        List.of(
            new Question.MultipleChoice(
                "q-choice",
                QuestionKind.WHO,
                "Qui gère l’« ENT » & le <GAR> ?",
                List.of(
                    new Choice("La région & le département", true, ""),
                    new Choice("L’IEN <circonscription>", false, ""),
                    new Choice("Le \"DSI\"", false, "")),
                "La région & le département : « c’est dit ».",
                List.of(),
                Polarity.POSITIVE),
            new Question.TrueFalse(
                "q-vrai-faux",
                "L’IEN & le <GAR> « décident ».",
                false,
                "",
                "Faux : ni l’IEN ni le <GAR>.",
                List.of(),
                Polarity.NEGATIVE));
    Course course = read.withUnits(List.of(unit.withQuiz(new Quiz(questions, 80))));
    String output =
        MoodleLab.run(script, cartridge(course).toString(), "--strict", "--delete-after");
    assertThat(output)
        .as(output)
        .contains("fullname: L’ENT & le GAR : \"qui fait quoi ?\"")
        .contains("mod=page name='" + CcText.guard("L’école & l’« ENT » <GAR> \"dit\"") + "'")
        .contains("RESTORE OK sections=2 modules=2 questions=2 qbank=2 logwarnings=0 problems=0 ");
  }

  /**
   * Moodle 4.1.4+ (build 20230804, the lab's) restores every question into the course's question
   * bank but leaves the quizzes' slots empty: its 1.9 converter, which the CC import goes through,
   * stamps the quiz with the installed module version, so the restore skips the step that links
   * pre-4.0 slots to their questions (4.5's converter writes an old version instead). {@code
   * --strict} would fail on the empty slots, so this test reads the summary: the structure must be
   * whole, and the questions either in the quizzes (a fixed 4.1) or all in the bank.
   */
  @Test
  void moodle41MakesTheSameSectionsAndPutsEveryQuestionInTheBank() throws Exception {
    Path script = MoodleLab.script41("imscc-check.sh");
    Course course = example();
    String output = MoodleLab.run41(script, cartridge(course).toString(), "--delete-after");
    int q = questions(course);
    assertThat(output)
        .as(output)
        .contains("== FORMAT detected: imscc11")
        .contains("RESTORE OK sections=" + sections(course) + " modules=" + modules(course) + " ")
        .containsAnyOf(
            " questions=" + q + " qbank=" + q + " logwarnings=0 problems=0 ",
            " questions=0 qbank=" + q + " logwarnings=0 problems=" + q + " ")
        .doesNotContain("iframe=yes");
  }
}
