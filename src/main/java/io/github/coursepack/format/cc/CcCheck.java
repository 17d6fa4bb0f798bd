package io.github.coursepack.format.cc;

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
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks an IMS Common Cartridge against what Moodle's importer does with it (FORMATS.md §4): only
 * CC 1.0 and 1.1 are imported, and only when the default namespace is in the manifest's first 1024
 * bytes; the CC 1.1 manifest constraints that Moodle's schema check enforces (no {@code version}
 * attribute, IMS CC schema and version, a LOM block, one rooted hierarchy with an untitled root
 * item and titles below it, known resource types, no authorizations) and the profile's Schematron
 * rules; every referenced file present; and in each QTI assessment, the {@code cc_profile} of every
 * item, {@code true}/{@code false} idents for true/false (others abort the whole import), a scored
 * right answer, and items directly under the section.
 *
 * <p>Usage: {@code List<PackageFinding> findings = CcCheck.check(Path.of("course.imscc"));}
 */
public final class CcCheck {

  static final String MANIFEST = "imsmanifest.xml";
  static final long MAX_XML_BYTES = 16L * 1024 * 1024;

  static final String CC10_NS = "http://www.imsglobal.org/xsd/imscc/imscp_v1p1";
  static final String CC11_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";

  static final Set<String> TYPES_11 =
      Set.of(
          "webcontent",
          "imsqti_xmlv1p2/imscc_xmlv1p1/assessment",
          "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank",
          "associatedcontent/imscc_xmlv1p1/learning-application-resource",
          "imsdt_xmlv1p1",
          "imswl_xmlv1p1",
          "imsbasiclti_xmlv1p0");

  static final Set<String> PROFILES =
      Set.of(
          "cc.multiple_choice.v0p1",
          "cc.multiple_response.v0p1",
          "cc.true_false.v0p1",
          "cc.fib.v0p1",
          "cc.pattern_match.v0p1",
          "cc.essay.v0p1");

  private static final Pattern NCNAME = Pattern.compile("^[\\p{L}_][\\p{L}\\p{N}_.\\-]*$");

  private final List<PackageFinding> findings = new ArrayList<>();

  private CcCheck() {}

  public static List<PackageFinding> check(Path cartridge) {
    CcCheck c = new CcCheck();
    c.run(cartridge);
    return Collections.unmodifiableList(c.findings);
  }

  private void run(Path path) {
    try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
      Map<String, ZipArchiveEntry> files = new LinkedHashMap<>();
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (!e.isDirectory()) {
          files.put(e.getName(), e);
        }
      }
      if (!files.containsKey(MANIFEST)) {
        error("CC-MANIFEST-MISSING", "", 0, "no imsmanifest.xml at the root of the cartridge");
        return;
      }
      byte[] xml = read(zip, files.get(MANIFEST));
      if (xml == null) {
        return;
      }
      String head =
          new String(xml, 0, Math.min(1024, xml.length), StandardCharsets.UTF_8)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[\\s\"']", "");
      SafeXml.Element root;
      try {
        root = SafeXml.parse(xml);
      } catch (SafeXml.Malformed e) {
        error("CC-XML-MALFORMED", MANIFEST, e.line, e.getMessage());
        return;
      }
      String ns = root.namespace;
      if (!ns.equals(CC11_NS) && !ns.equals(CC10_NS)) {
        error(
            "CC-VERSION",
            MANIFEST,
            root.line,
            ns.contains("imsccv1p2") || ns.contains("imsccv1p3")
                ? "a CC 1.2 or 1.3 cartridge: Moodle imports only CC 1.0 and 1.1 (« unknown"
                    + " format »); write CC 1.1"
                : "the root is not an IMS Common Cartridge manifest (namespace '" + ns + "')");
        return;
      }
      boolean cc11 = ns.equals(CC11_NS);
      if (!head.contains("xmlns=" + ns)) {
        error(
            "CC-DETECTION",
            MANIFEST,
            root.line,
            "the default xmlns is not in the manifest's first 1024 bytes, where Moodle looks for"
                + " it: put it on the root element, with no long comment or DOCTYPE before");
      }
      manifest(root, cc11, files.keySet());
      for (SafeXml.Element r : resources(root)) {
        String type = r.attr("type") == null ? "" : r.attr("type");
        if (type.endsWith("/assessment") || type.endsWith("/question-bank")) {
          for (SafeXml.Element f : r.children("file")) {
            String href = f.attr("href");
            if (href != null && files.containsKey(href)) {
              qti(href, read(zip, files.get(href)));
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      error("ARCHIVE-UNREADABLE", "", 0, "not a readable zip: " + e.getMessage());
    }
  }

  private byte[] read(ZipFile zip, ZipArchiveEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) MAX_XML_BYTES + 1);
      if (bytes.length > MAX_XML_BYTES) {
        error("ARCHIVE-LIMIT", entry.getName(), 0, "more than 16 MB of XML");
        return null;
      }
      return bytes;
    }
  }

  private static List<SafeXml.Element> resources(SafeXml.Element root) {
    SafeXml.Element list = root.child("resources");
    return list == null ? List.of() : list.children("resource");
  }

  private void manifest(SafeXml.Element root, boolean cc11, Set<String> files) {
    if (root.attr("version") != null) {
      error(
          "CC-MANIFEST-ATTRIBUTE",
          MANIFEST,
          root.line,
          "<manifest> takes no version attribute in CC: Moodle's schema check refuses it");
    }
    SafeXml.Element metadata = root.child("metadata");
    String schema = metadata == null ? "" : text(metadata.child("schema"));
    String version = metadata == null ? "" : text(metadata.child("schemaversion"));
    String expected = cc11 ? "1.1.0" : "1.0.0";
    if (!schema.equals("IMS Common Cartridge") || !version.equals(expected)) {
      error(
          "CC-SCHEMA",
          MANIFEST,
          metadata == null ? root.line : metadata.line,
          "metadata must say schema 'IMS Common Cartridge' and schemaversion '" + expected + "'");
    }
    if (cc11 && (metadata == null || metadata.child("lom") == null)) {
      error(
          "CC-LOM-MISSING",
          MANIFEST,
          metadata == null ? root.line : metadata.line,
          "CC 1.1 requires a lomimscc:lom block in the manifest's metadata (the course title)");
    }
    if (root.child("authorizations") != null) {
      error(
          "CC-AUTHORIZATIONS",
          MANIFEST,
          root.child("authorizations").line,
          "a protected cartridge (authorizations): Moodle refuses it");
    }
    Map<String, SafeXml.Element> ids = new HashMap<>();
    for (SafeXml.Element e : root.all()) {
      String id = e.attr("identifier");
      if (id == null) {
        continue;
      }
      if (!NCNAME.matcher(id).matches()) {
        error("CC-ID-NCNAME", MANIFEST, e.line, "identifier '" + id + "' is not an XML name");
      }
      if (ids.putIfAbsent(id, e) != null) {
        error("CC-ID-DUPLICATE", MANIFEST, e.line, "identifier '" + id + "' is used twice");
      }
    }
    SafeXml.Element orgs = root.child("organizations");
    List<SafeXml.Element> organizations = orgs == null ? List.of() : orgs.children("organization");
    if (organizations.size() > 1) {
      error("CC-ORGANIZATION", MANIFEST, orgs.line, "CC allows one organization at most");
    }
    Map<String, SafeXml.Element> byId = new HashMap<>();
    resources(root).forEach(r -> byId.put(r.attr("identifier"), r));
    for (SafeXml.Element org : organizations) {
      if (!"rooted-hierarchy".equals(org.attr("structure"))) {
        error(
            "CC-ORGANIZATION",
            MANIFEST,
            org.line,
            "the organization's structure must be 'rooted-hierarchy'");
      }
      List<SafeXml.Element> top = org.children("item");
      if (top.size() != 1 || top.get(0).child("title") != null) {
        error(
            "CC-ROOT-ITEM",
            MANIFEST,
            org.line,
            "the organization holds exactly one root item, without a title, and the course's"
                + " items below it");
      }
      for (SafeXml.Element root1 : top) {
        for (SafeXml.Element item : root1.descendants("item")) {
          if (item.child("title") == null) {
            error("CC-ITEM-TITLE", MANIFEST, item.line, "every item below the root needs a title");
          }
          for (String attribute : List.of("isvisible", "parameters")) {
            if (item.attr(attribute) != null) {
              error(
                  "CC-ITEM-ATTRIBUTE",
                  MANIFEST,
                  item.line,
                  "items take no " + attribute + " attribute in CC (that is SCORM)");
            }
          }
        }
      }
      for (SafeXml.Element item : org.descendants("item")) {
        String ref = item.attr("identifierref");
        if (ref != null && !byId.containsKey(ref)) {
          error(
              "CC-IDREF-DANGLING",
              MANIFEST,
              item.line,
              "item identifierref '" + ref + "' matches no resource");
        }
      }
    }
    for (SafeXml.Element r : resources(root)) {
      String type = r.attr("type") == null ? "" : r.attr("type");
      if (cc11 && !TYPES_11.contains(type)) {
        error("CC-RESOURCE-TYPE", MANIFEST, r.line, "resource type '" + type + "' is not CC 1.1");
      }
      Set<String> listed = new HashSet<>();
      for (SafeXml.Element f : r.children("file")) {
        String href = f.attr("href");
        if (href == null) {
          error("CC-FILE-HREF", MANIFEST, f.line, "<file> has no href");
          continue;
        }
        listed.add(href);
        if (!files.contains(href)) {
          error("CC-HREF-MISSING", MANIFEST, f.line, "'" + href + "' is not in the cartridge");
        }
      }
      String href = r.attr("href");
      boolean single =
          type.endsWith("/assessment")
              || type.endsWith("/question-bank")
              || type.startsWith("imswl_")
              || type.startsWith("imsdt_");
      if (single && (href != null || listed.size() != 1)) {
        error(
            "CC-RESOURCE-FILES",
            MANIFEST,
            r.line,
            "an assessment, question bank, web link or discussion has no href and exactly one"
                + " <file>");
      } else if (href != null && !listed.contains(href)) {
        warning(
            "CC-RESOURCE-HREF",
            MANIFEST,
            r.line,
            "the resource's href '" + href + "' should also be one of its <file>s");
      }
      for (SafeXml.Element d : r.children("dependency")) {
        if (!byId.containsKey(d.attr("identifierref"))) {
          error(
              "CC-IDREF-DANGLING",
              MANIFEST,
              d.line,
              "dependency identifierref '" + d.attr("identifierref") + "' matches no resource");
        }
      }
    }
  }

  private static String text(SafeXml.Element e) {
    return e == null ? "" : e.text();
  }

  private void qti(String entry, byte[] xml) {
    if (xml == null) {
      return;
    }
    SafeXml.Element root;
    try {
      root = SafeXml.parse(xml);
    } catch (SafeXml.Malformed e) {
      error("CC-XML-MALFORMED", entry, e.line, e.getMessage());
      return;
    }
    if (!root.localName.equals("questestinterop")) {
      error("CC-QTI-ROOT", entry, root.line, "a QTI file's root is <questestinterop>");
      return;
    }
    for (SafeXml.Element section : root.descendants("section")) {
      for (SafeXml.Element nested : section.children("section")) {
        warning(
            "CC-QTI-NESTED-SECTION",
            entry,
            nested.line,
            "Moodle reads only items directly in the assessment's section: these are skipped");
      }
    }
    for (SafeXml.Element item : root.descendants("item")) {
      String profile = "";
      for (SafeXml.Element field : item.descendants("qtimetadatafield")) {
        if (text(field.child("fieldlabel")).equals("cc_profile")) {
          profile = text(field.child("fieldentry"));
        }
      }
      if (!PROFILES.contains(profile)) {
        error(
            "CC-QTI-PROFILE",
            entry,
            item.line,
            "item "
                + item.attr("ident")
                + " has cc_profile '"
                + profile
                + "': Moodle drops the question (matching and ordering have no CC profile)");
        continue;
      }
      Set<String> labels = new HashSet<>();
      for (SafeXml.Element l : item.descendants("response_label")) {
        labels.add(l.attr("ident"));
      }
      if (profile.equals("cc.true_false.v0p1") && !labels.equals(Set.of("true", "false"))) {
        error(
            "CC-QTI-TRUEFALSE",
            entry,
            item.line,
            "a true/false item's labels must be 'true' and 'false' exactly: otherwise Moodle's"
                + " import stops with an exception");
      }
      if (profile.equals("cc.multiple_choice.v0p1")
          || profile.equals("cc.true_false.v0p1")
          || profile.equals("cc.multiple_response.v0p1")) {
        boolean scored = false;
        for (SafeXml.Element cond : item.descendants("respcondition")) {
          for (SafeXml.Element set : cond.children("setvar")) {
            String v = text(set);
            if (!v.isEmpty() && !v.equals("0") && !cond.descendants("varequal").isEmpty()) {
              scored = true;
            }
          }
        }
        if (!scored) {
          error(
              "CC-QTI-NO-RIGHT-ANSWER",
              entry,
              item.line,
              "item " + item.attr("ident") + " sets no SCORE for a right answer");
        }
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
