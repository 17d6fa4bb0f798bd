package io.github.coursepack.quiz;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.AnalysisCache;
import io.github.coursepack.analysis.CourseAnalysis;
import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Unit;
import io.github.coursepack.source.CourseSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Gives every unit of a course its quiz: facts (from the cache, else from LanguageTool), generated
 * questions, the bank and its blueprint, then the trainer's overrides. Each attempt asks the
 * course's {@code quizSize} questions of the bank. A unit whose text gives nothing to ask gets no
 * quiz and an info line, never filler questions.
 *
 * <p>Usage: {@code CourseQuizzes.Result r = CourseQuizzes.build(source, catalog, cache,
 * FrenchNlp.lazily(), sink);}
 */
public final class CourseQuizzes {

  /**
   * @param course the course, each unit with its quiz
   * @param facts every unit's facts, by unit id
   * @param candidates every question the generator could make, by unit id, before selection
   */
  public record Result(
      Course course, Map<String, List<RoleFact>> facts, Map<String, List<Question>> candidates) {}

  private CourseQuizzes() {}

  /** One unit's facts on this thread, a failure kept for the caller like a pool's. */
  private static CompletableFuture<List<RoleFact>> analyse(
      ThreadLocal<CourseAnalysis> analysis, Unit unit) {
    try {
      return CompletableFuture.completedFuture(analysis.get().facts(unit));
    } catch (RuntimeException | StackOverflowError bug) {
      return CompletableFuture.failedFuture(bug);
    }
  }

  /**
   * As {@link #build(CourseSource, ActorCatalog, AnalysisCache, Supplier, DiagnosticSink, int)} on
   * every core.
   */
  public static Result build(
      CourseSource source,
      ActorCatalog catalog,
      AnalysisCache cache,
      Supplier<FrenchNlp> nlp,
      DiagnosticSink sink) {
    return build(source, catalog, cache, nlp, sink, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The course with each unit's quiz.
   *
   * @param jobs how many units' texts are analysed at once: the analysis is most of a build's work,
   *     and units are independent. Each thread has its own extractor (it keeps the state of the
   *     text it reads); LanguageTool's tagger and disambiguator are shared, as its server shares
   *     them between requests. Results and diagnostics are taken in course order, so that the
   *     output does not depend on {@code jobs}.
   */
  public static Result build(
      CourseSource source,
      ActorCatalog catalog,
      AnalysisCache cache,
      Supplier<FrenchNlp> nlp,
      DiagnosticSink sink,
      int jobs) {
    Map<String, List<RoleFact>> facts = new LinkedHashMap<>();
    List<Unit> analysed = new ArrayList<>();
    List<Unit> all = source.course().units();
    ThreadLocal<CourseAnalysis> analysis =
        ThreadLocal.withInitial(() -> new CourseAnalysis(catalog, cache, nlp, jobs > 1));
    int threads = Math.max(1, Math.min(jobs, all.size()));
    List<CompletableFuture<List<RoleFact>>> pending = new ArrayList<>();
    ExecutorService pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "coursepack-analysis");
                  t.setDaemon(true);
                  return t;
                });
    try {
      for (Unit unit : all) {
        pending.add(
            pool == null
                ? analyse(analysis, unit)
                : CompletableFuture.supplyAsync(() -> analysis.get().facts(unit), pool));
      }
      for (int i = 0; i < all.size(); i++) {
        Unit unit = all.get(i);
        try {
          facts.put(unit.id(), pending.get(i).join());
          analysed.add(unit);
        } catch (CompletionException e) {
          // A bug met in one unit's text leaves that unit out; the others are still built.
          sink.report(
              Diagnostic.internalError(
                  source.sources().get(unit.id()),
                  Message.of("doing.analysingText"),
                  e.getCause()));
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    Course course = source.course().withUnits(analysed);
    // The questions' grammar is not checked here: the rule engine takes seconds to start, and
    // checked every generated question of the example and the dev set, it found nothing to refuse
    // but once, wrongly. `check --grammar` and the tests check the quizzes (GrammarCheck.report).
    QuizGenerator generator = new QuizGenerator(course, catalog, facts);
    List<Unit> units = new ArrayList<>();
    Map<String, List<Question>> candidates = new LinkedHashMap<>();
    for (Unit unit : course.units()) {
      Path resource = source.sources().get(unit.id());
      try {
        units.add(quiz(unit, course, generator, resource, candidates, sink));
      } catch (RuntimeException | StackOverflowError bug) {
        sink.report(Diagnostic.internalError(resource, Message.of("doing.makingQuiz"), bug));
        candidates.remove(unit.id());
      }
    }
    return new Result(course.withUnits(units), facts, candidates);
  }

  /** A unit with its quiz; its candidates go into {@code candidates}. */
  private static Unit quiz(
      Unit unit,
      Course course,
      QuizGenerator generator,
      Path resource,
      Map<String, List<Question>> candidates,
      DiagnosticSink sink) {
    List<Question> all = generator.candidates(unit);
    candidates.put(unit.id(), all);
    List<Question> quiz = generator.bank(unit);
    if (resource != null) {
      QuizOverrides overrides = QuizOverrides.read(resource, unit.id(), unit.slug(), sink);
      quiz = overrides.apply(all, quiz, sink);
    }
    if (quiz.isEmpty()) {
      sink.report(
          Diagnostic.info(
              resource,
              0,
              Message.of(
                  "quiz.none",
                  (resource == null
                      ? Message.of("quiz.none.sidecar")
                      : (Object) QuizOverrides.sidecarOf(resource).getFileName()))));
    }
    return unit.withQuiz(new Quiz(quiz, course.passMark(), course.quizSize()));
  }
}
