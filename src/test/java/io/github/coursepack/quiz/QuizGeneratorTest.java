package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.MentionFinder;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuizGeneratorTest {

  private static final DiagnosticSink.Collecting SINK = DiagnosticSink.collecting();
  private static CourseQuizzes.Result result;

  @BeforeAll
  static void build() {
    result = QuizFixtures.quizzes(TestFiles.fixtureCourse("quiz"), SINK);
  }

  private static Unit unit(int i) {
    return result.course().units().get(i);
  }

  private static List<Question> candidates(int i) {
    return result.candidates().get(unit(i).id());
  }

  @Test
  void everyMultipleChoiceHasExactlyOneRightOptionAndNoRepeatedOption() {
    for (Unit u : result.course().units()) {
      for (Question q : result.candidates().get(u.id())) {
        if (q instanceof Question.MultipleChoice mc) {
          assertThat(mc.choices()).filteredOn(Choice::correct).hasSize(1);
          assertThat(mc.choices()).extracting(Choice::text).doesNotHaveDuplicates();
          assertThat(mc.choices().size()).isBetween(3, 4);
        }
      }
    }
  }

  @Test
  void whoQuestionsAskAboutTheActorTheTextCreditsAndNoOther() {
    Question.MultipleChoice q =
        (Question.MultipleChoice)
            candidates(0).stream()
                .filter(
                    x ->
                        x.kind() == QuestionKind.WHO
                            && x.stem().contains("déploie les applications"))
                .findFirst()
                .orElseThrow();
    assertThat(q.stem())
        .isEqualTo(
            "D'après la vidéo, qui déploie les applications académiques utilisées par les personnels ?");
    assertThat(q.answer().text()).isEqualTo("La DSI");
    assertThat(q.answer().actorId()).isEqualTo("dsi");
    assertThat(q.feedback())
        .contains("« La DSI déploie les applications académiques utilisées par les personnels. »");
    assertThat(q.evidence()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(10));
  }

  @Test
  void distractorsAreNotNamedInTheQuestionNorCreditedWithTheAction() {
    MentionFinder finder = new MentionFinder(ActorCatalog.defaults());
    for (Question q : candidates(0)) {
      if (q.kind() != QuestionKind.WHO) {
        continue;
      }
      Question.MultipleChoice mc = (Question.MultipleChoice) q;
      List<String> named =
          finder.find(q.evidence().get(0).text()).stream().map(m -> m.actorId()).toList();
      mc.choices().stream()
          .filter(c -> !c.correct())
          .forEach(c -> assertThat(named).as(q.stem()).doesNotContain(c.actorId()));
    }
  }

  @Test
  void twoActorsDoingTheSameThingGiveNoWhoQuestionWithTheOtherAsAnOption() {
    for (Question q : candidates(1)) {
      if (q instanceof Question.MultipleChoice mc && q.kind() == QuestionKind.WHO) {
        List<String> ids = mc.choices().stream().map(Choice::actorId).toList();
        assertThat(ids).as(q.stem()).doesNotContainSequence("ien", "erun");
        assertThat(ids.contains("ien") && ids.contains("erun")).as(q.stem()).isFalse();
      }
    }
  }

  @Test
  void aNegatedFactOnlyGivesAFalseStatement() {
    List<RoleFact> negated =
        result.facts().get(unit(0).id()).stream()
            .filter(f -> f.polarity() == Polarity.NEGATIVE)
            .toList();
    assertThat(negated).isNotEmpty();
    List<Question> fromNegations =
        candidates(0).stream()
            .filter(q -> negated.stream().anyMatch(f -> q.evidence().contains(f.evidence())))
            .toList();
    assertThat(fromNegations).isNotEmpty();
    for (Question q : fromNegations) {
      assertThat(q).isInstanceOf(Question.TrueFalse.class);
      assertThat(((Question.TrueFalse) q).answer()).isFalse();
      assertThat(q.feedback()).startsWith("Faux.");
    }
  }

  @Test
  void theQuizHasSeveralKindsAndOneQuestionPerSentenceAtMost() {
    List<Question> quiz = unit(0).quiz().questions();
    assertThat(quiz).extracting(Question::kind).contains(QuestionKind.WHO, QuestionKind.TRUE_FALSE);
    assertThat(quiz.stream().map(Question::kind).distinct().count()).isGreaterThanOrEqualTo(3);
    List<Integer> sentences =
        quiz.stream()
            .filter(q -> q.kind() != QuestionKind.MATCHING)
            .map(q -> q.evidence().get(0).index())
            .toList();
    assertThat(sentences).doesNotHaveDuplicates();
    assertThat(unit(0).quiz().passMark()).isEqualTo(70);
  }

  @Test
  void aUnitWithoutFactsHasNoQuizAndAnInfoLine() {
    assertThat(unit(2).quiz().isEmpty()).isTrue();
    assertThat(SINK.list())
        .anySatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.INFO);
              assertThat(d.file().getFileName().toString()).isEqualTo("03-no-facts.md");
              assertThat(d.message()).contains("no quiz");
            });
  }

  @Test
  void generationIsDeterministic() {
    CourseQuizzes.Result again =
        QuizFixtures.quizzes(TestFiles.fixtureCourse("quiz"), DiagnosticSink.collecting());
    assertThat(again.course().units().get(0).quiz()).isEqualTo(unit(0).quiz());
  }

  @Test
  void optionsAreShuffledWithASeedFromTheId() {
    List<Choice> choices =
        List.of(
            new Choice("A", true, "a"),
            new Choice("B", false, "b"),
            new Choice("C", false, "c"),
            new Choice("D", false, "d"));
    assertThat(QuizGenerator.shuffle(choices, "x-who-1"))
        .isEqualTo(QuizGenerator.shuffle(choices, "x-who-1"));
    long orders =
        java.util.stream.IntStream.range(0, 20)
            .mapToObj(i -> QuizGenerator.shuffle(choices, "id-" + i))
            .distinct()
            .count();
    assertThat(orders).isGreaterThan(1);
  }
}
