package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Unit;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The quizzes of the real seeds and of the example course, against the bar. */
class CourseQuizzesTest {

  private static void assertTracedToItsOwnText(Unit unit) {
    Set<Sentence> own =
        unit.textBlocks().stream().flatMap(b -> b.sentences().stream()).collect(Collectors.toSet());
    for (Question q : unit.quiz().questions()) {
      assertThat(q.evidence()).as(q.id()).isNotEmpty();
      assertThat(own).as(q.id()).containsAll(q.evidence());
      assertThat(q.id())
          .startsWith(QuestionIds.prefix(unit.id()) + "-")
          .hasSizeLessThanOrEqualTo(100);
    }
  }

  private static long kinds(Unit unit) {
    return unit.quiz().questions().stream().map(Question::kind).distinct().count();
  }

  @Test
  void seedsGetQuizzesOnRolesNeverOnTheStoryOfTheDay() {
    Path seeds = TestFiles.shared("seeds");
    List<Unit> units = QuizFixtures.quizzes(seeds, DiagnosticSink.collecting()).course().units();
    for (Unit u : units) {
      assertThat(u.quiz().questions()).as(u.sourceName()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(u.quiz().questions())
          .extracting(Question::stem)
          .as(u.sourceName())
          .noneMatch(s -> s.matches("(?iu).*\\b(se connecte|jette un|déjeune|arrive à)\\b.*"));
    }
    Unit rupn = units.get(4);
    assertThat(rupn.quiz().questions())
        .filteredOn(q -> q.stem().contains("a pour mission"))
        .hasSizeGreaterThanOrEqualTo(2);
    units.forEach(CourseQuizzesTest::assertTracedToItsOwnText);
  }

  @Test
  void everyUnitOfTheExampleGetsAQuizTracedToItsText() {
    List<Unit> units =
        QuizFixtures.quizzes(TestFiles.example(), DiagnosticSink.collecting()).course().units();
    for (Unit u : units) {
      assertThat(u.quiz().questions()).as(u.sourceName()).hasSizeGreaterThanOrEqualTo(6);
      assertThat(kinds(u)).as(u.sourceName()).isGreaterThanOrEqualTo(3);
      assertTracedToItsOwnText(u);
    }
  }

  private static CourseQuizzes.Result withJobs(Path courseDir, int jobs) {
    var source =
        io.github.coursepack.source.CourseReader.read(courseDir, DiagnosticSink.collecting());
    var catalog = io.github.coursepack.analysis.ActorCatalog.defaults();
    return CourseQuizzes.build(
        source,
        catalog,
        io.github.coursepack.analysis.AnalysisCache.inMemory(catalog.fingerprint()),
        // A fresh instance: no sentence tagged yet, so that the threads share the tagger itself.
        io.github.coursepack.analysis.FrenchNlp.lazily(),
        DiagnosticSink.collecting(),
        jobs);
  }

  @Test
  void theFactsAndQuizzesAreTheSameWhateverTheNumberOfJobs() {
    List<Path> courses = new java.util.ArrayList<>(List.of(TestFiles.example()));
    Path seeds = Path.of(System.getProperty("coursepack.shared", "../shared")).resolve("seeds");
    if (java.nio.file.Files.isDirectory(seeds)) {
      courses.add(seeds);
    }
    for (Path course : courses) {
      CourseQuizzes.Result one = withJobs(course, 1);
      for (int jobs : new int[] {2, 4, 8}) {
        CourseQuizzes.Result many = withJobs(course, jobs);
        assertThat(many.facts()).as(course + " facts, jobs " + jobs).isEqualTo(one.facts());
        assertThat(many.course().units())
            .as(course + " quizzes, jobs " + jobs)
            .extracting(Unit::quiz)
            .isEqualTo(one.course().units().stream().map(Unit::quiz).toList());
      }
    }
  }
}
