package io.github.coursepack.cli;

import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Entry point. Only {@link #main} calls {@code System.exit}; {@link #run} returns the exit code, so
 * that tests run the real command line in-process.
 */
public final class Main {

  /** Exit code when everything went well (warnings allowed, unless {@code --strict}). */
  public static final int OK = 0;

  /** Exit code when the content had errors (or warnings with {@code --strict}). */
  public static final int CONTENT_ERRORS = 1;

  /** Exit code for a wrong command line: unknown option, missing folder, unknown format. */
  public static final int USAGE = 2;

  /** Exit code for a bug in coursepack itself; the stack trace goes to standard error. */
  public static final int INTERNAL_ERROR = 3;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, System.console() != null, args));
  }

  /**
   * Runs a command line.
   *
   * @param terminal whether output goes to a terminal (progress is then shown on one line)
   */
  public static int run(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
    return run(out, err, terminal, System.getenv(), java.util.Locale.getDefault(), args);
  }

  /**
   * {@link #run(PrintWriter, PrintWriter, boolean, String...)} with the environment and default
   * locale that choose the language given, for tests of that choice.
   */
  static int run(
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      java.util.Map<String, String> env,
      java.util.Locale locale,
      String... args) {
    Language language = Language.resolve(languageFlag(args), env, locale);
    CommandLine cli = new CommandLine(new CoursepackCommand(terminal, language));
    Help.localise(cli, language);
    return run(cli, out, err, args);
  }

  /**
   * The value of {@code --lang} in {@code args}, read before picocli parses them so that the help
   * it prints is already in that language. A value other than {@code fr} or {@code en} is left to
   * picocli, which refuses it (exit 2).
   */
  static Optional<Language> languageFlag(String... args) {
    Optional<Language> found = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals("--")) {
        break;
      } else if (args[i].equals("--lang") && i + 1 < args.length) {
        value = args[++i];
      } else if (args[i].startsWith("--lang=")) {
        value = args[i].substring("--lang=".length());
      }
      if (value != null) {
        for (Language l : Language.values()) {
          if (l.code().equalsIgnoreCase(value)) {
            found = Optional.of(l); // the last one wins, as in picocli
          }
        }
      }
    }
    return found;
  }

  /** Runs {@code cli} with the exit codes above; package-private for a test of the mapping. */
  static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    Language language = cli.getCommand() instanceof CoursepackCommand c ? c.language : Language.EN;
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> internalError(e, err, language));
    int code;
    try {
      code = cli.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only exceptions to the handler; an Error (a stack overflow) ends up here.
      code = internalError(e, err, language);
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * A failure outside any resource (one inside a resource is an error on that resource): a bug,
   * said plainly, with the trace for the report.
   */
  static int internalError(Throwable e, PrintWriter err, Language language) {
    err.println(Message.of("cli.internalError", String.valueOf(e)).in(language));
    e.printStackTrace(err);
    err.flush();
    return INTERNAL_ERROR;
  }
}
