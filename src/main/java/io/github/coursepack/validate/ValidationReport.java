package io.github.coursepack.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports of a {@code validate} run in the three output formats: text for people ({@code
 * file!entry:line: severity: [RULE] message}, like a compiler's), JSON for scripts, and JUnit XML
 * (one test case per archive, one failure per broken rule) for GitLab and GitHub.
 */
public final class ValidationReport {

  private ValidationReport() {}

  /** A finding's location: the file, then the entry inside it ({@code !}), then the line. */
  static String where(Validator.Report r, PackageFinding f) {
    StringBuilder s = new StringBuilder(r.file().toString());
    if (!f.entry().isEmpty() && !f.entry().equals(r.file().getFileName().toString())) {
      s.append('!').append(f.entry());
    }
    if (f.line() > 0) {
      s.append(':').append(f.line());
    }
    return s.toString();
  }

  /** One line per finding, then one summary line per archive, in English. */
  public static String text(List<Validator.Report> reports) {
    return text(reports, Language.EN);
  }

  /**
   * One line per finding, then one summary line per archive, in {@code language}; places, severity
   * words and rule ids are the same in every language.
   */
  public static String text(List<Validator.Report> reports, Language language) {
    StringBuilder out = new StringBuilder();
    for (Validator.Report r : reports) {
      for (PackageFinding f : r.findings()) {
        out.append(where(r, f))
            .append(": ")
            .append(f.severity().label())
            .append(": [")
            .append(f.rule())
            .append("] ")
            .append(f.message(language))
            .append('\n');
      }
      long errors = r.count(Severity.ERROR);
      long warnings = r.count(Severity.WARNING);
      Message verdict = Message.of(r.valid() ? "validate.valid" : "validate.invalid");
      out.append(
              Message.of(
                      errors + warnings > 0 ? "validate.summary.counts" : "validate.summary",
                      r.file(),
                      r.kind()
                          .map(k -> Message.of("kind." + k.id()))
                          .orElse(Message.of("kind.unknown")),
                      verdict,
                      Message.of("count.error", errors),
                      Message.of("count.warning", warnings))
                  .in(language))
          .append('\n');
    }
    return out.toString();
  }

  /** {@code {"valid": n, "invalid": n, "archives": [{file, kind, valid, findings: [...]}]}}. */
  public static String json(List<Validator.Report> reports) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("valid", reports.stream().filter(Validator.Report::valid).count());
    root.put("invalid", reports.stream().filter(r -> !r.valid()).count());
    root.put(
        "archives",
        reports.stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("file", r.file().toString());
                  m.put("kind", r.kind().map(Kind::id).orElse(null));
                  m.put("valid", r.valid());
                  m.put(
                      "findings",
                      r.findings().stream()
                          .map(
                              f -> {
                                Map<String, Object> x = new LinkedHashMap<>();
                                x.put("severity", f.severity().label());
                                x.put("rule", f.rule());
                                x.put("entry", f.entry());
                                x.put("line", f.line());
                                x.put("message", f.message());
                                return x;
                              })
                          .toList());
                  return m;
                })
            .toList());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always serialise", e);
    }
  }

  /**
   * JUnit XML: a test suite named {@code coursepack validate}, a test case per archive (class name
   * = the kind, name = the file), a {@code <failure>} per error and the warnings in {@code
   * <system-out>}.
   */
  public static byte[] junit(List<Validator.Report> reports) {
    long failures = reports.stream().filter(r -> !r.valid()).count();
    long millis = reports.stream().mapToLong(Validator.Report::millis).sum();
    String[] counts = {
      "tests", String.valueOf(reports.size()),
      "failures", String.valueOf(failures),
      "errors", "0",
      "time", seconds(millis)
    };
    XmlOut x = new XmlOut();
    x.start("testsuites", concat(new String[] {"name", "coursepack validate"}, counts));
    x.start(
        "testsuite", concat(new String[] {"name", "coursepack validate", "skipped", "0"}, counts));
    for (Validator.Report r : reports) {
      x.start(
          "testcase",
          "classname",
          "validate." + r.kind().map(Kind::id).orElse("unknown"),
          "name",
          r.file().toString(),
          "time",
          seconds(r.millis()));
      StringBuilder warnings = new StringBuilder();
      for (PackageFinding f : r.findings()) {
        String line =
            where(r, f) + ": " + f.severity().label() + ": [" + f.rule() + "] " + f.message();
        if (f.severity() == Severity.ERROR) {
          x.leaf("failure", line, "type", f.rule(), "message", f.rule() + ": " + f.message());
        } else {
          warnings.append(line).append('\n');
        }
      }
      if (warnings.length() > 0) {
        x.leaf("system-out", warnings.toString());
      }
      x.end();
    }
    x.end();
    return x.end().toXml().getBytes(StandardCharsets.UTF_8);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
