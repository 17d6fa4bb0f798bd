package io.github.coursepack.cli;

import io.github.coursepack.build.CourseBuild;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.OverrideSkeleton;
import io.github.coursepack.quiz.QuizOverrides;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code coursepack quiz DIR}: every question with its answer and evidence, for review. */
@Command(
    name = "quiz",
    mixinStandardHelpOptions = true,
    description =
        "Print each unit's quiz with answers, ids and the sentence each question comes"
            + " from, for review before import. Writes nothing, except with --skeleton.")
final class QuizCommand implements Callable<Integer> {

  @ParentCommand CoursepackCommand parent;

  @Parameters(index = "0", paramLabel = "DIR", description = "The course folder.")
  Path courseDir;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "The course's output folder, whose analysis cache saves time"
              + " (default: output/<course-slug>).")
  Path out;

  @Option(names = "--all", description = "Also list the questions the quiz leaves out.")
  boolean all;

  @Option(
      names = "--diff",
      description =
          "List only the questions added, removed and changed against the last build in the"
              + " output folder; when the quiz has not changed since, what the last build that"
              + " changed it changed.")
  boolean diff;

  @Option(
      names = "--skeleton",
      paramLabel = "UNIT",
      description =
          "Write <resource>.quiz.yaml for UNIT (its slug or its resource file), with every"
              + " generated question as commented-out drop, pin and edit entries to uncomment."
              + " Never overwrites a file.")
  String skeleton;

  @Override
  public Integer call() {
    PrintWriter stdout = parent.spec.commandLine().getOut();
    PrintWriter stderr = parent.spec.commandLine().getErr();
    if (!FolderArgument.check(
        courseDir, Message.of("folder.courseFiles"), stderr, parent.language)) {
      return Main.USAGE;
    }
    DiagnosticPrinter printer = new DiagnosticPrinter(stderr, true, parent.debug, parent.language);
    CourseBuild.Result result =
        CourseBuild.run(
            new CourseBuild.Options(courseDir, Optional.ofNullable(out), List.of(), false),
            printer,
            io.github.coursepack.format.FormatContext.Progress.NONE);
    if (skeleton != null) {
      return writeSkeleton(result, stdout, stderr, printer);
    }
    if (diff) {
      QuizDiffPrinter.print(
          stdout, result.course(), result.outputDir(), printer.count(Severity.ERROR) == 0);
      stdout.flush();
      return printer.count(Severity.ERROR) > 0 ? Main.CONTENT_ERRORS : Main.OK;
    }
    for (Unit unit : result.course().units()) {
      List<Question> quiz = unit.quiz().questions();
      stdout.printf(
          "%n%s%n", parent.say("list.header", quiz.size(), unit.title(), unit.sourceName()));
      Set<String> shown = new HashSet<>();
      int n = 0;
      for (Question q : quiz) {
        shown.add(q.id());
        print(stdout, q, ++n, unit, false);
      }
      if (all) {
        for (Question q : result.quizzes().candidates().getOrDefault(unit.id(), List.of())) {
          if (!shown.contains(q.id())) {
            print(stdout, q, 0, unit, true);
          }
        }
      }
    }
    stdout.flush();
    return printer.count(Severity.ERROR) > 0 ? Main.CONTENT_ERRORS : Main.OK;
  }

  private int writeSkeleton(
      CourseBuild.Result result,
      PrintWriter stdout,
      PrintWriter stderr,
      DiagnosticPrinter printer) {
    String wanted = skeleton.strip();
    Optional<Unit> unit =
        result.course().units().stream()
            .filter(
                u ->
                    u.slug().equals(wanted)
                        || u.id().equals(wanted)
                        || u.sourceName().equals(wanted)
                        || stem(u.sourceName()).equals(wanted)
                        || wanted.endsWith("/" + u.sourceName()))
            .findFirst();
    if (unit.isEmpty()) {
      stderr.println(
          parent.say(
              "skeleton.noUnit",
              wanted,
              courseDir,
              String.join(
                  ", ",
                  result.course().units().stream()
                      .map(u -> u.slug() + " (" + u.sourceName() + ")")
                      .toList())));
      stderr.flush();
      return printer.count(Severity.ERROR) > 0 ? Main.CONTENT_ERRORS : Main.USAGE;
    }
    Path resource = result.source().sources().get(unit.get().id());
    Path file = QuizOverrides.sidecarOf(resource);
    if (Files.exists(file)) {
      stderr.println(parent.say("skeleton.exists", file, courseDir));
      stderr.flush();
      return Main.CONTENT_ERRORS;
    }
    Unit u = unit.get();
    String yaml =
        OverrideSkeleton.of(
            u, u.quiz().questions(), result.quizzes().candidates().getOrDefault(u.id(), List.of()));
    try {
      AtomicOutput.write(file, yaml.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      stderr.println(parent.say("skeleton.cannotWrite", file, e.getMessage()));
      stderr.flush();
      return Main.CONTENT_ERRORS;
    }
    stdout.println(parent.say("skeleton.written", file, u.slug(), courseDir));
    stdout.flush();
    return printer.count(Severity.ERROR) > 0 ? Main.CONTENT_ERRORS : Main.OK;
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private void print(PrintWriter out, Question q, int n, Unit unit, boolean left) {
    out.printf(
        "%n%s [%s] %s%n",
        left ? "  " + parent.say("list.leftOut") : String.format("%2d.", n),
        q.kind().id(),
        q.stem());
    out.println("    id: " + q.id());
    if (q instanceof Question.MultipleChoice mc) {
      for (Choice c : mc.choices()) {
        out.println("    " + (c.correct() ? "[x] " : "[ ] ") + c.text());
      }
    } else if (q instanceof Question.TrueFalse tf) {
      out.println("    " + parent.say("list.answer", tf.answer() ? "vrai" : "faux"));
    } else if (q instanceof Question.Matching m) {
      for (Question.Matching.Pair p : m.pairs()) {
        out.println("    " + p.actor() + " -> " + p.role());
      }
    }
    for (Sentence s : q.evidence()) {
      out.println("    " + parent.say("list.evidence", unit.sourceName(), s.line(), s.text()));
    }
  }
}
