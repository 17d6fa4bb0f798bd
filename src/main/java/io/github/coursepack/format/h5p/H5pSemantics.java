package io.github.coursepack.format.h5p;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.model.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks content parameters against the libraries' {@code semantics.json}, as H5P's content filter
 * reads them (FORMATS.md §3.3, 6): the type of every value, required fields, select values among
 * their options, numbers within their bounds, list sizes, sub-content libraries literally among the
 * field's options (a wrong minor version drops the sub-content) and HTML tags among those the field
 * allows. A group with a single field stands for that field's value.
 *
 * <p>What H5P would drop or mangle is an error; a required field left to the player's default is a
 * warning.
 */
final class H5pSemantics {

  /** Tags H5P keeps in every HTML field, beside the field's own (validateText). */
  static final Set<String> ALWAYS = Set.of("div", "span", "p", "br");

  private static final Pattern TAG = Pattern.compile("<\\s*([a-zA-Z][a-zA-Z0-9]*)");

  private final Map<String, JsonNode> semantics;
  private final List<PackageFinding> findings;
  private final String entry;

  H5pSemantics(Map<String, JsonNode> semantics, List<PackageFinding> findings, String entry) {
    this.semantics = semantics;
    this.findings = findings;
    this.entry = entry;
  }

  /** Checks the params of {@code library}; false when its semantics are not at hand. */
  boolean check(String library, JsonNode params, String path) {
    JsonNode fields = semantics.get(library);
    if (fields == null) {
      return false;
    }
    group(fields, params, path);
    return true;
  }

  private void group(JsonNode fields, JsonNode value, String path) {
    if (!value.isObject()) {
      error(path, "should be an object");
      return;
    }
    for (JsonNode f : fields) {
      String name = f.path("name").asText();
      JsonNode v = value.get(name);
      if (v == null || v.isNull()) {
        if (!f.path("optional").asBoolean(false) && !f.has("default") && !isGroupOfDefaults(f)) {
          warning(path + "/" + name, "is required by the semantics; the player's default is used");
        }
        continue;
      }
      field(f, v, path + "/" + name);
    }
  }

  /** A group whose fields all have defaults or are optional: the player fills it. */
  private static boolean isGroupOfDefaults(JsonNode f) {
    if (!f.path("type").asText().equals("group")) {
      return false;
    }
    for (JsonNode c : f.path("fields")) {
      if (!c.path("optional").asBoolean(false) && !c.has("default") && !isGroupOfDefaults(c)) {
        return false;
      }
    }
    return true;
  }

  private void field(JsonNode f, JsonNode v, String path) {
    switch (f.path("type").asText()) {
      case "group" -> {
        JsonNode fields = f.path("fields");
        if (fields.size() == 1 && !v.isObject()) {
          field(fields.get(0), v, path); // a single-field group is stored flattened
        } else if (fields.size() == 1
            && v.isObject()
            && !v.has(fields.get(0).path("name").asText())) {
          field(fields.get(0), v, path);
        } else {
          group(fields, v, path);
        }
      }
      case "text" -> text(f, v, path);
      case "number" -> {
        if (!v.isNumber()) {
          error(path, "should be a number, not " + v);
        } else {
          if (f.has("min") && v.asDouble() < f.path("min").asDouble()) {
            error(path, v + " is below the minimum " + f.path("min"));
          }
          if (f.has("max") && v.asDouble() > f.path("max").asDouble()) {
            error(path, v + " is above the maximum " + f.path("max"));
          }
        }
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          error(path, "should be true or false, not " + v);
        }
      }
      case "select" -> {
        Set<String> allowed = new HashSet<>();
        f.path("options").forEach(o -> allowed.add(o.path("value").asText()));
        if (f.path("multiple").asBoolean(false) && v.isArray()) {
          v.forEach(
              x -> {
                if (!allowed.contains(x.asText())) {
                  error(path, "'" + x.asText() + "' is not one of " + allowed);
                }
              });
        } else if (!allowed.contains(v.asText())) {
          error(path, "'" + v.asText() + "' is not one of " + allowed);
        }
      }
      case "list" -> {
        if (!v.isArray()) {
          error(path, "should be a list");
          return;
        }
        if (f.has("min") && v.size() < f.path("min").asInt()) {
          error(path, "has " + v.size() + " items, fewer than " + f.path("min"));
        }
        if (f.has("max") && v.size() > f.path("max").asInt()) {
          error(path, "has " + v.size() + " items, more than " + f.path("max"));
        }
        for (int i = 0; i < v.size(); i++) {
          field(f.path("field"), v.get(i), path + "/" + i);
        }
      }
      case "library" -> library(f, v, path);
      case "image", "file" -> {
        if (!v.isObject() || !v.has("path")) {
          error(path, "should be a file object with a path");
        }
      }
      case "video", "audio" -> {
        if (!v.isArray()) {
          error(path, "should be a list of file objects");
        }
      }
      default -> {}
    }
  }

  private void text(JsonNode f, JsonNode v, String path) {
    if (!v.isTextual()) {
      error(path, "should be text, not " + v);
      return;
    }
    if (f.has("maxLength") && v.asText().length() > f.path("maxLength").asInt()) {
      error(path, "is longer than " + f.path("maxLength") + " characters");
    }
    boolean html = f.path("widget").asText().equals("html") || f.has("tags");
    if (!html) {
      return;
    }
    Set<String> allowed = new HashSet<>(ALWAYS);
    f.path("tags").forEach(t -> allowed.add(t.asText().toLowerCase(java.util.Locale.ROOT)));
    expand(allowed);
    Matcher m = TAG.matcher(v.asText());
    Set<String> reported = new HashSet<>();
    while (m.find()) {
      String tag = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (!allowed.contains(tag) && reported.add(tag)) {
        error(path, "<" + tag + "> is not allowed in this field: H5P strips it");
      }
    }
  }

  /** Tags H5P adds with others (validateText). */
  private static void expand(Set<String> tags) {
    if (tags.contains("ul") || tags.contains("ol")) {
      tags.add("li");
    }
    if (tags.contains("del") || tags.contains("strike")) {
      tags.add("s");
    }
    if (tags.contains("strong")) {
      tags.add("b");
    }
    if (tags.contains("em")) {
      tags.add("i");
    }
    if (tags.contains("table")) {
      tags.addAll(Set.of("tr", "td", "th", "colgroup", "thead", "tbody", "tfoot"));
    }
  }

  private void library(JsonNode f, JsonNode v, String path) {
    if (!v.isObject() || !v.has("library")) {
      error(path, "should be a sub-content object with a library");
      return;
    }
    String lib = v.path("library").asText();
    boolean listed = false;
    for (JsonNode o : f.path("options")) {
      listed |= (o.isTextual() ? o.asText() : o.path("name").asText()).equals(lib);
    }
    if (!listed) {
      error(path, "'" + lib + "' is not among the libraries this field allows: H5P drops it");
      return;
    }
    check(lib, v.path("params"), path + "/params");
  }

  private void error(String path, String message) {
    findings.add(
        new PackageFinding(Severity.ERROR, "H5P-SEMANTICS", entry, 0, path + ": " + message));
  }

  private void warning(String path, String message) {
    findings.add(
        new PackageFinding(
            Severity.WARNING, "H5P-SEMANTICS-DEFAULT", entry, 0, path + ": " + message));
  }
}
