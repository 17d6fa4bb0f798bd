package io.github.coursepack.format;

import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Severity;
import java.util.Objects;

/**
 * One broken rule found in an archive by a format's check.
 *
 * @param severity error when an LMS would reject or mishandle the package, warning otherwise
 * @param rule a stable rule id, e.g. {@code SCORM12-CP-PREFIX}, for CI reports and suppressions
 * @param entry the archive entry concerned, or empty for the archive as a whole
 * @param line 1-based line in the entry, or 0
 * @param text what is wrong, in any language; the rule id and the severity word are the same in
 *     every language
 */
public record PackageFinding(Severity severity, String rule, String entry, int line, Message text) {

  public PackageFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(text, "text");
  }

  /** A finding whose message is not in the bundles: its English text in every language. */
  public PackageFinding(Severity severity, String rule, String entry, int line, String message) {
    this(severity, rule, entry, line, Message.plain(message));
  }

  /** What is wrong, in English: the message of JSON and JUnit reports. */
  public String message() {
    return text.english();
  }

  /** What is wrong, in {@code language}. */
  public String message(Language language) {
    return text.in(language);
  }

  @Override
  public String toString() {
    return (entry.isEmpty() ? "" : entry + (line > 0 ? ":" + line : "") + ": ")
        + severity.label()
        + ": ["
        + rule
        + "] "
        + message();
  }
}
