package io.github.coursepack.cli;

import io.github.coursepack.analysis.FrenchNlp;
import io.github.coursepack.build.CourseBuild;
import io.github.coursepack.build.OutputLock;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Severity;
import io.github.coursepack.preview.PreviewServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code coursepack preview [OUT_DIR|COURSE_DIR] [--port N] [--watch]}: serves the units on
 * 127.0.0.1 under an LMS stand-in. A course folder is built first (SCORM 1.2 only, into its default
 * output folder); with {@code --watch}, an edit rebuilds it and open pages reload.
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description =
        "Click through the units locally: a server on 127.0.0.1 lists them and plays each one"
            + " under a SCORM 1.2 LMS stand-in that shows live what the unit writes (status,"
            + " score, suspend_data, session time). DIR is a course folder (built first) or a"
            + " folder that build wrote.")
final class PreviewCommand implements Callable<Integer> {

  @ParentCommand CoursepackCommand parent;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "A course folder or an output folder (default: the working folder).")
  Path dir = Path.of(".");

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8765;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Where a course folder is built (default: output/<course-slug>).")
  Path out;

  @Option(
      names = "--scorm",
      paramLabel = "EDITION",
      description =
          "The SCORM edition a course folder is built and played in: 1.2 (default) or 2004; an"
              + " output folder plays what it holds.")
  String scorm = "1.2";

  @Option(
      names = "--watch",
      description = "Rebuild when a file of the course folder changes; open pages reload.")
  boolean watch;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = parent.spec.commandLine().getOut();
    PrintWriter stderr = parent.spec.commandLine().getErr();
    if (!FolderArgument.check(dir, Message.of("folder.courseOrOutput"), stderr, parent.language)) {
      return Main.USAGE;
    }
    if (port < 0 || port > 65535) {
      stderr.println(say(Message.of("preview.portRange")));
      return Main.USAGE;
    }
    if (!portFree(port)) {
      // Said now, not after a build of the whole course.
      stderr.println(portTaken());
      return Main.USAGE;
    }
    if (!scorm.equals("1.2") && !scorm.equals("2004")) {
      stderr.println(say(Message.of("preview.scormEdition")));
      return Main.USAGE;
    }
    boolean isOutput = PreviewServer.isOutputFolder(dir);
    if (isOutput && watch) {
      stderr.println(say(Message.of("preview.watchNeedsCourse")));
      return Main.USAGE;
    }
    Supplier<FrenchNlp> nlp = FrenchNlp.lazily();
    Path outputDir = dir;
    String title = null;
    List<String> slugs = List.of();
    DiagnosticPrinter printer = new DiagnosticPrinter(stderr, false, parent.debug, parent.language);
    if (!isOutput) {
      CourseBuild.Result r;
      try {
        r = build(printer, nlp);
      } catch (OutputLock.Busy busy) {
        stderr.println(say(Message.of("cli.prefixed", busy.said())));
        return Main.USAGE;
      }
      outputDir = r.outputDir();
      title = r.course().title();
      slugs = r.course().units().stream().map(u -> u.slug()).toList();
      if (r.archives().isEmpty()) {
        stderr.println(say(Message.of("preview.noUnit", dir)));
        return Main.CONTENT_ERRORS;
      }
    }
    PreviewServer server;
    try {
      server = PreviewServer.start(outputDir, port, watch);
    } catch (BindException e) {
      stderr.println(portTaken()); // taken while the course was built
      return Main.USAGE;
    }
    if (scorm.equals("2004")) {
      server.prefer2004();
    }
    if (title != null) {
      server.courseTitle(title);
      server.only(slugs);
    }
    stdout.println(
        say(
            Message.of(
                watch ? "preview.serving.watch" : "preview.serving",
                server.units(),
                server.address())));
    stdout.flush();
    if (watch) {
      watchAndRebuild(server, outputDir, printer, nlp, stdout, stderr);
    } else {
      Thread.currentThread().join();
    }
    return Main.OK;
  }

  private String portTaken() {
    return say(Message.of("preview.portTaken", port));
  }

  private String say(Message m) {
    return m.in(parent.language);
  }

  /** Whether the port can be listened on now (0, any free port, always can). */
  private static boolean portFree(int port) {
    if (port == 0) {
      return true;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private CourseBuild.Result build(DiagnosticPrinter printer, Supplier<FrenchNlp> nlp) {
    return CourseBuild.run(
        new CourseBuild.Options(
            dir,
            Optional.ofNullable(out),
            List.of(scorm.equals("2004") ? "scorm2004" : "scorm12", "report"),
            true),
        printer,
        (format, unit, archive) -> {},
        nlp);
  }

  /** Rebuilds after each burst of changes to the course folder (its output folder excepted). */
  private void watchAndRebuild(
      PreviewServer server,
      Path outputDir,
      DiagnosticPrinter printer,
      Supplier<FrenchNlp> nlp,
      PrintWriter stdout,
      PrintWriter stderr)
      throws IOException, InterruptedException {
    Path output = outputDir.toAbsolutePath().normalize();
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      register(watcher, dir.toAbsolutePath().normalize(), output);
      while (true) {
        boolean relevant = relevant(watcher.take(), output);
        // Editors save in several steps: wait for the burst to end, and take it all.
        TimeUnit.MILLISECONDS.sleep(300);
        WatchKey more;
        while ((more = watcher.poll()) != null) {
          relevant |= relevant(more, output);
        }
        if (!relevant) {
          continue;
        }
        long start = System.nanoTime();
        int errorsBefore = printer.count(Severity.ERROR);
        CourseBuild.Result r;
        try {
          r = build(printer, nlp);
        } catch (OutputLock.Busy busy) {
          stderr.println(say(Message.of("cli.prefixed", busy.said())));
          stdout.println(say(Message.of("preview.notRebuilt")));
          stdout.flush();
          continue;
        } catch (RuntimeException | StackOverflowError bug) {
          // A bug outside any resource: say it, keep serving the last build, wait for the next
          // edit.
          Main.internalError(bug, stderr, parent.language);
          stdout.println(say(Message.of("preview.notRebuiltBug")));
          stdout.flush();
          continue;
        }
        server.courseTitle(r.course().title());
        server.reload(r.course().units().stream().map(u -> u.slug()).toList());
        stdout.println(
            say(
                Message.of(
                    printer.count(Severity.ERROR) > errorsBefore
                        ? "preview.rebuilt.errors"
                        : "preview.rebuilt",
                    server.units(),
                    String.format(
                        parent.language == io.github.coursepack.i18n.Language.FR
                            ? java.util.Locale.FRENCH
                            : java.util.Locale.ROOT,
                        "%.1f",
                        (System.nanoTime() - start) / 1e9))));
        stdout.flush();
      }
    } catch (ClosedWatchServiceException e) {
      // stopped
    }
  }

  /** Whether a key's events touch the course: not the output folder, not hidden files. */
  private static boolean relevant(WatchKey key, Path output) {
    boolean relevant = false;
    Path watched = (Path) key.watchable();
    for (WatchEvent<?> e : key.pollEvents()) {
      if (!(e.context() instanceof Path name)) {
        relevant = true; // overflow: rebuild to be safe
        continue;
      }
      Path changed = watched.resolve(name).toAbsolutePath().normalize();
      String file = name.getFileName().toString();
      if (!changed.startsWith(output)
          && !output.startsWith(changed)
          && !file.startsWith(".")
          && !file.endsWith("~")) {
        relevant = true;
      }
    }
    key.reset();
    return relevant;
  }

  /** Watches the course folder and its sub-folders, except the output folder and hidden ones. */
  private static void register(WatchService watcher, Path root, Path output) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path d : walk.filter(Files::isDirectory).toList()) {
        String name = d.getFileName() == null ? "" : d.getFileName().toString();
        if (d.startsWith(output) || (!d.equals(root) && name.startsWith("."))) {
          continue;
        }
        d.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }
}
