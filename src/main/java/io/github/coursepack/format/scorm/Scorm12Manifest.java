package io.github.coursepack.format.scorm;

import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Unit;
import java.util.List;

/**
 * Builds {@code imsmanifest.xml} for SCORM 1.2 as Moodle reads it (FORMATS.md §1.2, §1.5): content
 * packaging elements in the default namespace without prefix, the {@code adlcp} prefix for the ADL
 * extension, {@code schemaversion} exactly {@code 1.2}, one organization with one root item, every
 * file listed. Identifiers are derived from the course and unit ids, never random, so that a
 * package uploaded again keeps its learners' tracking. No {@code adlcp:masteryscore}: completion
 * and success come from the unit itself (FORMATS.md §1.7).
 */
final class Scorm12Manifest {

  static final String CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
  static final String ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2";

  /** One SCO: its unit and the package files that belong to it alone. */
  record Sco(Unit unit, String href, List<String> files) {
    Sco {
      files = List.copyOf(files);
    }
  }

  private Scorm12Manifest() {}

  /** The manifest of a single-unit package: one item, one SCO resource holding every file. */
  static byte[] forUnit(Unit unit, List<String> files) {
    XmlOut x = header("MANIFEST-" + unit.id());
    String org = "ORG-" + unit.id();
    x.start("organizations", "default", org);
    x.start("organization", "identifier", org);
    x.leaf("title", unit.title());
    item(x, unit);
    x.end().end();
    x.start("resources");
    x.start(
        "resource",
        "identifier",
        resourceId(unit),
        "type",
        "webcontent",
        "adlcp:scormtype",
        "sco",
        "href",
        "index.html");
    files.forEach(f -> x.empty("file", "href", f));
    x.end().end();
    return x.end().toBytes();
  }

  /**
   * The manifest of a course package: a root item named after the course with one SCO item per unit
   * below it (several top-level items break Moodle's navigation, PITFALLS.md 5); files shared by
   * every unit form an asset resource that each SCO depends on.
   */
  static byte[] forCourse(Course course, List<Sco> scos, List<String> sharedFiles) {
    XmlOut x = header("MANIFEST-" + course.id());
    String org = "ORG-" + course.id();
    x.start("organizations", "default", org);
    x.start("organization", "identifier", org);
    x.leaf("title", course.title());
    x.start("item", "identifier", "ROOT-" + course.id(), "isvisible", "true");
    x.leaf("title", course.title());
    scos.forEach(s -> item(x, s.unit()));
    x.end().end().end();
    String shared = "SHARED-" + course.id();
    x.start("resources");
    for (Sco sco : scos) {
      x.start(
          "resource",
          "identifier",
          resourceId(sco.unit()),
          "type",
          "webcontent",
          "adlcp:scormtype",
          "sco",
          "href",
          sco.href());
      sco.files().forEach(f -> x.empty("file", "href", f));
      x.empty("dependency", "identifierref", shared);
      x.end();
    }
    x.start("resource", "identifier", shared, "type", "webcontent", "adlcp:scormtype", "asset");
    sharedFiles.forEach(f -> x.empty("file", "href", f));
    x.end();
    x.end();
    return x.end().toBytes();
  }

  private static XmlOut header(String identifier) {
    XmlOut x = new XmlOut();
    x.start(
        "manifest",
        "identifier",
        identifier,
        "version",
        "1",
        "xmlns",
        CP_NS,
        "xmlns:adlcp",
        ADLCP_NS);
    x.start("metadata");
    x.leaf("schema", "ADL SCORM");
    x.leaf("schemaversion", "1.2");
    x.end();
    return x;
  }

  private static void item(XmlOut x, Unit unit) {
    x.start(
        "item",
        "identifier",
        "ITEM-" + unit.id(),
        "identifierref",
        resourceId(unit),
        "isvisible",
        "true");
    x.leaf("title", unit.title());
    x.end();
  }

  private static String resourceId(Unit unit) {
    return "RES-" + unit.id();
  }
}
