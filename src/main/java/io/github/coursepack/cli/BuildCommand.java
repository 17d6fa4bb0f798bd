package io.github.coursepack.cli;

import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.build.CourseBuild;
import io.github.coursepack.build.UploadAdvice;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.model.Severity;
import io.github.coursepack.quiz.GrammarCheck;
import io.github.coursepack.quiz.QuizChanges;
import io.github.coursepack.quiz.QuizHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code coursepack build DIR [--out DIR] [--format LIST] [--strict]}. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Build the course's archives (default folder: output/<course-slug>/).")
final class BuildCommand implements Callable<Integer> {

  @ParentCommand CoursepackCommand parent;

  @Mixin CourseOptions options;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder (default: output/<course-slug> in the working folder).")
  Path out;

  @Option(
      names = "--mbz-scorm",
      description =
          "Also put each unit's SCORM package in the course backup (.mbz), as a SCORM activity"
              + " after the unit's page and quiz.")
  boolean mbzScorm;

  @Option(
      names = "--h5p-libraries",
      paramLabel = "DIR|FILE.h5p",
      description =
          "Bundle the H5P libraries the packages need, with their dependencies, taken from a"
              + " folder of library folders or from any .h5p that holds them (e.g. exported from"
              + " a Moodle content bank). Without it, packages carry no library and the build"
              + " names those the site must have.")
  Path h5pLibraries;

  @Option(
      names = "--allow-partial",
      description =
          "When a resource has an error, still write the course-level archives (course SCORM"
              + " package, .mbz, question files) without it. By default they are left as the last"
              + " build without errors wrote them, so that an incomplete course is never uploaded"
              + " by mistake; unit archives of the good resources are written either way.")
  boolean allowPartial;

  @Override
  public Integer call() {
    if (h5pLibraries != null && !java.nio.file.Files.exists(h5pLibraries)) {
      parent
          .spec
          .commandLine()
          .getErr()
          .println("coursepack: --h5p-libraries " + h5pLibraries + " does not exist");
      return Main.USAGE;
    }
    return Run.execute(
        parent,
        options,
        Optional.ofNullable(out),
        true,
        new io.github.coursepack.format.FormatContext.Options(
            mbzScorm, Optional.ofNullable(h5pLibraries)),
        allowPartial,
        false);
  }

  /** The part of {@code build} and {@code check} that is the same. */
  static final class Run {
    private Run() {}

    /**
     * A build or a check; with {@code grammar} the course's quizzes are also checked with the
     * grammar rules ({@code check --grammar}), each problem a warning.
     */
    static int execute(
        CoursepackCommand parent,
        CourseOptions options,
        Optional<Path> out,
        boolean write,
        io.github.coursepack.format.FormatContext.Options formatOptions,
        boolean allowPartial,
        boolean grammar) {
      PrintWriter stdout = parent.spec.commandLine().getOut();
      PrintWriter stderr = parent.spec.commandLine().getErr();
      if (!FolderArgument.check(options.courseDir, "the course's resource files", stderr)) {
        return Main.USAGE;
      }
      if (options.jobs < 1) {
        stderr.println("coursepack: --jobs must be at least 1");
        return Main.USAGE;
      }
      List<String> unknown = new java.util.ArrayList<>();
      io.github.coursepack.format.Formats.select(options.formats, unknown);
      if (!unknown.isEmpty()) {
        stderr.println(
            "coursepack: unknown format "
                + String.join(", ", unknown)
                + "; known formats: "
                + io.github.coursepack.format.Formats.ids());
        return Main.USAGE;
      }
      if (out.isPresent()
          && out.get()
              .toAbsolutePath()
              .normalize()
              .equals(options.courseDir.toAbsolutePath().normalize())) {
        stderr.println(
            "coursepack: the output folder cannot be the course folder itself;"
                + " choose another --out");
        return Main.USAGE;
      }
      long start = System.nanoTime();
      DiagnosticPrinter printer = new DiagnosticPrinter(stderr, options.quiet, parent.debug);
      ConsoleProgress progress = new ConsoleProgress(stdout, parent.terminal, options.quiet);
      printer.beforePrint(progress::clear);
      java.util.function.Supplier<FrenchNlp> nlp = languageTool(out, grammar);
      List<UploadAdvice.CourseArchive> courseArchives = new java.util.ArrayList<>();
      CourseBuild.Result result;
      try {
        result =
            CourseBuild.run(
                new CourseBuild.Options(
                    options.courseDir,
                    out,
                    options.formats,
                    write,
                    formatOptions,
                    allowPartial,
                    options.jobs),
                printer,
                recordingCourseArchives(progress, courseArchives),
                nlp);
      } catch (io.github.coursepack.build.OutputLock.Busy busy) {
        progress.clear();
        stderr.println("coursepack: " + busy.getMessage());
        return Main.USAGE;
      }
      if (grammar) {
        GrammarCheck.report(result.course(), result.source().sources(), nlp.get()::grammarProblems)
            .forEach(printer::report);
      }
      progress.clear();
      // Before the counts: recording may warn.
      Optional<String> quizChanges =
          write
              ? quizChanges(result, printer.count(Severity.ERROR) == 0, printer)
              : Optional.empty();
      long millis = (System.nanoTime() - start) / 1_000_000;

      int errors = printer.count(Severity.ERROR);
      int warnings = printer.count(Severity.WARNING);
      int units = result.course().units().size();
      String counts = plural(errors, "error") + ", " + plural(warnings, "warning");
      if (write) {
        stdout.printf(
            "%s: %s from %s in %s (%s, %.1f s)%n",
            result.course().slug(),
            plural(result.archives().size(), "archive"),
            plural(units, "unit"),
            ShownPath.of(result.outputDir()),
            counts,
            millis / 1000.0);
      } else {
        stdout.printf(
            "%s: %s read, formats %s (%s)%n",
            result.course().slug(),
            plural(units, "unit"),
            String.join(", ", result.formats().stream().map(PackageFormat::id).toList()),
            counts);
      }
      if (!result.kept().isEmpty()) {
        stdout.println(
            "not written because of the errors above, so that no incomplete course is uploaded"
                + " (the previous ones, if any, are kept): "
                + String.join(
                    ", ",
                    result.kept().stream()
                        .map(p -> result.outputDir().relativize(p).toString().replace('\\', '/'))
                        .toList())
                + "; --allow-partial writes them without the broken resources");
      }
      if (!result.keptUnits().isEmpty()) {
        stdout.println(
            "kept from the previous build, as their resource has errors: "
                + relative(result, result.keptUnits()));
      }
      if (!result.removed().isEmpty()) {
        stdout.println(
            "removed, as their unit no longer exists: " + relative(result, result.removed()));
      }
      if (!result.notOurs().isEmpty() && !options.quiet) {
        stdout.println(
            "not written by coursepack, left as they are (validate and preview of the folder skip"
                + " them): "
                + relative(result, result.notOurs()));
      }
      if (write) {
        quizChanges.ifPresent(stdout::println);
        UploadAdvice.of(
                result.course().target(), courseArchives, result.kept(), allowPartial && errors > 0)
            .lines(ShownPath::of)
            .forEach(stdout::println);
      }
      if (errors > 0 || (options.strict && warnings > 0)) {
        return Main.CONTENT_ERRORS;
      }
      return Main.OK;
    }

    /**
     * LanguageTool for the build: started at once in the background, while the course is read, when
     * no analysis cache can spare it (no output folder with one yet: a first build, a check in a
     * new folder); otherwise only if a unit's text is not in the cache, as a rebuild after an edit
     * to the course's settings needs no analysis at all. Only the time differs, never the output.
     */
    static java.util.function.Supplier<FrenchNlp> languageTool(
        Optional<Path> out, boolean grammar) {
      boolean cached;
      if (out.isPresent()) {
        cached = java.nio.file.Files.isDirectory(CourseBuild.cacheDir(out.get()));
      } else {
        // The default output/<course-slug> is known only once course.yaml is read.
        try (java.util.stream.Stream<Path> folders = java.nio.file.Files.list(Path.of("output"))) {
          cached = folders.anyMatch(f -> java.nio.file.Files.isDirectory(CourseBuild.cacheDir(f)));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
          cached = false;
        }
      }
      return cached ? FrenchNlp.lazily(grammar) : FrenchNlp.inBackground(grammar);
    }

    private static String relative(CourseBuild.Result result, List<Path> files) {
      return String.join(
          ", ",
          files.stream()
              .map(p -> result.outputDir().relativize(p).toString().replace('\\', '/'))
              .toList());
    }

    /**
     * Records the build's quiz in the output folder's cache and returns the summary line of what
     * changed since the last build, if something did (nothing on a first build).
     */
    private static Optional<String> quizChanges(
        CourseBuild.Result result, boolean complete, DiagnosticPrinter printer) {
      Path cache = CourseBuild.cacheDir(result.outputDir());
      try {
        return QuizHistory.record(cache, result.course(), complete)
            .filter(c -> !c.isEmpty())
            .map(QuizChanges::summary);
      } catch (java.io.IOException e) {
        printer.report(
            io.github.coursepack.model.Diagnostic.warning(
                cache.resolve(QuizHistory.FILE),
                0,
                "cannot record the quiz ("
                    + e.getMessage()
                    + "); the next build cannot say what changed in it"));
        return Optional.empty();
      }
    }

    /** The progress display, which also notes each course-level archive written (unit null). */
    private static FormatContext.Progress recordingCourseArchives(
        ConsoleProgress progress, List<UploadAdvice.CourseArchive> into) {
      return new FormatContext.Progress() {
        @Override
        public void courseRead(io.github.coursepack.model.Course course) {
          progress.courseRead(course);
        }

        @Override
        public void archiveWritten(String format, io.github.coursepack.model.Unit unit, Path a) {
          if (unit == null) {
            into.add(new UploadAdvice.CourseArchive(format, a));
          }
          progress.archiveWritten(format, unit, a);
        }
      };
    }

    private static String plural(int n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }
  }
}
