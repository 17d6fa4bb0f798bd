package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizOverridesTest {

  @TempDir Path dir;
  private Path resource;

  @BeforeEach
  void copyCourse() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.fixtureCourse("quiz"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    resource = dir.resolve("01-roles.md");
  }

  private Unit first(DiagnosticSink sink) {
    return QuizFixtures.quizzes(dir, sink).course().units().get(0);
  }

  private String idOf(QuestionKind kind, String stemPart) {
    CourseQuizzes.Result r = QuizFixtures.quizzes(dir, DiagnosticSink.collecting());
    return r.candidates().get(r.course().units().get(0).id()).stream()
        .filter(q -> q.kind() == kind && q.stem().contains(stemPart))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void dropPinEditAndAddApply() throws IOException {
    Unit generated = first(DiagnosticSink.collecting());
    CourseQuizzes.Result all = QuizFixtures.quizzes(dir, DiagnosticSink.collecting());
    List<Question> candidates = all.candidates().get(generated.id());
    String dropped = generated.quiz().questions().get(0).id();
    Question leftOut =
        candidates.stream()
            .filter(
                c -> generated.quiz().questions().stream().noneMatch(q -> q.id().equals(c.id())))
            .findFirst()
            .orElseThrow();
    Question.MultipleChoice toEdit =
        generated.quiz().questions().stream()
            .filter(q -> q instanceof Question.MultipleChoice && !q.id().equals(dropped))
            .map(q -> (Question.MultipleChoice) q)
            .findFirst()
            .orElseThrow();
    Files.writeString(
        QuizOverrides.sidecarOf(resource),
        """
        drop: [%s]
        pin: [%s]
        edit:
          %s:
            stem: Qui, d'après la vidéo, fait cela ?
            feedback: Relisez la transcription.
        add:
          - stem: Qui nomme le référent numérique ?
            options: [Le chef d'établissement, Le recteur, La DRANE]
            answer: 1
            feedback: Le chef d'établissement, par une lettre de mission.
          - stem: Le référent numérique répare les ordinateurs.
            answer: faux
        """
            .formatted(dropped, leftOut.id(), toEdit.id()));
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    Unit u = first(sink);
    List<String> ids = u.quiz().questions().stream().map(Question::id).toList();
    assertThat(ids).doesNotContain(dropped).contains(leftOut.id());
    Question edited =
        u.quiz().questions().stream()
            .filter(q -> q.id().equals(toEdit.id()))
            .findFirst()
            .orElseThrow();
    assertThat(edited.stem()).isEqualTo("Qui, d'après la vidéo, fait cela ?");
    assertThat(edited.feedback()).isEqualTo("Relisez la transcription.");
    assertThat(((Question.MultipleChoice) edited).choices()).isEqualTo(toEdit.choices());
    List<Question> added =
        u.quiz().questions().subList(u.quiz().questions().size() - 2, u.quiz().questions().size());
    assertThat(added.get(0).kind()).isEqualTo(QuestionKind.CUSTOM);
    assertThat(((Question.MultipleChoice) added.get(0)).answer().text())
        .isEqualTo("Le chef d'établissement");
    assertThat(((Question.TrueFalse) added.get(1)).answer()).isFalse();
    assertThat(sink.list()).noneMatch(d -> d.severity() != Severity.INFO);
  }

  @Test
  void anOverrideWrittenUnderTheUnitsOldSlugSaysSoAndHowToFixItAtItsLine() throws IOException {
    Unit unit = first(DiagnosticSink.collecting());
    String dsi = idOf(QuestionKind.WHO, "déploie les applications");
    String courseId = unit.id().substring(0, unit.id().length() - unit.slug().length() - 1);
    // The overrides were written when the unit had another title, hence another slug.
    String old = courseId + "-ancien-titre" + dsi.substring(unit.id().length());
    Files.writeString(QuizOverrides.sidecarOf(resource), "pin: [x]\ndrop:\n  - " + old + "\n");
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    first(sink);
    assertThat(sink.list())
        .filteredOn(d -> d.message().contains(old))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.file().getFileName().toString()).isEqualTo("01-roles.quiz.yaml");
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.message())
                  .contains("the question ids of this unit now start with '" + unit.id() + "-'")
                  .contains("the unit's slug changed from 'ancien-titre' to '" + unit.slug() + "'")
                  .contains("'01-roles.md: ancien-titre' in .coursepack/ids.yaml")
                  .contains("replace '" + courseId + "-ancien-titre-' with '" + unit.id() + "-'");
            });
  }

  @Test
  void overridesSurviveAnEditElsewhereAndOrphansAreReportedWithTheirLine() throws IOException {
    String dsi = idOf(QuestionKind.WHO, "déploie les applications");
    String cpd = idOf(QuestionKind.WHO, "anime le réseau des eRUN");
    Files.writeString(
        QuizOverrides.sidecarOf(resource),
        """
        edit:
          %s:
            stem: Quel service déploie les applications académiques ?
        pin: [%s]
        drop:
          - %s
        """
            .formatted(dsi, dsi, cpd));
    // The trainer rewrites the CPD's sentence and adds one at the top: the DSI question stays.
    String text =
        Files.readString(resource)
            .replace(
                "Le CPD numérique anime le réseau des eRUN du département.",
                "Le CPD numérique réunit chaque mois les eRUN du département.")
            .replace(
                "## Transcription\n\n", "## Transcription\n\nUne phrase ajoutée au début.\n\n");
    Files.writeString(resource, text);
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    Unit after = first(sink);
    assertThat(after.quiz().questions())
        .anySatisfy(
            q -> {
              assertThat(q.id()).isEqualTo(dsi);
              assertThat(q.stem()).isEqualTo("Quel service déploie les applications académiques ?");
              assertThat(q.evidence().get(0).line()).isEqualTo(12);
            });
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.WARNING)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file().getFileName().toString()).isEqualTo("01-roles.quiz.yaml");
              assertThat(d.line()).isEqualTo(6);
              assertThat(d.message()).contains(cpd).contains("coursepack quiz");
            });
  }

  @Test
  void aBrokenOverrideIsReportedAndTheRestApplies() throws IOException {
    Unit before = first(DiagnosticSink.collecting());
    Question.MultipleChoice mc =
        before.quiz().questions().stream()
            .filter(q -> q instanceof Question.MultipleChoice)
            .map(q -> (Question.MultipleChoice) q)
            .findFirst()
            .orElseThrow();
    Files.writeString(
        QuizOverrides.sidecarOf(resource),
        """
        edit:
          %s:
            options: [Un, Deux]
            answer: 9
        add:
          - stem: Sans réponse ?
            options: [A, B]
        couleur: bleu
        """
            .formatted(mc.id()));
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    Unit u = first(sink);
    assertThat(
            u.quiz().questions().stream()
                .filter(q -> q.id().equals(mc.id()))
                .findFirst()
                .map(q -> ((Question.MultipleChoice) q).choices())
                .orElseThrow())
        .isEqualTo(mc.choices());
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .extracting(d -> d.line())
        .containsExactlyInAnyOrder(2, 2, 6);
    assertThat(sink.list()).anySatisfy(d -> assertThat(d.message()).contains("couleur"));
    assertThat(u.quiz().questions()).extracting(Question::stem).doesNotContain("Sans réponse ?");
    assertThat(mc.choices()).extracting(Choice::text).isNotEmpty();
  }

  @Test
  void anEmptyOptionIsAnErrorAtItsLineAndLeavesTheQuizAsItWas() throws IOException {
    // Found by QuizOverridesFuzzTest's harness: a blank option reached Choice's constructor.
    List<Question> questions = ExportFixtures.course().units().get(0).quiz().questions();
    Path unit = dir.resolve("u.md");
    Files.writeString(
        QuizOverrides.sidecarOf(unit),
        """
        edit:
          c-u-who-dsi-1:
            options: [La DSI, ' ', L'IAN]
        add:
          - stem: Qui nomme le référent numérique ?
            options: ['', Le recteur]
            answer: 2
        """);
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Question> quiz =
        QuizOverrides.read(unit, "c-u", "u", sink).apply(questions, questions, sink);

    assertThat(quiz).isEqualTo(questions);
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .extracting(d -> d.line())
        .containsExactly(5, 2);
    assertThat(sink.list()).allSatisfy(d -> assertThat(d.message()).contains("empty"));
  }
}
