package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Diagnostic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {

  private final Diagnostic bug =
      Diagnostic.internalError(
          Path.of("r.md").toAbsolutePath(),
          "reading this resource",
          new IllegalStateException("x"));

  private String printed(boolean debug) {
    StringWriter err = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(err), false, debug).report(bug);
    return err.toString();
  }

  @Test
  void anInternalErrorIsOneLineThatAsksForAReport() {
    assertThat(printed(false))
        .isEqualTo(
            "r.md: error: internal error while reading this resource:"
                + " java.lang.IllegalStateException: x; please report it"
                + System.lineSeparator());
  }

  @Test
  void debugAddsTheStackTrace() {
    assertThat(printed(true))
        .contains("please report it")
        .contains("java.lang.IllegalStateException: x")
        .contains("\tat io.github.coursepack.cli.DiagnosticPrinterTest.<init>");
  }
}
