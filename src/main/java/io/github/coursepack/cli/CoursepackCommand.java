package io.github.coursepack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: only lists its sub-commands. */
@Command(
    name = "coursepack",
    mixinStandardHelpOptions = true,
    versionProvider = CoursepackCommand.Version.class,
    description =
        "Turns a folder of video resources (Markdown with YAML front matter) into course"
            + " archives that Moodle and M@gistère import as they are.",
    subcommands = {
      InitCommand.class,
      BuildCommand.class,
      CheckCommand.class,
      QuizCommand.class,
      ActorsCommand.class,
      ValidateCommand.class,
      PreviewCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok (warnings allowed), 1 content errors (an internal error in one resource"
          + " included), 2 usage errors, 3 internal error outside any resource (a bug: please"
          + " report it with the stack trace)."
    })
final class CoursepackCommand implements Runnable {

  final boolean terminal;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal error, to report it.")
  boolean debug;

  @Spec CommandSpec spec;

  CoursepackCommand(boolean terminal) {
    this.terminal = terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in =
          Version.class.getResourceAsStream("/io/github/coursepack/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "coursepack " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
