package io.github.coursepack.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where readers and writers put their diagnostics; they report and go on, they do not throw. */
@FunctionalInterface
public interface DiagnosticSink {

  void report(Diagnostic diagnostic);

  /** A sink that keeps everything in memory, in the order reported; not thread-safe. */
  static Collecting collecting() {
    return new Collecting();
  }

  /** An in-memory sink. */
  final class Collecting implements DiagnosticSink {
    private final List<Diagnostic> list = new ArrayList<>();

    private Collecting() {}

    @Override
    public void report(Diagnostic diagnostic) {
      list.add(diagnostic);
    }

    public List<Diagnostic> list() {
      return Collections.unmodifiableList(list);
    }

    public boolean hasErrors() {
      return list.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
      return list.stream().filter(d -> d.severity() == severity).count();
    }
  }
}
