package io.github.coursepack.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code coursepack check DIR}: read the course and report, write nothing. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Read the course and print its diagnostics; write nothing.")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand CoursepackCommand parent;

  @Mixin CourseOptions options;

  @Option(
      names = "--grammar",
      description =
          "Also check the French grammar of every generated question with LanguageTool's rules"
              + " (seconds more to start); problems are warnings.")
  boolean grammar;

  @Override
  public Integer call() {
    return BuildCommand.Run.execute(
        parent,
        options,
        Optional.empty(),
        false,
        io.github.coursepack.format.FormatContext.Options.DEFAULT,
        false,
        grammar);
  }
}
