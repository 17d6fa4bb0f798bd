package io.github.coursepack.build;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.AnalysisCache;
import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.Formats;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.quiz.CourseQuizzes;
import io.github.coursepack.render.UnitTemplate;
import io.github.coursepack.source.CourseReader;
import io.github.coursepack.source.CourseSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a course: reads its folder, then writes every chosen format into the output folder.
 * Problems are reported to the sink as they are found; a resource that cannot be read is left out
 * and the others are built.
 *
 * <p>Usage: {@code Result r = CourseBuild.run(new Options(dir, Optional.empty(), List.of(), true),
 * sink, FormatContext.Progress.NONE);}
 */
public final class CourseBuild {

  /**
   * What to build.
   *
   * @param courseDir the course folder
   * @param outputDir where to write; empty means {@code output/<course-slug>} in the working folder
   * @param formats format ids; empty means those of {@code course.yaml}, else every format
   * @param write false to read and check only
   * @param formatOptions what the command line asked of particular formats
   */
  public record Options(
      Path courseDir,
      Optional<Path> outputDir,
      List<String> formats,
      boolean write,
      FormatContext.Options formatOptions) {
    public Options {
      Objects.requireNonNull(courseDir, "courseDir");
      Objects.requireNonNull(outputDir, "outputDir");
      formats = List.copyOf(formats);
    }

    public Options(Path courseDir, Optional<Path> outputDir, List<String> formats, boolean write) {
      this(courseDir, outputDir, formats, write, FormatContext.Options.DEFAULT);
    }
  }

  /**
   * What a build did.
   *
   * @param source the course as read
   * @param course the course with its quizzes
   * @param quizzes the quiz stage's facts and candidate questions, for review commands
   * @param outputDir the output folder (nothing is written there by a check)
   * @param formats the formats built
   * @param archives the archives written, in order
   */
  public record Result(
      CourseSource source,
      Course course,
      CourseQuizzes.Result quizzes,
      Path outputDir,
      List<PackageFormat> formats,
      List<Path> archives) {
    public Result {
      formats = List.copyOf(formats);
      archives = List.copyOf(archives);
    }
  }

  /** Where the analysis cache lives in an output folder. */
  public static Path cacheDir(Path outputDir) {
    return outputDir.resolve(".coursepack-cache");
  }

  private CourseBuild() {}

  public static Result run(Options options, DiagnosticSink sink, FormatContext.Progress progress) {
    return run(options, sink, progress, FrenchNlp.lazily());
  }

  /**
   * A build that uses the given LanguageTool, so that a process building again and again (preview
   * with {@code --watch}) starts it once.
   */
  public static Result run(
      Options options,
      DiagnosticSink sink,
      FormatContext.Progress progress,
      java.util.function.Supplier<FrenchNlp> nlp) {
    CourseSource source = CourseReader.read(options.courseDir(), sink);
    Path out =
        options
            .outputDir()
            .orElseGet(() -> Path.of("output", source.course().slug()))
            .toAbsolutePath()
            .normalize();
    ActorCatalog catalog =
        ActorCatalog.load(Optional.of(source.folder().resolve(ActorCatalog.COURSE_FILE)), sink);
    AnalysisCache cache = AnalysisCache.open(cacheDir(out), catalog.fingerprint());
    CourseQuizzes.Result quizzes = CourseQuizzes.build(source, catalog, cache, nlp, sink);
    Course course = quizzes.course();
    progress.courseRead(course);

    List<String> wanted =
        options.formats().isEmpty() ? source.course().formats() : options.formats();
    List<String> unknown = new ArrayList<>();
    List<PackageFormat> formats = Formats.select(wanted, unknown);
    for (String name : unknown) {
      sink.report(
          Diagnostic.error(
              null, 0, "unknown format '" + name + "'; known formats: " + Formats.ids()));
    }
    if (!options.write()) {
      return new Result(source, course, quizzes, out, formats, List.of());
    }
    try {
      cache.save();
    } catch (java.io.IOException e) {
      sink.report(
          Diagnostic.warning(
              cacheDir(out),
              0,
              "cannot save the analysis cache (" + e.getMessage() + "); the next build redoes it"));
    }
    UnitTemplate template = UnitTemplate.load(source.template(), sink);
    FormatContext context =
        new FormatContext(
            out,
            template,
            ReproducibleTime.epochSeconds(),
            sink,
            progress,
            options.formatOptions());
    List<Path> archives = new ArrayList<>();
    for (PackageFormat format : formats) {
      archives.addAll(format.write(course, context));
    }
    return new Result(source, course, quizzes, out, formats, archives);
  }
}
