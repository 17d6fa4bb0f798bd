package io.github.coursepack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options that {@code build} and {@code check} share. */
final class CourseOptions {

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description =
          "The course folder: resource files (.md, .markdown, .txt) and an optional"
              + " course.yaml.")
  Path courseDir;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "LIST",
      description =
          "Formats to build, comma-separated (default: those of course.yaml, else all)."
              + " Known: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatIds.class)
  List<String> formats = new ArrayList<>();

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "How many resources are analysed, and then packaged, at once (default: the number"
              + " of cores, here ${DEFAULT-VALUE}). The output is the same whatever N.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--strict", description = "Treat warnings as errors (exit code 1).")
  boolean strict;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only warnings and errors.")
  boolean quiet;

  /** The format ids, for the help text. */
  static final class FormatIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return io.github.coursepack.format.Formats.all().stream()
          .map(io.github.coursepack.format.PackageFormat::id)
          .iterator();
    }
  }
}
