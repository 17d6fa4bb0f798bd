package io.github.coursepack.format;

import io.github.coursepack.model.Severity;
import java.util.Objects;

/**
 * One broken rule found in an archive by a format's check.
 *
 * @param severity error when an LMS would reject or mishandle the package, warning otherwise
 * @param rule a stable rule id, e.g. {@code SCORM12-CP-PREFIX}, for CI reports and suppressions
 * @param entry the archive entry concerned, or empty for the archive as a whole
 * @param line 1-based line in the entry, or 0
 * @param message what is wrong, in English
 */
public record PackageFinding(
    Severity severity, String rule, String entry, int line, String message) {

  public PackageFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (entry.isEmpty() ? "" : entry + (line > 0 ? ":" + line : "") + ": ")
        + severity.label()
        + ": ["
        + rule
        + "] "
        + message;
  }
}
