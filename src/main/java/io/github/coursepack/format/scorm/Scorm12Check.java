package io.github.coursepack.format.scorm;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.SafeXml;
import io.github.coursepack.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks a SCORM 1.2 zip against what Moodle needs (FORMATS.md §1, "a validator should check"): a
 * root manifest, strict well-formed XML without DTD or numeric references, content-packaging
 * elements without prefix, the literal {@code adlcp} prefix, {@code schemaversion} exactly {@code
 * 1.2}, NCName identifiers that are unique and resolve, a SCO, every referenced file present
 * (case-sensitive), one root item per organization, and no root-absolute URLs in content.
 *
 * <p>Usage: {@code List<PackageFinding> findings = Scorm12Check.check(Path.of("unit.zip"));}
 */
public final class Scorm12Check {

  static final String MANIFEST = "imsmanifest.xml";

  /** Enough for any real package; more is refused before reading anything. */
  static final int MAX_ENTRIES = 20_000;

  static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;
  static final long MAX_CONTENT_SCAN_BYTES = 4L * 1024 * 1024;

  private static final Pattern NCNAME = Pattern.compile("^[\\p{L}_][\\p{L}\\p{N}_.\\-]*$");
  private static final Pattern CHAR_REF = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");
  private static final Pattern ROOT_ABSOLUTE =
      Pattern.compile(
          "(?:\\b(?:src|href|action|poster)\\s*=\\s*[\"']|url\\(\\s*[\"']?)(/[^/\"'][^\"')\\s]*)",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> EXTENSION_PREFIXES =
      Set.of("adlcp", "imsss", "adlnav", "adlseq");

  /**
   * What differs between SCORM 1.2 and 2004 for these rules: namespaces, accepted schema versions,
   * and the prefix of the rule ids.
   */
  private record Profile(
      String rulePrefix, String cpNs, String adlcpNs, Set<String> versions, String example) {}

  private static final Profile SCORM12 =
      new Profile(
          "SCORM12",
          Scorm12Manifest.CP_NS,
          Scorm12Manifest.ADLCP_NS,
          Set.of("1.2"),
          "<schemaversion>1.2</schemaversion>");

  /** FORMATS.md §2: the versions Moodle's parser accepts as 2004. */
  private static final Profile SCORM2004 =
      new Profile(
          "SCORM2004",
          "http://www.imsglobal.org/xsd/imscp_v1p1",
          "http://www.adlnet.org/xsd/adlcp_v1p3",
          Set.of("2004 4th Edition", "2004 3rd Edition", "CAM 1.3", "1.3"),
          "<schemaversion>2004 4th Edition</schemaversion>");

  private final List<PackageFinding> findings = new ArrayList<>();
  private final Profile profile;

  private Scorm12Check(Profile profile) {
    this.profile = profile;
  }

  /** Checks a SCORM 1.2 package. */
  public static List<PackageFinding> check(Path zip) {
    Scorm12Check check = new Scorm12Check(SCORM12);
    check.run(zip);
    return Collections.unmodifiableList(check.findings);
  }

  /**
   * Checks a SCORM 2004 package with the same structural rules (FORMATS.md §2 checklist): the 2004
   * namespaces, Moodle's accepted schema versions, {@code adlcp:scormType}; rule ids start with
   * {@code SCORM2004-}.
   */
  public static List<PackageFinding> check2004(Path zip) {
    Scorm12Check check = new Scorm12Check(SCORM2004);
    check.run(zip);
    return Collections.unmodifiableList(check.findings);
  }

  private String rule(String name) {
    return profile.rulePrefix() + "-" + name;
  }

  private void run(Path path) {
    try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
      Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
      int count = 0;
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (++count > MAX_ENTRIES) {
          error(rule("ZIP-LIMIT"), "", 0, "more than " + MAX_ENTRIES + " entries");
          return;
        }
        if (!e.isDirectory()) {
          if (entries.putIfAbsent(e.getName(), e) != null) {
            error(rule("ZIP-DUPLICATE"), e.getName(), 0, "the entry is in the zip twice");
          }
        }
      }
      ZipArchiveEntry manifest = entries.get(MANIFEST);
      if (manifest == null) {
        boolean nested = entries.keySet().stream().anyMatch(n -> n.endsWith("/" + MANIFEST));
        error(
            nested ? rule("MANIFEST-NESTED") : rule("MANIFEST-MISSING"),
            "",
            0,
            nested
                ? "imsmanifest.xml is in a sub-folder; Moodle wants it at the root of the zip"
                : "no imsmanifest.xml at the root of the zip");
        return;
      }
      if (manifest.getSize() > MAX_MANIFEST_BYTES) {
        error(rule("ZIP-LIMIT"), MANIFEST, 0, "the manifest is too big to be real");
        return;
      }
      byte[] xml;
      try (InputStream in = zip.getInputStream(manifest)) {
        xml = in.readNBytes((int) MAX_MANIFEST_BYTES + 1);
      }
      checkManifest(xml, entries.keySet());
      for (Map.Entry<String, ZipArchiveEntry> e : entries.entrySet()) {
        String lower = e.getKey().toLowerCase(Locale.ROOT);
        if ((lower.endsWith(".html")
                || lower.endsWith(".htm")
                || lower.endsWith(".js")
                || lower.endsWith(".css"))
            && e.getValue().getSize() <= MAX_CONTENT_SCAN_BYTES) {
          try (InputStream in = zip.getInputStream(e.getValue())) {
            checkContent(
                e.getKey(),
                new String(in.readNBytes((int) MAX_CONTENT_SCAN_BYTES), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      error(rule("ZIP-UNREADABLE"), "", 0, "not a readable zip: " + e.getMessage());
    }
  }

  private void checkManifest(byte[] xml, Set<String> files) {
    String text = new String(xml, StandardCharsets.UTF_8);
    Matcher charRef = CHAR_REF.matcher(text);
    while (charRef.find()) {
      error(
          rule("XML-CHARREF"),
          MANIFEST,
          lineAt(text, charRef.start()),
          "numeric character reference "
              + charRef.group()
              + ": Moodle stores it as literal text;"
              + " write the character itself in UTF-8");
    }
    SafeXml.Element root;
    try {
      root = SafeXml.parse(xml);
    } catch (SafeXml.Malformed e) {
      error(rule("XML-MALFORMED"), MANIFEST, e.line, e.getMessage());
      return;
    }
    if (!root.localName.equals("manifest") || !root.namespace.equals(profile.cpNs())) {
      error(
          rule("CP-NAMESPACE"),
          MANIFEST,
          root.line,
          "the root element must be <manifest> in " + profile.cpNs());
    }
    for (SafeXml.Element e : root.all()) {
      if (e.namespace.equals(profile.cpNs()) && !e.prefix.isEmpty()) {
        error(
            rule("CP-PREFIX"),
            MANIFEST,
            e.line,
            "<"
                + e.prefix
                + ":"
                + e.localName
                + "> has a prefix; Moodle only reads content-packaging elements without one");
      }
      if (e.namespace.equals(profile.adlcpNs()) && !e.prefix.equals("adlcp")) {
        error(
            rule("ADLCP-PREFIX"),
            MANIFEST,
            e.line,
            "ADL element <"
                + e.localName
                + "> must use the prefix 'adlcp'; Moodle ignores other prefixes");
      }
      for (Map.Entry<String, String> a : e.attributeNamespaces.entrySet()) {
        String name = a.getKey();
        if (a.getValue().equals(profile.adlcpNs()) && !name.startsWith("adlcp:")) {
          error(
              rule("ADLCP-PREFIX"),
              MANIFEST,
              e.line,
              "attribute " + name + " must use the prefix 'adlcp'; Moodle ignores other prefixes");
        }
        int colon = name.indexOf(':');
        if (colon > 0
            && !name.startsWith("xml")
            && !name.startsWith("xsi:")
            && !a.getValue().equals(profile.adlcpNs())
            && !EXTENSION_PREFIXES.contains(name.substring(0, colon))) {
          warning(
              rule("EXTENSION-PREFIX"),
              MANIFEST,
              e.line,
              "attribute "
                  + name
                  + " has a prefix Moodle does not know (adlcp, imsss, adlnav, adlseq)");
        }
      }
    }
    SafeXml.Element metadata = root.child("metadata");
    SafeXml.Element version = metadata == null ? null : metadata.child("schemaversion");
    if (version == null) {
      error(
          rule("SCHEMAVERSION"),
          MANIFEST,
          root.line,
          "no metadata/schemaversion; write " + profile.example());
    } else if (!profile.versions().contains(version.text.toString())) {
      error(
          rule("SCHEMAVERSION"),
          MANIFEST,
          version.line,
          "schemaversion is '"
              + version.text
              + "', expected exactly "
              + String.join(
                  " or ", profile.versions().stream().sorted().map(v -> "'" + v + "'").toList())
              + " with no spaces around it");
    }
    SafeXml.Element schema = metadata == null ? null : metadata.child("schema");
    if (schema != null && !schema.text.toString().strip().equals("ADL SCORM")) {
      warning(
          rule("SCHEMA"),
          MANIFEST,
          schema.line,
          "schema is '" + schema.text + "', expected 'ADL SCORM'");
    }

    Map<String, SafeXml.Element> ids = new HashMap<>();
    for (SafeXml.Element e : root.all()) {
      String id = e.attr("identifier");
      if (id == null) {
        continue;
      }
      if (!NCNAME.matcher(id).matches()) {
        error(
            rule("ID-NCNAME"),
            MANIFEST,
            e.line,
            "identifier '"
                + id
                + "' is not an XML name (start with a letter or '_', no spaces or ':')");
      }
      if (ids.putIfAbsent(id, e) != null) {
        error(
            rule("ID-DUPLICATE"),
            MANIFEST,
            e.line,
            "identifier '" + id + "' is used twice (first on line " + ids.get(id).line + ")");
      }
    }

    SafeXml.Element organizations = root.child("organizations");
    List<SafeXml.Element> orgs =
        organizations == null ? List.of() : organizations.children("organization");
    String def = organizations == null ? null : organizations.attr("default");
    if (!orgs.isEmpty()
        && (def == null || orgs.stream().noneMatch(o -> def.equals(o.attr("identifier"))))) {
      error(
          rule("ORG-DEFAULT"),
          MANIFEST,
          organizations.line,
          "organizations/@default '" + def + "' names no organization");
    }
    for (SafeXml.Element org : orgs) {
      List<SafeXml.Element> top = org.children("item");
      if (top.size() > 1) {
        warning(
            rule("ROOT-ITEMS"),
            MANIFEST,
            org.line,
            top.size() + " top-level items; Moodle's navigation works best with one root item");
      }
    }

    SafeXml.Element resourcesElement = root.child("resources");
    List<SafeXml.Element> resources =
        resourcesElement == null ? List.of() : resourcesElement.children("resource");
    Map<String, SafeXml.Element> resourceById = new HashMap<>();
    resources.forEach(r -> resourceById.put(r.attr("identifier"), r));
    for (SafeXml.Element item : root.descendants("item")) {
      String ref = item.attr("identifierref");
      if (ref != null && !resourceById.containsKey(ref)) {
        error(
            rule("IDREF-DANGLING"),
            MANIFEST,
            item.line,
            "item identifierref '" + ref + "' matches no resource");
      }
      SafeXml.Element mastery = item.child("masteryscore");
      if (mastery != null && !isPercentage(mastery.text.toString())) {
        error(
            rule("MASTERYSCORE"),
            MANIFEST,
            mastery.line,
            "masteryscore '" + mastery.text + "' is not a number from 0 to 100");
      }
    }

    Set<String> listed = new HashSet<>();
    boolean sco = false;
    for (SafeXml.Element r : resources) {
      String type = r.attr("adlcp:scormtype");
      if (type == null) {
        type = r.attr("adlcp:scormType");
      }
      if (type != null && !type.equals("sco") && !type.equals("asset")) {
        error(
            rule("SCORMTYPE"),
            MANIFEST,
            r.line,
            "adlcp:scormtype '" + type + "' must be 'sco' or 'asset'");
      }
      // A SCO declared with a wrong prefix or case is reported above; only a package with no
      // attempt at a SCO at all gets SCORM12-NO-SCO, so that each finding names its own cause.
      sco |=
          r.attr("href") != null
              && r.attributes.entrySet().stream()
                  .anyMatch(
                      a ->
                          a.getKey().toLowerCase(Locale.ROOT).endsWith("scormtype")
                              && a.getValue().equalsIgnoreCase("sco"));
      if (r.attr("type") == null) {
        error(
            rule("RESOURCE-TYPE"),
            MANIFEST,
            r.line,
            "resource has no type; write type=\"webcontent\"");
      }
      String base = r.attr("xml:base") == null ? "" : r.attr("xml:base");
      String href = r.attr("href");
      if (href != null) {
        checkHref(base + href, files, r.line);
      }
      for (SafeXml.Element f : r.children("file")) {
        String fh = f.attr("href");
        if (fh == null) {
          error(rule("FILE-HREF"), MANIFEST, f.line, "<file> has no href");
          continue;
        }
        listed.add(base + fh);
        checkHref(base + fh, files, f.line);
      }
      for (SafeXml.Element d : r.children("dependency")) {
        String ref = d.attr("identifierref");
        if (ref == null || !resourceById.containsKey(ref)) {
          error(
              rule("IDREF-DANGLING"),
              MANIFEST,
              d.line,
              "dependency identifierref '" + ref + "' matches no resource");
        }
      }
    }
    if (!sco) {
      error(
          rule("NO-SCO"),
          MANIFEST,
          resourcesElement == null ? root.line : resourcesElement.line,
          "no resource with adlcp:scormtype=\"sco\" and an href: nothing would be tracked");
    }
    for (String file : files) {
      if (!file.equals(MANIFEST) && !listed.contains(file) && !file.endsWith(".xsd")) {
        warning(rule("FILE-UNLISTED"), file, 0, "the file is in the zip but listed in no resource");
      }
    }
  }

  private void checkHref(String href, Set<String> files, int line) {
    String path = href.replaceFirst("[?#].*$", "");
    if (path.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      return; // an absolute URL: nothing to find in the zip
    }
    String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!files.contains(path) && !files.contains(decoded)) {
      boolean otherCase = files.stream().anyMatch(f -> f.equalsIgnoreCase(path));
      error(
          rule("HREF-MISSING"),
          MANIFEST,
          line,
          "'"
              + path
              + "' is not in the zip"
              + (otherCase
                  ? " (a file differs only in case; Moodle's paths are case-sensitive)"
                  : ""));
    }
  }

  private void checkContent(String entry, String content) {
    Matcher m = ROOT_ABSOLUTE.matcher(content);
    while (m.find()) {
      // An error: under Moodle the address resolves to the site's root, so the file is not found.
      error(
          rule("ABSOLUTE-URL"),
          entry,
          lineAt(content, m.start()),
          "'"
              + m.group(1)
              + "' starts with '/': it breaks once Moodle serves the package from pluginfile.php");
    }
  }

  private static boolean isPercentage(String s) {
    try {
      double v = Double.parseDouble(s.strip());
      return v >= 0 && v <= 100;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private void error(String rule, String entry, int line, String message) {
    findings.add(new PackageFinding(Severity.ERROR, rule, entry, line, message));
  }

  private void warning(String rule, String entry, int line, String message) {
    findings.add(new PackageFinding(Severity.WARNING, rule, entry, line, message));
  }
}
