package io.github.coursepack.cli;

import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.build.CourseBuild;
import io.github.coursepack.build.UploadAdvice;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
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
          .println(Message.of("cli.h5pLibrariesMissing", h5pLibraries).in(parent.language));
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
      Language lang = parent.language;
      if (!FolderArgument.check(
          options.courseDir, Message.of("folder.courseFiles"), stderr, lang)) {
        return Main.USAGE;
      }
      if (options.jobs < 1) {
        stderr.println(Message.of("cli.jobsAtLeastOne").in(lang));
        return Main.USAGE;
      }
      List<String> unknown = new java.util.ArrayList<>();
      io.github.coursepack.format.Formats.select(options.formats, unknown);
      if (!unknown.isEmpty()) {
        stderr.println(
            Message.of(
                    "cli.unknownFormat",
                    String.join(", ", unknown),
                    io.github.coursepack.format.Formats.ids())
                .in(lang));
        return Main.USAGE;
      }
      if (out.isPresent()
          && out.get()
              .toAbsolutePath()
              .normalize()
              .equals(options.courseDir.toAbsolutePath().normalize())) {
        stderr.println(Message.of("cli.outIsCourseFolder").in(lang));
        return Main.USAGE;
      }
      long start = System.nanoTime();
      DiagnosticPrinter printer =
          new DiagnosticPrinter(stderr, options.quiet, parent.debug, parent.language);
      ConsoleProgress progress = new ConsoleProgress(stdout, parent.terminal, options.quiet, lang);
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
        stderr.println(Message.of("cli.prefixed", busy.said()).in(lang));
        return Main.USAGE;
      }
      if (grammar) {
        GrammarCheck.report(result.course(), result.source().sources(), nlp.get()::grammarProblems)
            .forEach(printer::report);
      }
      progress.clear();
      // Before the counts: recording may warn.
      Optional<Message> quizChanges =
          write
              ? quizChanges(result, printer.count(Severity.ERROR) == 0, printer)
              : Optional.empty();
      long millis = (System.nanoTime() - start) / 1_000_000;

      int errors = printer.count(Severity.ERROR);
      int warnings = printer.count(Severity.WARNING);
      int units = result.course().units().size();
      Message counts =
          Message.of(
              "summary.counts",
              Message.of("count.error", errors),
              Message.of("count.warning", warnings));
      if (write) {
        String seconds =
            // One decimal, with the language's decimal mark: 5.1 s, 5,1 s.
            String.format(
                lang == Language.FR ? java.util.Locale.FRENCH : java.util.Locale.ROOT,
                "%.1f",
                millis / 1000.0);
        Message archives = Message.of("count.archive", result.archives().size());
        Message unitCount = Message.of("count.unit", units);
        stdout.println(
            (result.unchanged().isEmpty()
                    ? Message.of(
                        "summary.built",
                        result.course().slug(),
                        archives,
                        unitCount,
                        ShownPath.of(result.outputDir()),
                        counts,
                        seconds)
                    : Message.of(
                        "summary.builtUnchanged",
                        result.course().slug(),
                        archives,
                        unitCount,
                        ShownPath.of(result.outputDir()),
                        Message.of("count.unitUnchanged", result.unchangedUnits()),
                        result.unchanged().size(),
                        counts,
                        seconds))
                .in(lang));
      } else {
        stdout.println(
            Message.of(
                    "summary.checked",
                    result.course().slug(),
                    Message.of("count.unit", units),
                    String.join(", ", result.formats().stream().map(PackageFormat::id).toList()),
                    counts)
                .in(lang));
      }
      if (!result.kept().isEmpty()) {
        stdout.println(Message.of("summary.kept", relative(result, result.kept())).in(lang));
      }
      if (!result.keptUnits().isEmpty()) {
        stdout.println(
            Message.of("summary.keptUnits", relative(result, result.keptUnits())).in(lang));
      }
      if (!result.removed().isEmpty()) {
        stdout.println(Message.of("summary.removed", relative(result, result.removed())).in(lang));
      }
      if (!result.notOurs().isEmpty() && !options.quiet) {
        stdout.println(Message.of("summary.notOurs", relative(result, result.notOurs())).in(lang));
      }
      if (write) {
        quizChanges.ifPresent(c -> stdout.println(c.in(lang)));
        UploadAdvice.of(
                result.course().target(), courseArchives, result.kept(), allowPartial && errors > 0)
            .lines(ShownPath::of, lang)
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
    private static Optional<Message> quizChanges(
        CourseBuild.Result result, boolean complete, DiagnosticPrinter printer) {
      Path cache = CourseBuild.cacheDir(result.outputDir());
      try {
        return QuizHistory.record(cache, result.course(), complete)
            .filter(c -> !c.isEmpty())
            .map(QuizChanges::said);
      } catch (java.io.IOException e) {
        printer.report(
            io.github.coursepack.model.Diagnostic.warning(
                cache.resolve(QuizHistory.FILE),
                0,
                Message.of("cli.cannotRecordQuiz", e.getMessage())));
        return Optional.empty();
      }
    }

    /**
     * The progress display, which also notes each course-level archive written or left as it was
     * (unit null).
     */
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

        @Override
        public void archiveUnchanged(String format, io.github.coursepack.model.Unit unit, Path a) {
          // Still the archive to upload, if it has not been.
          if (unit == null) {
            into.add(new UploadAdvice.CourseArchive(format, a));
          }
        }
      };
    }
  }
}
