package io.github.coursepack.format;

import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import io.github.coursepack.render.UnitTemplate;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

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
 */
public record FormatContext(
    Path outputDir,
    UnitTemplate template,
    long epochSeconds,
    DiagnosticSink sink,
    Progress progress,
    Options options,
    UnitGuard guard,
    WrittenArchives written) {

  /** A context for one build: no zip written yet. */
  public FormatContext(
      Path outputDir,
      UnitTemplate template,
      long epochSeconds,
      DiagnosticSink sink,
      Progress progress,
      Options options,
      UnitGuard guard) {
    this(outputDir, template, epochSeconds, sink, progress, options, guard, new WrittenArchives());
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
  }

  /** Hears about the build as it goes, for a progress display. */
  public interface Progress {
    /** The course has been read; archives follow. */
    default void courseRead(io.github.coursepack.model.Course course) {}

    /** An archive for {@code unit} (or for the whole course when {@code unit} is null) is done. */
    void archiveWritten(String format, Unit unit, Path archive);

    Progress NONE = (format, unit, archive) -> {};
  }
}
