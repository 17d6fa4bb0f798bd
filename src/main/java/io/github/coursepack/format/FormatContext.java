package io.github.coursepack.format;

import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.io.DeterministicZip;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import io.github.coursepack.render.UnitTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What every format gets from the build.
 *
 * @param outputDir the course's output folder; each format writes into its own sub-folder
 * @param template the unit template
 * @param epochSeconds the timestamp of every archive entry
 * @param sink where problems go
 * @param progress told about each archive as it is written
 * @param options what the command line asked of particular formats
 * @param guard keeps a unit's failure to that unit and says whether course archives are written
 * @param written the zips written so far in this build, for a format that carries another's
 * @param ledger what the previous build wrote, and where each archive is noted (see {@link
 *     #archive})
 * @param workers runs the units' work of a format (see {@link UnitJobs}); a direct executor runs it
 *     on the caller's thread
 * @param reported the diagnostics of this build so far, in the order reported, for the course
 *     report that shows each unit's problems
 */
public record FormatContext(
    Path outputDir,
    UnitTemplate template,
    long epochSeconds,
    DiagnosticSink sink,
    Progress progress,
    Options options,
    UnitGuard guard,
    WrittenArchives written,
    ArchiveLedger ledger,
    Executor workers,
    Supplier<List<Diagnostic>> reported) {

  /**
   * A context for one build that writes every archive on the caller's thread and shows no
   * diagnostic to the course report.
   */
  public FormatContext(
      Path outputDir,
      UnitTemplate template,
      long epochSeconds,
      DiagnosticSink sink,
      Progress progress,
      Options options,
      UnitGuard guard) {
    this(
        outputDir,
        template,
        epochSeconds,
        sink,
        progress,
        options,
        guard,
        new WrittenArchives(),
        ArchiveLedger.NONE,
        Runnable::run,
        List::of);
  }

  /** A context that lets exceptions through and writes every course archive. */
  public FormatContext(
      Path outputDir,
      UnitTemplate template,
      long epochSeconds,
      DiagnosticSink sink,
      Progress progress,
      Options options) {
    this(outputDir, template, epochSeconds, sink, progress, options, UnitGuard.NONE);
  }

  /** A context with the default options. */
  public FormatContext(
      Path outputDir,
      UnitTemplate template,
      long epochSeconds,
      DiagnosticSink sink,
      Progress progress) {
    this(outputDir, template, epochSeconds, sink, progress, Options.DEFAULT);
  }

  /**
   * Options of particular formats.
   *
   * @param mbzScorm whether the course backup also carries each unit as a SCORM activity
   * @param h5pLibraries a folder of H5P libraries or an .h5p holding them, to bundle in packages
   */
  public record Options(boolean mbzScorm, Optional<Path> h5pLibraries) {
    public static final Options DEFAULT = new Options(false, Optional.empty());

    public Options {
      Objects.requireNonNull(h5pLibraries, "h5pLibraries");
    }
  }

  public FormatContext {
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(workers, "workers");
    Objects.requireNonNull(reported, "reported");
  }

  /** The same context with diagnostics going to {@code other}: a unit's, kept until its turn. */
  public FormatContext withSink(DiagnosticSink other) {
    return new FormatContext(
        outputDir,
        template,
        epochSeconds,
        other,
        progress,
        options,
        guard,
        written,
        ledger,
        workers,
        reported);
  }

  /** What {@link #archive} did. */
  public enum Outcome {
    /** The archive was written. */
    WRITTEN,
    /** The archive on disk was made of the same content: left as it was. */
    UNCHANGED
  }

  /** Writes an archive, giving its size and digest. */
  @FunctionalInterface
  public interface ArchiveWriter {
    AtomicOutput.Written write() throws IOException;
  }

  /**
   * Writes {@code target} with {@code writer}, unless the previous build wrote it from content of
   * the same {@code key} and it is still as written (see {@link ArchiveLedger}); notes it either
   * way. The caller then tells {@link #progress} with {@link #done}, in course order.
   *
   * @param unit its unit, null for a course-level archive
   * @throws IOException when it cannot be written, for the format to report
   */
  public Outcome archive(String format, Unit unit, Path target, String key, ArchiveWriter writer)
      throws IOException {
    if (ledger.unchanged(format, unit, target, key)) {
      return Outcome.UNCHANGED;
    }
    AtomicOutput.Written file = writer.write();
    ledger.written(format, unit, target, key, file);
    return Outcome.WRITTEN;
  }

  /**
   * {@link #archive} for a zip of {@code content}, keyed by what it holds, with this build's
   * timestamp: what every zip format does.
   */
  public Outcome zip(String format, Unit unit, Path target, ArchiveContent content)
      throws IOException {
    long epoch = epochSeconds;
    return archive(
        format,
        unit,
        target,
        ArchiveLedger.key(format, content, epoch),
        () -> DeterministicZip.write(target, content, epoch));
  }

  /** Tells {@link #progress} what {@link #archive} did with {@code target}. */
  public void done(String format, Unit unit, Path target, Outcome outcome) {
    if (outcome == Outcome.WRITTEN) {
      progress.archiveWritten(format, unit, target);
    } else {
      progress.archiveUnchanged(format, unit, target);
    }
  }

  /** Hears about the build as it goes, for a progress display. */
  public interface Progress {
    /** The course has been read; archives follow. */
    default void courseRead(io.github.coursepack.model.Course course) {}

    /** An archive for {@code unit} (or for the whole course when {@code unit} is null) is done. */
    void archiveWritten(String format, Unit unit, Path archive);

    /** An archive is left as the previous build wrote it, its content being the same. */
    default void archiveUnchanged(String format, Unit unit, Path archive) {}

    Progress NONE = (format, unit, archive) -> {};
  }
}
