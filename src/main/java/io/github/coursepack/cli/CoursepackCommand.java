package io.github.coursepack.cli;

import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
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

  /**
   * The language of messages and help, resolved before parsing (help is rendered in it) from {@code
   * --lang}, {@code COURSEPACK_LANG} and the locale; see {@link Language#resolve}.
   */
  final Language language;

  /**
   * Declared for picocli (parsing, help, refusing another value); its value was already read by
   * {@link Main#run} into {@link #language}.
   */
  @Option(
      names = "--lang",
      paramLabel = "fr|en",
      scope = ScopeType.INHERIT,
      description =
          "Language of messages and help: fr or en (default: COURSEPACK_LANG, else the locale"
              + " of LC_ALL, LC_MESSAGES, LANG or the system; French when it is French, English"
              + " otherwise). Severity words and rule ids are the same in both.")
  Language lang;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal error, to report it.")
  boolean debug;

  @Spec CommandSpec spec;

  /** A command that speaks English, for tests of the command line's mechanics. */
  CoursepackCommand(boolean terminal) {
    this(terminal, Language.EN);
  }

  CoursepackCommand(boolean terminal, Language language) {
    this.terminal = terminal;
    this.language = language;
  }

  /** The message of {@code key} in the language of this run: what every command prints. */
  String say(String key, Object... args) {
    return Message.of(key, args).in(language);
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
