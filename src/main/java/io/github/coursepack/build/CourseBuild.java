package io.github.coursepack.build;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.AnalysisCache;
import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.Formats;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.format.UnitGuard;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
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
 * Problems are reported to the sink as they are found; a resource that cannot be read, analysed or
 * packaged (a bug included) is left out and the others are built.
 *
 * <p>Course-level archives (a course SCORM package, the {@code .mbz}, question files) are all or
 * nothing: when the build has an error, they are not written and the previous ones stay, listed in
 * {@link Result#kept()}; with {@link Options#allowPartial()} they are written without the units
 * left out. Unit archives of the good units are always written. A bug outside any unit (in a course
 * archive) is thrown, but only once the other formats have been written.
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
   * @param allowPartial write the course-level archives even when the build has errors, without the
   *     units left out
   */
  public record Options(
      Path courseDir,
      Optional<Path> outputDir,
      List<String> formats,
      boolean write,
      FormatContext.Options formatOptions,
      boolean allowPartial) {
    public Options {
      Objects.requireNonNull(courseDir, "courseDir");
      Objects.requireNonNull(outputDir, "outputDir");
      formats = List.copyOf(formats);
    }

    public Options(
        Path courseDir,
        Optional<Path> outputDir,
        List<String> formats,
        boolean write,
        FormatContext.Options formatOptions) {
      this(courseDir, outputDir, formats, write, formatOptions, false);
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
   * @param kept the course-level archives not written because the build had errors (the previous
   *     ones, if any, are left as they were)
   */
  public record Result(
      CourseSource source,
      Course course,
      CourseQuizzes.Result quizzes,
      Path outputDir,
      List<PackageFormat> formats,
      List<Path> archives,
      List<Path> kept) {
    public Result {
      formats = List.copyOf(formats);
      archives = List.copyOf(archives);
      kept = List.copyOf(kept);
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
    return run(options, sink, progress, nlp, null);
  }

  /**
   * The build, with the formats given, or those the options name when {@code given} is null.
   * Package-private so that a test can build with a format of its own.
   */
  static Result run(
      Options options,
      DiagnosticSink out,
      FormatContext.Progress progress,
      java.util.function.Supplier<FrenchNlp> nlp,
      List<PackageFormat> given) {
    int[] errors = {0};
    DiagnosticSink sink =
        d -> {
          if (d.severity() == Severity.ERROR) {
            errors[0]++;
          }
          out.report(d);
        };
    CourseSource source = CourseReader.read(options.courseDir(), sink);
    Path outDir =
        options
            .outputDir()
            .orElseGet(() -> Path.of("output", source.course().slug()))
            .toAbsolutePath()
            .normalize();
    ActorCatalog catalog =
        ActorCatalog.load(Optional.of(source.folder().resolve(ActorCatalog.COURSE_FILE)), sink);
    AnalysisCache cache = AnalysisCache.open(cacheDir(outDir), catalog.fingerprint());
    CourseQuizzes.Result quizzes = CourseQuizzes.build(source, catalog, cache, nlp, sink);
    Course course = quizzes.course();
    progress.courseRead(course);

    List<PackageFormat> formats = given;
    if (formats == null) {
      List<String> unknown = new ArrayList<>();
      formats =
          Formats.select(
              options.formats().isEmpty() ? source.course().formats() : options.formats(), unknown);
      for (String name : unknown) {
        sink.report(
            Diagnostic.error(
                null, 0, "unknown format '" + name + "'; known formats: " + Formats.ids()));
      }
    }
    if (!options.write()) {
      return new Result(source, course, quizzes, outDir, formats, List.of(), List.of());
    }
    try {
      cache.save();
    } catch (java.io.IOException e) {
      sink.report(
          Diagnostic.warning(
              cacheDir(outDir),
              0,
              "cannot save the analysis cache (" + e.getMessage() + "); the next build redoes it"));
    }
    UnitTemplate template = UnitTemplate.load(source.template(), sink);
    UnitGuard guard =
        UnitGuard.of(
            sink, unit -> source.sources().get(unit.id()), errors[0] > 0, options.allowPartial());
    FormatContext context =
        new FormatContext(
            outDir,
            template,
            ReproducibleTime.epochSeconds(),
            sink,
            progress,
            options.formatOptions(),
            guard);
    List<Path> archives = new ArrayList<>();
    Throwable bug = null;
    for (PackageFormat format : formats) {
      try {
        archives.addAll(format.write(course, context));
      } catch (RuntimeException | StackOverflowError e) {
        // A bug outside any unit (a course archive): the other formats are still written, then
        // the bug ends the build as one.
        if (bug == null) {
          bug = e;
        } else {
          bug.addSuppressed(e);
        }
      }
    }
    if (bug instanceof RuntimeException e) {
      throw e;
    } else if (bug instanceof Error e) {
      throw e;
    }
    return new Result(source, course, quizzes, outDir, formats, archives, guard.kept());
  }
}
