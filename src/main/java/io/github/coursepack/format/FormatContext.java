package io.github.coursepack.format;

import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import io.github.coursepack.render.UnitTemplate;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What every format gets from the build.
 *
 * @param outputDir the course's output folder; each format writes into its own sub-folder
 * @param template the unit template
 * @param epochSeconds the timestamp of every archive entry
 * @param sink where problems go
 * @param progress told about each archive as it is written
 * @param mbzScorm whether the course backup also carries each unit as a SCORM activity
 */
public record FormatContext(
    Path outputDir,
    UnitTemplate template,
    long epochSeconds,
    DiagnosticSink sink,
    Progress progress,
    boolean mbzScorm) {

  /** A context with the default options. */
  public FormatContext(
      Path outputDir,
      UnitTemplate template,
      long epochSeconds,
      DiagnosticSink sink,
      Progress progress) {
    this(outputDir, template, epochSeconds, sink, progress, false);
  }

  public FormatContext {
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(progress, "progress");
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
