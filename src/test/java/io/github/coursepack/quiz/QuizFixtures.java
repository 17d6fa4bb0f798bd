package io.github.coursepack.quiz;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.AnalysisCache;
import io.github.coursepack.analysis.SharedNlp;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.source.CourseReader;
import io.github.coursepack.source.CourseSource;
import java.nio.file.Path;

/** Builds a course's quizzes the way the build does, with the test run's one LanguageTool. */
public final class QuizFixtures {

  private QuizFixtures() {}

  public static CourseQuizzes.Result quizzes(Path courseDir, DiagnosticSink sink) {
    CourseSource source = CourseReader.read(courseDir, sink);
    ActorCatalog catalog = ActorCatalog.defaults();
    return CourseQuizzes.build(
        source, catalog, AnalysisCache.inMemory(catalog.fingerprint()), SharedNlp::get, sink);
  }
}
