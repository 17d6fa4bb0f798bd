package io.github.coursepack.cli;

import io.github.coursepack.build.OutputManifest;
import io.github.coursepack.i18n.Message;
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
            + " name. A folder is searched for archives, hidden files left out; in a folder that"
            + " build wrote, only the archives of its last build are checked, and the others"
            + " are named as skipped.",
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
    io.github.coursepack.i18n.Language lang = parent.language;
    List<Path> files = new ArrayList<>();
    boolean missing = false;
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> found = archivesIn(p);
        // In a folder a build wrote, only what its last build lists: an archive of a unit since
        // renamed, or one put there by hand, would otherwise pass for part of the course.
        Listed listed = listed(p, found);
        if (!listed.skipped().isEmpty()) {
          err.println(
              Message.of(
                      "validate.skipped",
                      listed.skipped().size(),
                      String.join(", ", listed.skipped().stream().map(Path::toString).toList()))
                  .in(lang));
        }
        for (Path m : listed.missing()) {
          err.println(Message.of("validate.listedButMissing", m).in(lang));
          missing = true;
        }
        if (listed.files().isEmpty() && listed.missing().isEmpty()) {
          err.println(Message.of("validate.noArchiveIn", p).in(lang));
        }
        files.addAll(listed.files());
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        err.println(Message.of("cli.pathMissing", p).in(lang));
        return Main.USAGE;
      }
    }
    if (files.isEmpty()) {
      err.println(Message.of("validate.nothing").in(lang));
      return Main.USAGE;
    }
    List<Validator.Report> reports = files.stream().map(Validator::validate).toList();
    byte[] rendered =
        switch (format) {
          case text -> ValidationReport.text(reports, lang).getBytes(StandardCharsets.UTF_8);
          case json -> ValidationReport.json(reports).getBytes(StandardCharsets.UTF_8);
          case junit -> ValidationReport.junit(reports);
        };
    if (report != null) {
      AtomicOutput.write(report, rendered);
      if (format != Format.text) {
        out.print(ValidationReport.text(reports, lang));
      }
      out.println(Message.of("validate.reportWritten", report).in(lang));
    } else {
      out.print(new String(rendered, StandardCharsets.UTF_8));
    }
    out.flush();
    return reports.stream().allMatch(Validator.Report::valid) && !missing
        ? Main.OK
        : Main.CONTENT_ERRORS;
  }

  /** A folder's archives to check, those skipped, and listed ones that are missing. */
  private record Listed(List<Path> files, List<Path> skipped, List<Path> missing) {}

  /**
   * Of the archives found in {@code dir}, those that belong to the last build of the output folder
   * they are in (the nearest folder, {@code dir} or below it, with a build manifest); archives
   * outside any such folder are all kept. Listed archives that are missing are named.
   */
  private static Listed listed(Path dir, List<Path> found) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    java.util.Map<Path, java.util.Optional<OutputManifest>> manifests = new java.util.HashMap<>();
    List<Path> files = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    for (Path f : found) {
      java.util.Optional<Path> out = outputFolder(root, f.toAbsolutePath().normalize(), manifests);
      if (out.isEmpty() || manifests.get(out.get()).get().lists(out.get(), f)) {
        files.add(f);
      } else {
        skipped.add(f);
      }
    }
    List<Path> missing = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path m :
          walk.filter(p -> p.endsWith(OutputManifest.file(Path.of("")))).sorted().toList()) {
        Path out = m.getParent().getParent();
        OutputManifest.read(out)
            .ifPresent(
                manifest ->
                    manifest.files(out).stream()
                        .filter(f -> !Files.exists(f))
                        .forEach(missing::add));
      }
    }
    return new Listed(files, skipped, missing);
  }

  /** The nearest folder from {@code file} up to {@code root} that has a build manifest. */
  private static java.util.Optional<Path> outputFolder(
      Path root, Path file, java.util.Map<Path, java.util.Optional<OutputManifest>> manifests) {
    for (Path d = file.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
      java.util.Optional<OutputManifest> m = manifests.computeIfAbsent(d, OutputManifest::read);
      if (m.isPresent()) {
        return java.util.Optional.of(d);
      }
    }
    return java.util.Optional.empty();
  }

  /** Course archives in a folder, recursively, in path order; hidden files and folders skipped. */
  private static List<Path> archivesIn(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isHidden(dir.relativize(p)))
          .filter(p -> !AtomicOutput.isTemporary(p))
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
