package io.github.coursepack.cli;

import io.github.coursepack.format.FormatContext;
import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Unit;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Shows each archive as it is written: on a terminal, one line rewritten in place; otherwise (CI
 * logs, pipes) one plain line per archive.
 */
final class ConsoleProgress implements FormatContext.Progress {

  private final PrintWriter out;
  private final boolean terminal;
  private final boolean quiet;
  private java.util.List<Unit> units = java.util.List.of();
  private boolean lineOpen;

  private final Language language;

  ConsoleProgress(PrintWriter out, boolean terminal, boolean quiet) {
    this(out, terminal, quiet, Language.EN);
  }

  ConsoleProgress(PrintWriter out, boolean terminal, boolean quiet, Language language) {
    this.out = out;
    this.terminal = terminal;
    this.quiet = quiet;
    this.language = language;
  }

  @Override
  public void courseRead(io.github.coursepack.model.Course course) {
    units = course.units();
  }

  @Override
  public void archiveWritten(String format, Unit unit, Path archive) {
    if (quiet) {
      return;
    }
    String where =
        unit == null
            ? Message.of("progress.course").in(language)
            : (units.indexOf(unit) + 1) + "/" + units.size() + " " + unit.sourceName();
    String line = String.format("%-9s [%s] -> %s", format, where, ShownPath.of(archive));
    if (terminal) {
      out.print("\r\033[K" + line);
      lineOpen = true;
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the in-place line, so that what follows starts on a line of its own. */
  void clear() {
    if (lineOpen) {
      out.print("\r\033[K");
      out.flush();
      lineOpen = false;
    }
  }
}
