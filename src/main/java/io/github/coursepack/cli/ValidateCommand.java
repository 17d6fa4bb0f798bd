package io.github.coursepack.cli;

import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.validate.ValidationReport;
import io.github.coursepack.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code coursepack validate FILE|DIR… [--format text|json|junit] [--report FILE]}: checks course
 * archives for CI, whatever made them.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check course archives (SCORM 1.2 and 2004, Moodle backup .mbz, H5P, IMS Common"
            + " Cartridge, Moodle XML, GIFT) against what Moodle needs, safely: hostile archives"
            + " give findings, nothing is unpacked. The kind is told from the content, not the"
            + " name. A folder is searched for archives, hidden files left out.",
    footer = {"", "Exit codes: 0 every archive valid, 1 an archive invalid, 2 usage errors."})
final class ValidateCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    text,
    json,
    junit
  }

  @ParentCommand CoursepackCommand parent;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Archives or folders.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: text).")
  Format format = Format.text;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of the standard output; the text summary is still"
              + " printed.")
  Path report;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = parent.spec.commandLine().getOut();
    PrintWriter err = parent.spec.commandLine().getErr();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> found = archivesIn(p);
        if (found.isEmpty()) {
          err.println("coursepack: no course archive in " + p);
        }
        files.addAll(found);
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        err.println("coursepack: " + p + " does not exist");
        return Main.USAGE;
      }
    }
    if (files.isEmpty()) {
      err.println("coursepack: nothing to validate");
      return Main.USAGE;
    }
    List<Validator.Report> reports = files.stream().map(Validator::validate).toList();
    byte[] rendered =
        switch (format) {
          case text -> ValidationReport.text(reports).getBytes(StandardCharsets.UTF_8);
          case json -> ValidationReport.json(reports).getBytes(StandardCharsets.UTF_8);
          case junit -> ValidationReport.junit(reports);
        };
    if (report != null) {
      AtomicOutput.write(report, rendered);
      if (format != Format.text) {
        out.print(ValidationReport.text(reports));
      }
      out.println("report written to " + report);
    } else {
      out.print(new String(rendered, StandardCharsets.UTF_8));
    }
    out.flush();
    return reports.stream().allMatch(Validator.Report::valid) ? Main.OK : Main.CONTENT_ERRORS;
  }

  /** Course archives in a folder, recursively, in path order; hidden files and folders skipped. */
  private static List<Path> archivesIn(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isHidden(dir.relativize(p)))
          .sorted()
          .filter(Validator::isArchive)
          .toList();
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
