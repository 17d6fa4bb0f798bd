package io.github.coursepack.build;

import io.github.coursepack.analysis.ActorCatalog;
import io.github.coursepack.analysis.AnalysisCache;
import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.Formats;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.format.UnitGuard;
import io.github.coursepack.format.WrittenArchives;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.ReproducibleTime;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.CourseQuizzes;
import io.github.coursepack.render.UnitTemplate;
import io.github.coursepack.source.CourseReader;
import io.github.coursepack.source.CourseSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

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
 * <p>The output folder is kept true to the course: one build at a time writes to it ({@link
 * OutputLock}), what a killed build left is removed, every archive written is noted in a journal as
 * soon as it is written and listed in its {@link OutputManifest} at the end, and the archives of
 * units that no longer exist are removed at the end (see {@code OutputRecord} for what is kept).
 *
 * <p>A rebuild does only what changed: a unit's text already analysed is not analysed again (its
 * facts are in the {@link AnalysisCache}), and an archive whose content is that of the archive the
 * previous build left, still as it was written, is not written again ({@link
 * io.github.coursepack.format.ArchiveLedger}). Units are packaged in parallel, on {@link
 * Options#jobs()} threads, with the same bytes and messages whatever their number.
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
      boolean allowPartial,
      int jobs) {
    public Options {
      Objects.requireNonNull(courseDir, "courseDir");
      Objects.requireNonNull(outputDir, "outputDir");
      formats = List.copyOf(formats);
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
      }
    }

    /** Options analysing on every core. */
    public Options(
        Path courseDir,
        Optional<Path> outputDir,
        List<String> formats,
        boolean write,
        FormatContext.Options formatOptions,
        boolean allowPartial) {
      this(
          courseDir,
          outputDir,
          formats,
          write,
          formatOptions,
          allowPartial,
          Runtime.getRuntime().availableProcessors());
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
   * @param keptUnits unit archives of resources with errors this time, kept from the previous build
   * @param removed archives of units that no longer exist, removed (see {@link OutputManifest})
   * @param notOurs files in the format folders that no build wrote, left as they are
   * @param unchanged the archives of {@code archives} left as the previous build wrote them, their
   *     content being the same
   * @param unchangedUnits how many units had all their archives left as they were
   */
  public record Result(
      CourseSource source,
      Course course,
      CourseQuizzes.Result quizzes,
      Path outputDir,
      List<PackageFormat> formats,
      List<Path> archives,
      List<Path> kept,
      List<Path> keptUnits,
      List<Path> removed,
      List<Path> notOurs,
      List<Path> unchanged,
      int unchangedUnits) {
    public Result {
      formats = List.copyOf(formats);
      archives = List.copyOf(archives);
      kept = List.copyOf(kept);
      keptUnits = List.copyOf(keptUnits);
      removed = List.copyOf(removed);
      notOurs = List.copyOf(notOurs);
      unchanged = List.copyOf(unchanged);
    }
  }

  /** Where the caches (facts, what each archive was made of) live in an output folder. */
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
    // Kept for the course report, which shows each unit's problems; units report from their own
    // threads, but their diagnostics reach this sink on the build's thread, in course order.
    List<Diagnostic> reported = java.util.Collections.synchronizedList(new ArrayList<>());
    DiagnosticSink sink =
        d -> {
          if (d.severity() == Severity.ERROR) {
            errors[0]++;
          }
          reported.add(d);
          out.report(d);
        };
    CourseSource source = CourseReader.read(options.courseDir(), sink);
    if (options.write()) {
      // The slugs this build gives new resources become theirs (.coursepack/ids.yaml), so that a
      // later title change renames no archive, unit or question. A check writes nothing.
      source.identities().save(sink);
    }
    Path outDir =
        options
            .outputDir()
            .orElseGet(() -> Path.of("output", source.course().slug()))
            .toAbsolutePath()
            .normalize();
    ActorCatalog catalog =
        ActorCatalog.load(Optional.of(source.folder().resolve(ActorCatalog.COURSE_FILE)), sink);
    AnalysisCache cache = AnalysisCache.open(cacheDir(outDir), catalog.fingerprint(), sink);
    CourseQuizzes.Result quizzes =
        CourseQuizzes.build(source, catalog, cache, nlp, sink, options.jobs());
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
            Diagnostic.error(null, 0, Message.of("build.unknownFormat", name, Formats.ids())));
      }
    }
    if (!options.write()) {
      return new Result(
          source, course, quizzes, outDir, formats, List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), 0);
    }
    OutputLock lock;
    try {
      lock =
          OutputLock.acquire(
              outDir,
              OutputLock.WAIT,
              holder ->
                  out.report(
                      Diagnostic.info(
                          null,
                          0,
                          Message.of(
                              "build.waitingForLock",
                              holder,
                              outDir,
                              OutputLock.WAIT.toSeconds()))));
    } catch (java.io.IOException e) {
      sink.report(Diagnostic.error(outDir, 0, Message.of("build.cannotLock", e.getMessage())));
      return new Result(
          source, course, quizzes, outDir, formats, List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), 0);
    }
    try (lock) {
      return write(
          options,
          sink,
          progress,
          source,
          course,
          quizzes,
          outDir,
          formats,
          cache,
          errors,
          () -> List.copyOf(reported));
    } catch (java.io.IOException e) {
      // Only closing the lock throws it here; the archives are written.
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The writing part of a build, with the output folder's lock held. */
  private static Result write(
      Options options,
      DiagnosticSink sink,
      FormatContext.Progress progress,
      CourseSource source,
      Course course,
      CourseQuizzes.Result quizzes,
      Path outDir,
      List<PackageFormat> formats,
      AnalysisCache cache,
      int[] errors,
      java.util.function.Supplier<List<Diagnostic>> reported) {
    try {
      List<String> leftovers = OutputRecord.removeLeftovers(outDir);
      if (!leftovers.isEmpty()) {
        sink.report(
            Diagnostic.info(
                null,
                0,
                Message.of("build.leftoversRemoved", outDir, String.join(", ", leftovers))));
      }
    } catch (java.io.IOException e) {
      sink.report(Diagnostic.warning(outDir, 0, Message.of("build.cannotRemoveLeftovers", e)));
    }
    try {
      cache.save();
    } catch (java.io.IOException e) {
      sink.report(
          Diagnostic.warning(
              cacheDir(outDir), 0, Message.of("build.cannotSaveCache", e.getMessage())));
    }
    UnitTemplate template = UnitTemplate.load(source.template(), sink);
    UnitGuard guard =
        UnitGuard.of(
            sink, unit -> source.sources().get(unit.id()), errors[0] > 0, options.allowPartial());
    Optional<OutputManifest> previous = OutputManifest.read(outDir);
    Path courseDir = source.folder().toAbsolutePath().normalize();
    Function<Path, String> relative =
        p -> courseDir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    Function<Unit, String> resourceOf =
        u -> {
          Path file = source.sources().get(u.id());
          return file == null ? null : relative.apply(file);
        };
    OutputJournal journal;
    try {
      journal = OutputJournal.open(outDir);
    } catch (java.io.IOException e) {
      journal = null;
      sink.report(cannotList(outDir, e));
    }
    ArchiveCache archiveCache = ArchiveCache.open(cacheDir(outDir), sink);
    ArchiveRecorder recorder = new ArchiveRecorder(outDir, archiveCache, journal, resourceOf, sink);
    // Units are packaged on every core the options allow; formats one after the other, since the
    // course backup carries the SCORM packages written before it.
    int jobs = Math.max(1, Math.min(options.jobs(), course.units().size()));
    ExecutorService pool =
        jobs == 1
            ? null
            : Executors.newFixedThreadPool(
                jobs,
                r -> {
                  Thread t = new Thread(r, "coursepack-packaging");
                  t.setDaemon(true);
                  return t;
                });
    FormatContext context =
        new FormatContext(
            outDir,
            template,
            ReproducibleTime.epochSeconds(),
            sink,
            progress,
            options.formatOptions(),
            guard,
            new WrittenArchives(),
            recorder,
            pool == null ? Runnable::run : pool,
            reported);
    List<Path> archives = new ArrayList<>();
    Throwable bug = null;
    try {
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
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    // The manifest is updated even when a format had a bug: what was written is listed.
    Outputs outputs =
        recordOutputs(
            outDir, source, course, formats, previous, recorder.listed(), relative, guard, sink);
    try {
      if (journal != null) {
        journal.close();
      }
      if (outputs.listed()) {
        OutputJournal.delete(outDir);
      }
    } catch (java.io.IOException e) {
      sink.report(cannotList(outDir, e));
    }
    try {
      archiveCache.save(outputs.paths());
    } catch (java.io.IOException e) {
      sink.report(
          Diagnostic.warning(
              cacheDir(outDir),
              0,
              "cannot save what each archive was made of ("
                  + e.getMessage()
                  + "); the next build writes every archive again"));
    }
    if (bug instanceof RuntimeException e) {
      throw e;
    } else if (bug instanceof Error e) {
      throw e;
    }
    return new Result(
        source,
        course,
        quizzes,
        outDir,
        formats,
        archives,
        guard.kept(),
        outputs.keptUnits(),
        outputs.removed(),
        outputs.notOurs(),
        archives.stream().filter(recorder::wasUnchanged).toList(),
        recorder.unchangedUnits());
  }

  /**
   * What {@link #recordOutputs} did.
   *
   * @param listed whether the output list could be written
   * @param paths the paths it lists, relative to the output folder
   */
  private record Outputs(
      List<Path> keptUnits,
      List<Path> removed,
      List<Path> notOurs,
      boolean listed,
      Set<String> paths) {}

  /**
   * Writes the new manifest of the output folder and removes the archives of units that no longer
   * exist. The stale ones are first listed as being removed, then removed, then the manifest is
   * written without them: a build killed at any moment leaves a manifest whose files all exist and
   * are whole, and the next build finishes the removal.
   */
  private static Outputs recordOutputs(
      Path outDir,
      CourseSource source,
      Course course,
      List<PackageFormat> formats,
      Optional<OutputManifest> previous,
      Map<String, OutputManifest.Entry> written,
      Function<Path, String> relative,
      UnitGuard guard,
      DiagnosticSink sink) {
    Map<String, String> units = new HashMap<>();
    Set<String> failed = new HashSet<>();
    for (Unit u : course.units()) {
      Path file = source.sources().get(u.id());
      if (file != null) {
        units.put(relative.apply(file), u.slug());
      }
      if (guard.failedUnits().contains(u.id())) {
        failed.add(u.slug());
      }
    }
    Set<String> resources = new HashSet<>();
    source.resources().forEach(p -> resources.add(relative.apply(p)));
    Set<Path> keptCourse = new HashSet<>();
    guard.kept().forEach(p -> keptCourse.add(p.toAbsolutePath().normalize()));
    Set<String> built = new HashSet<>();
    formats.forEach(f -> built.add(f.id()));
    List<Path> removed = new ArrayList<>();
    List<Path> keptUnits = new ArrayList<>();
    try {
      OutputRecord.Update update =
          OutputRecord.update(
              outDir, previous, written, built, keptCourse, units, resources, failed);
      update.keptFromBefore().forEach(e -> keptUnits.add(OutputManifest.resolve(outDir, e.path())));
      List<OutputManifest.Entry> listed = new ArrayList<>(update.current());
      if (!update.stale().isEmpty()) {
        update.stale().forEach(e -> listed.add(e.toRemove()));
        new OutputManifest(listed).write(outDir);
        for (OutputManifest.Entry e : update.stale()) {
          Path file = OutputManifest.resolve(outDir, e.path());
          if (!Files.isRegularFile(file)) {
            continue;
          }
          if (OutputManifest.sha256(file).equals(e.sha256())) {
            Files.delete(file);
            removed.add(file);
          } else {
            sink.report(Diagnostic.info(file, 0, Message.of("build.removedUnitChanged")));
          }
        }
      }
      OutputManifest now = new OutputManifest(update.current());
      now.write(outDir);
      Set<String> paths = new HashSet<>();
      now.entries().forEach(e -> paths.add(e.path()));
      return new Outputs(keptUnits, removed, notOurs(outDir, now), true, paths);
    } catch (java.io.IOException e) {
      sink.report(cannotList(outDir, e));
      return new Outputs(keptUnits, removed, List.of(), false, Set.of());
    }
  }

  /** Files in the folders the build writes to that it does not list: another tool's, or older. */
  private static List<Path> notOurs(Path outDir, OutputManifest manifest)
      throws java.io.IOException {
    Set<Path> listed = new HashSet<>(manifest.files(outDir));
    Set<Path> folders = new java.util.TreeSet<>();
    listed.forEach(p -> folders.add(p.getParent()));
    List<Path> found = new ArrayList<>();
    for (Path dir : folders) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (java.util.stream.Stream<Path> list = Files.list(dir)) {
        list.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .filter(p -> !listed.contains(p))
            .sorted()
            .forEach(found::add);
      }
    }
    return found;
  }

  /** The warning when the list of the folder's archives cannot be written. */
  private static Diagnostic cannotList(Path outDir, java.io.IOException e) {
    return Diagnostic.warning(
        OutputManifest.file(outDir), 0, Message.of("build.cannotUpdateList", e));
  }
}
