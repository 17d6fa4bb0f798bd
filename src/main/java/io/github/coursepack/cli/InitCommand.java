package io.github.coursepack.cli;

import io.github.coursepack.model.Slugs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code coursepack init DIR [--title T]}: a new course folder a trainer fills in, with a {@code
 * course.yaml} and one resource whose comments say what goes where, in French. It builds as it is,
 * so that the first command a trainer types already gives a unit and its quiz to look at.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Create a new course folder to fill in: a course.yaml and a first resource, commented in"
            + " French, that build as they are. Never writes into a folder that holds files.")
final class InitCommand implements Callable<Integer> {

  /** The files written, in the order they are written; their text is in {@code init/}. */
  static final List<String> FILES = List.of("course.yaml", "01-premiere-video.md");

  @ParentCommand CoursepackCommand parent;

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create.")
  Path dir;

  @Option(
      names = "--title",
      paramLabel = "TITLE",
      description = "The course title (default: the folder name, humanised).")
  String title;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = parent.spec.commandLine().getOut();
    PrintWriter err = parent.spec.commandLine().getErr();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      err.println(parent.say("init.isFile", dir));
      return Main.USAGE;
    }
    if (Files.isDirectory(dir) && !isEmpty(dir)) {
      err.println(parent.say("init.notEmpty", dir));
      return Main.USAGE;
    }
    String courseTitle = title != null && !title.isBlank() ? title.strip() : humanised(dir);
    String shortname = Slugs.of(courseTitle);
    if (shortname.isEmpty()) {
      shortname = "parcours";
    }
    Files.createDirectories(dir);
    for (String name : FILES) {
      String text =
          template(name)
              .replace("{{title}}", yamlScalar(courseTitle))
              .replace("{{shortname}}", shortname);
      try {
        // CREATE_NEW: a file that appeared since the check above is never overwritten.
        Files.writeString(
            dir.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        err.println(parent.say("init.appeared", dir.resolve(name)));
        return Main.USAGE;
      }
    }
    out.println(parent.say("init.created", dir, String.join(", ", FILES)));
    out.println(parent.say("init.next", dir));
    out.flush();
    return Main.OK;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** « formation-erun » → « Formation erun », as {@code course.yaml}'s default title. */
  static String humanised(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String s = name == null ? "" : name.toString().replaceAll("[-_]+", " ").strip();
    if (s.isEmpty()) {
      return "Nouveau parcours";
    }
    return s.substring(0, 1).toUpperCase(Locale.FRENCH) + s.substring(1);
  }

  /** A title as a YAML double-quoted scalar, whatever it holds (« : », « # », quotes). */
  static String yamlScalar(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String template(String name) throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
      if (in == null) {
        throw new IllegalStateException("init/" + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
