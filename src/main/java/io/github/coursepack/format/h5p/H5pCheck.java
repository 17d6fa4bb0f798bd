package io.github.coursepack.format.h5p;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks an {@code .h5p} package the way H5P's validator in Moodle does (FORMATS.md §3.3): {@code
 * h5p.json} and {@code content/content.json} present and valid JSON, the fields of {@code h5p.json}
 * (title of at most 255 bytes on one line, language, main library among the dependencies, {@code
 * embedTypes} an array, integer versions, licence values), no directory entries, content files with
 * whitelisted extensions, names starting with {@code .} or {@code _} (skipped by H5P, so missing),
 * bundled library folders ({@code library.json}, their files, core API ≤ 1.27) and their
 * dependencies, media paths of {@code content.json} present, and lowercase UUIDs for sub-content.
 *
 * <p>Libraries that are neither bundled nor known to be on the site are reported once, as a warning
 * listing what the site must have: a package without libraries is the normal case.
 *
 * <p>Usage: {@code List<PackageFinding> findings = H5pCheck.check(Path.of("unit.h5p"));}
 */
public final class H5pCheck {

  static final long MAX_JSON_BYTES = 16L * 1024 * 1024;

  /** {@code H5PCore::$defaultContentWhitelist}. */
  static final Set<String> CONTENT_WHITELIST =
      Set.of(
          "json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "eot", "ttf", "woff", "woff2",
          "otf", "webm", "mp4", "ogg", "mp3", "m4a", "wav", "txt", "pdf", "rtf", "doc", "docx",
          "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "diff", "patch", "swf", "md",
          "textile", "vtt", "webvtt", "gltf", "glb");

  /** {@code $defaultLibraryWhitelistExtras}: library folders may also hold code. */
  static final Set<String> LIBRARY_EXTRAS = Set.of("js", "css", "svg", "xml");

  static final Set<String> LICENCES =
      Set.of(
          "CC BY",
          "CC BY-SA",
          "CC BY-ND",
          "CC BY-NC",
          "CC BY-NC-SA",
          "CC BY-NC-ND",
          "CC0 1.0",
          "GNU GPL",
          "PD",
          "ODC PDDL",
          "CC PDM",
          "U",
          "C");

  static final Set<String> LICENCE_VERSIONS = Set.of("1.0", "2.0", "2.5", "3.0", "4.0");

  /** The H5P core API of Moodle's bundled h5plib_v127 (4.1 to 4.5). */
  static final int[] MOODLE_CORE_API = {1, 27};

  private static final Pattern LANGUAGE = Pattern.compile("^[-a-zA-Z]{1,10}$");
  private static final Pattern MACHINE_NAME = Pattern.compile("^[\\w0-9\\-.]{1,255}$");
  private static final Pattern LIBRARY_FOLDER =
      Pattern.compile("^([\\w0-9\\-.]{1,255}?)(?:-(\\d+)\\.(\\d+))?$");
  private static final Pattern UUID =
      Pattern.compile("^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<PackageFinding> findings = new ArrayList<>();

  private H5pCheck() {}

  public static List<PackageFinding> check(Path h5p) {
    H5pCheck c = new H5pCheck();
    try (ZipFile zip = ZipFile.builder().setPath(h5p).get()) {
      Map<String, Boolean> names = new LinkedHashMap<>();
      Map<String, ZipArchiveEntry> entries = new HashMap<>();
      for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
        names.putIfAbsent(e.getName(), e.isDirectory());
        entries.putIfAbsent(e.getName(), e);
      }
      c.run(names, name -> zip.getInputStream(entries.get(name)));
    } catch (IOException | RuntimeException e) {
      c.error("ARCHIVE-UNREADABLE", "", 0, "not a readable zip: " + e.getMessage());
    }
    return Collections.unmodifiableList(c.findings);
  }

  /**
   * Checks a package from the content its writer zipped, without reading the written file back: the
   * same checks as {@link #check(Path)}, on the JSON held in memory; media files are not read.
   */
  public static List<PackageFinding> check(ArchiveContent content) {
    H5pCheck c = new H5pCheck();
    Map<String, Boolean> names = new LinkedHashMap<>();
    content.entries().keySet().forEach(n -> names.put(n, false));
    try {
      c.run(names, name -> content.entries().get(name).open());
    } catch (IOException | RuntimeException e) {
      c.error("ARCHIVE-UNREADABLE", "", 0, "unreadable content: " + e.getMessage());
    }
    return Collections.unmodifiableList(c.findings);
  }

  /** Opens an entry of the package by name. */
  @FunctionalInterface
  private interface Entries {
    InputStream open(String name) throws IOException;
  }

  /**
   * A library as {@code h5p.json} or a {@code library.json} names it: machine name, major.minor.
   */
  record Dependency(String machineName, int major, int minor) {
    @Override
    public String toString() {
      return machineName + " " + major + "." + minor;
    }
  }

  /**
   * Checks a package.
   *
   * @param names the entry names in archive order, each with whether it is a directory entry
   */
  private void run(Map<String, Boolean> names, Entries zip) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> e : names.entrySet()) {
      String name = e.getKey();
      if (e.getValue()) {
        error(
            "H5P-DIRECTORY-ENTRY",
            name,
            0,
            "a directory entry: H5P takes it for a file without an extension and refuses the"
                + " package; write files only");
        continue;
      }
      if (skipped(name)) {
        warning(
            "H5P-SKIPPED-NAME",
            name,
            0,
            "a name starting with '.' or '_' is skipped by H5P: this file will be missing");
        continue;
      }
      files.put(name, name);
    }
    JsonNode h5pJson = json(zip, files.get("h5p.json"), "h5p.json");
    JsonNode content = json(zip, files.get("content/content.json"), "content/content.json");
    Map<String, JsonNode> libraries = new HashMap<>();
    Map<String, JsonNode> semantics = new HashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String name = f.getKey();
      if (name.equals("h5p.json") || name.equals("content/content.json")) {
        continue;
      }
      int slash = name.indexOf('/');
      if (slash < 0) {
        error(
            "H5P-STRAY-FILE",
            name,
            0,
            "a file at the root other than h5p.json: H5P reads it as a library folder and"
                + " refuses the package");
      } else if (name.startsWith("content/")) {
        if (!CONTENT_WHITELIST.contains(extension(name))) {
          error(
              "H5P-NOT-WHITELISTED",
              name,
              0,
              "content files must have one of H5P's allowed extensions (no ."
                  + extension(name)
                  + "; captions are .vtt, never .srt)");
        }
      } else {
        String folder = name.substring(0, slash);
        String ext = extension(name);
        if (!CONTENT_WHITELIST.contains(ext) && !LIBRARY_EXTRAS.contains(ext)) {
          error("H5P-NOT-WHITELISTED", name, 0, "library files may not be ." + ext);
        }
        if (name.equals(folder + "/library.json")) {
          JsonNode lib = json(zip, f.getValue(), name);
          if (lib != null) {
            libraries.put(folder, lib);
          }
        } else if (name.equals(folder + "/semantics.json")) {
          JsonNode sem = json(zip, f.getValue(), name);
          if (sem != null) {
            semantics.put(folder, sem);
          }
        }
      }
    }
    Set<String> folders = new LinkedHashSet<>();
    for (String name : files.keySet()) {
      int slash = name.indexOf('/');
      if (slash > 0 && !name.startsWith("content/")) {
        folders.add(name.substring(0, slash));
      }
    }
    Map<String, Dependency> bundled = new LinkedHashMap<>();
    for (String folder : folders) {
      Dependency d = library(folder, libraries.get(folder), files.keySet());
      if (d != null) {
        bundled.put(d.machineName() + " " + d.major() + "." + d.minor(), d);
      }
    }
    List<Dependency> needed = new ArrayList<>();
    if (h5pJson != null) {
      needed.addAll(h5pJson(h5pJson));
    }
    for (Map.Entry<String, JsonNode> lib : libraries.entrySet()) {
      for (String field :
          List.of("preloadedDependencies", "dynamicDependencies", "editorDependencies")) {
        needed.addAll(dependencies(lib.getValue().get(field), lib.getKey() + "/library.json"));
      }
    }
    Set<String> missing = new LinkedHashSet<>();
    for (Dependency d : needed) {
      if (!bundled.containsKey(d.toString())) {
        missing.add(d.toString());
      }
    }
    if (!missing.isEmpty()) {
      warning(
          "H5P-LIBRARY-NOT-BUNDLED",
          "h5p.json",
          0,
          (bundled.isEmpty()
                  ? "the package carries no library: the site must have "
                  : "libraries neither bundled nor in the package; the site must have ")
              + String.join(", ", missing)
              + " (same major.minor)");
    }
    if (content != null) {
      contentJson(content, files.keySet());
      if (h5pJson != null) {
        semantics(h5pJson, content, libraries, semantics);
      }
    }
  }

  /** A path H5P skips: one of its segments starts with {@code .} or {@code _}. */
  static boolean skipped(String name) {
    for (String part : name.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static String extension(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private JsonNode json(Entries zip, String entry, String name) throws IOException {
    if (entry == null) {
      if (name.equals("h5p.json") || name.equals("content/content.json")) {
        error("H5P-MISSING", name, 0, "missing: every H5P package has it");
      }
      return null;
    }
    byte[] bytes;
    try (InputStream in = zip.open(entry)) {
      bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
    }
    if (bytes.length > MAX_JSON_BYTES) {
      error("ARCHIVE-LIMIT", name, 0, "more than 16 MB of JSON");
      return null;
    }
    try {
      return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      error("H5P-JSON-MALFORMED", name, line, "not valid JSON: " + e.getOriginalMessage());
      return null;
    }
  }

  /** Checks h5p.json's fields; returns the dependencies it names. */
  private List<Dependency> h5pJson(JsonNode h) {
    String entry = "h5p.json";
    if (!h.isObject()) {
      error("H5P-JSON-FIELD", entry, 0, "h5p.json is not a JSON object");
      return List.of();
    }
    JsonNode title = h.get("title");
    if (title == null || !title.isTextual() || title.asText().isEmpty()) {
      error("H5P-JSON-FIELD", entry, 0, "'title' is missing or empty");
    } else if (title.asText().getBytes(StandardCharsets.UTF_8).length > 255
        || title.asText().contains("\n")) {
      error(
          "H5P-JSON-FIELD",
          entry,
          0,
          "'title' must be one line of at most 255 bytes of UTF-8 (an 'é' counts two)");
    }
    JsonNode language = h.get("language");
    if (language == null || !LANGUAGE.matcher(language.asText()).matches()) {
      error("H5P-JSON-FIELD", entry, 0, "'language' must be a code like fr, fr-FR or und");
    }
    JsonNode embed = h.get("embedTypes");
    boolean embedOk = embed != null && embed.isArray() && !embed.isEmpty();
    if (embedOk) {
      for (JsonNode t : embed) {
        embedOk &= t.isTextual() && (t.asText().equals("iframe") || t.asText().equals("div"));
      }
    }
    if (!embedOk) {
      error("H5P-JSON-FIELD", entry, 0, "'embedTypes' must be an array of \"iframe\" or \"div\"");
    }
    JsonNode licence = h.get("license");
    if (licence != null && !LICENCES.contains(licence.asText())) {
      error(
          "H5P-JSON-FIELD",
          entry,
          0,
          "'license' '"
              + licence.asText()
              + "' is not one H5P knows (e.g. 'CC BY-SA', not 'CC-BY-SA')");
    }
    JsonNode version = h.get("licenseVersion");
    if (version != null && !LICENCE_VERSIONS.contains(version.asText())) {
      error("H5P-JSON-FIELD", entry, 0, "'licenseVersion' must be 1.0, 2.0, 2.5, 3.0 or 4.0");
    }
    JsonNode authors = h.get("authors");
    if (authors != null) {
      boolean ok = authors.isArray();
      if (ok) {
        for (JsonNode a : authors) {
          ok &= a.isObject() && a.hasNonNull("name") && a.hasNonNull("role");
        }
      }
      if (!ok) {
        error("H5P-JSON-FIELD", entry, 0, "'authors' must be an array of {name, role}");
      }
    }
    List<Dependency> deps = dependencies(h.get("preloadedDependencies"), entry);
    if (h.get("preloadedDependencies") == null) {
      error("H5P-JSON-FIELD", entry, 0, "'preloadedDependencies' is missing");
    }
    JsonNode main = h.get("mainLibrary");
    if (main == null || !MACHINE_NAME.matcher(main.asText()).matches()) {
      error("H5P-JSON-FIELD", entry, 0, "'mainLibrary' is missing or not a machine name");
    } else if (deps.stream().noneMatch(d -> d.machineName().equals(main.asText()))) {
      error(
          "H5P-MAIN-LIBRARY",
          entry,
          0,
          "the main library " + main.asText() + " is not in 'preloadedDependencies'");
    }
    return deps;
  }

  private List<Dependency> dependencies(JsonNode list, String entry) {
    List<Dependency> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      error("H5P-JSON-FIELD", entry, 0, "dependencies must be an array");
      return out;
    }
    for (JsonNode d : list) {
      JsonNode name = d.get("machineName");
      Integer major = version(d.get("majorVersion"));
      Integer minor = version(d.get("minorVersion"));
      if (name == null
          || !MACHINE_NAME.matcher(name.asText()).matches()
          || major == null
          || minor == null) {
        error(
            "H5P-DEPENDENCY",
            entry,
            0,
            "a dependency needs machineName, majorVersion and minorVersion as integers (1, not"
                + " 1.0): "
                + d);
        continue;
      }
      out.add(new Dependency(name.asText(), major, minor));
    }
    return out;
  }

  /** An integer or a string of digits, as H5P accepts; a float is refused. */
  private static Integer version(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isInt() || v.isLong()) {
      return v.asInt();
    }
    if (v.isTextual() && v.asText().matches("\\d{1,9}")) {
      return Integer.parseInt(v.asText());
    }
    return null;
  }

  /** Whether a folder name's digits say {@code n}; they may be too many for an int. */
  private static boolean sameNumber(String digits, int n) {
    return digits.replaceFirst("^0+(?=.)", "").equals(Integer.toString(n));
  }

  /** Checks a bundled library folder; returns what it provides, or null. */
  private Dependency library(String folder, JsonNode lib, Set<String> files) {
    String entry = folder + "/library.json";
    var m = LIBRARY_FOLDER.matcher(folder);
    if (!m.matches()) {
      error("H5P-LIBRARY", folder, 0, "not a library folder name (Machine.Name-1.2)");
      return null;
    }
    if (lib == null) {
      if (files.contains(entry)) {
        return null; // malformed, already reported
      }
      error("H5P-LIBRARY", entry, 0, "a library folder without library.json");
      return null;
    }
    for (String field :
        List.of(
            "title", "machineName", "majorVersion", "minorVersion", "patchVersion", "runnable")) {
      if (!lib.has(field)) {
        error("H5P-LIBRARY", entry, 0, "'" + field + "' is missing");
      }
    }
    Integer major = version(lib.get("majorVersion"));
    Integer minor = version(lib.get("minorVersion"));
    String machine = lib.path("machineName").asText();
    if (major == null || minor == null) {
      return null;
    }
    if (m.group(2) != null
        && (!m.group(1).equals(machine)
            || !sameNumber(m.group(2), major)
            || !sameNumber(m.group(3), minor))) {
      error(
          "H5P-LIBRARY",
          entry,
          0,
          "the folder is "
              + folder
              + " but library.json says "
              + machine
              + " "
              + major
              + "."
              + minor);
    }
    for (String list : List.of("preloadedJs", "preloadedCss")) {
      for (JsonNode f : lib.path(list)) {
        String p = folder + "/" + f.path("path").asText();
        if (!files.contains(p)) {
          error(
              "H5P-LIBRARY-FILE", entry, 0, list + " names " + p + ", which is not in the package");
        }
      }
    }
    JsonNode api = lib.get("coreApi");
    if (api != null) {
      int apiMajor = api.path("majorVersion").asInt();
      int apiMinor = api.path("minorVersion").asInt();
      if (apiMajor > MOODLE_CORE_API[0]
          || (apiMajor == MOODLE_CORE_API[0] && apiMinor > MOODLE_CORE_API[1])) {
        warning(
            "H5P-CORE-API",
            entry,
            0,
            machine
                + " needs H5P core "
                + apiMajor
                + "."
                + apiMinor
                + "; Moodle 4.1 to 4.5 run core 1.27 and refuse it");
      }
    }
    return new Dependency(machine, major, minor);
  }

  /**
   * With the libraries' semantics in the package, content.json is checked against them ({@link
   * H5pSemantics}); without, the rules above are all that can be said.
   */
  private void semantics(
      JsonNode h5pJson,
      JsonNode content,
      Map<String, JsonNode> libraries,
      Map<String, JsonNode> semanticsByFolder) {
    Map<String, JsonNode> byLibrary = new HashMap<>();
    for (Map.Entry<String, JsonNode> s : semanticsByFolder.entrySet()) {
      JsonNode lib = libraries.get(s.getKey());
      if (lib != null) {
        byLibrary.put(
            lib.path("machineName").asText()
                + " "
                + version(lib.get("majorVersion"))
                + "."
                + version(lib.get("minorVersion")),
            s.getValue());
      }
    }
    String main = h5pJson.path("mainLibrary").asText();
    for (Dependency d : dependencies(h5pJson.get("preloadedDependencies"), "h5p.json")) {
      if (d.machineName().equals(main)) {
        new H5pSemantics(byLibrary, findings, "content/content.json")
            .check(d.toString(), content, "");
      }
    }
  }

  /** Media paths exist under content/; sub-content ids are lowercase UUIDs. */
  private void contentJson(JsonNode node, Set<String> files) {
    if (node.isObject()) {
      JsonNode path = node.get("path");
      if (path != null && path.isTextual() && node.has("mime")) {
        String p = path.asText().replaceFirst("#tmp$", "");
        if (!p.matches("(?i)^[a-z][a-z0-9+.-]*://.*") && !files.contains("content/" + p)) {
          error(
              "H5P-FILE-MISSING",
              "content/content.json",
              0,
              "'" + p + "' is not in the package's content/ folder");
        }
      }
      JsonNode id = node.get("subContentId");
      if (id != null && !UUID.matcher(id.asText()).matches()) {
        error(
            "H5P-SUBCONTENT-ID",
            "content/content.json",
            0,
            "subContentId '"
                + id.asText()
                + "' is not a lowercase UUID: H5P drops the sub-content");
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        contentJson(it.next(), files);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        contentJson(child, files);
      }
    }
  }

  private void error(String rule, String entry, int line, String message) {
    findings.add(new PackageFinding(Severity.ERROR, rule, entry, line, message));
  }

  private void warning(String rule, String entry, int line, String message) {
    findings.add(new PackageFinding(Severity.WARNING, rule, entry, line, message));
  }
}
