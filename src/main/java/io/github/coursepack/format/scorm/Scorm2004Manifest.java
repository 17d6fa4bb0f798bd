package io.github.coursepack.format.scorm;

import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Unit;
import java.util.List;

/**
 * Builds {@code imsmanifest.xml} for SCORM 2004 4th edition as Moodle reads it (FORMATS.md §2): IMS
 * CP 1.1.4 elements in the default namespace, the canonical prefixes {@code adlcp}, {@code imsss},
 * {@code adlseq} and {@code adlnav} (Moodle matches prefixes, not namespaces), {@code
 * schemaversion} exactly {@code 2004 4th Edition}, {@code adlcp:scormType}, one organization with
 * one root item, every file listed. Identifiers follow the course and unit ids, as in SCORM 1.2.
 *
 * <p>Sequencing stays minimal, as the digest advises: each SCO says that it sets its completion and
 * success itself ({@code deliveryControls}), so that no LMS marks a unit complete or satisfied on
 * its own, and a course package lets the learner choose any unit and go on to the next ({@code
 * controlMode choice flow}). No XSD is shipped: Moodle does not need them and their licence is
 * unclear (FORMATS.md §2.4), so there is no {@code xsi:schemaLocation} to point at missing files.
 */
final class Scorm2004Manifest {

  static final String CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1";
  static final String ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_v1p3";
  static final String ADLSEQ_NS = "http://www.adlnet.org/xsd/adlseq_v1p3";
  static final String ADLNAV_NS = "http://www.adlnet.org/xsd/adlnav_v1p3";
  static final String IMSSS_NS = "http://www.imsglobal.org/xsd/imsss";
  static final String SCHEMA_VERSION = "2004 4th Edition";

  private Scorm2004Manifest() {}

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
    sco(x, unit, "index.html", files);
    x.end();
    return x.end().toBytes();
  }

  /**
   * The manifest of a course package: a root item named after the course with one SCO item per unit
   * below it; files shared by every unit form an asset resource that each SCO depends on.
   */
  static byte[] forCourse(Course course, List<Scorm12Manifest.Sco> scos, List<String> shared) {
    XmlOut x = header("MANIFEST-" + course.id());
    String org = "ORG-" + course.id();
    x.start("organizations", "default", org);
    x.start("organization", "identifier", org);
    x.leaf("title", course.title());
    x.start("item", "identifier", "ROOT-" + course.id());
    x.leaf("title", course.title());
    scos.forEach(s -> item(x, s.unit()));
    freeNavigation(x);
    x.end();
    freeNavigation(x);
    x.end().end();
    String sharedId = "SHARED-" + course.id();
    x.start("resources");
    for (Scorm12Manifest.Sco s : scos) {
      x.start(
          "resource",
          "identifier",
          "RES-" + s.unit().id(),
          "type",
          "webcontent",
          "adlcp:scormType",
          "sco",
          "href",
          s.href());
      s.files().forEach(f -> x.empty("file", "href", f));
      x.empty("dependency", "identifierref", sharedId);
      x.end();
    }
    x.start("resource", "identifier", sharedId, "type", "webcontent", "adlcp:scormType", "asset");
    shared.forEach(f -> x.empty("file", "href", f));
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
        ADLCP_NS,
        "xmlns:adlseq",
        ADLSEQ_NS,
        "xmlns:adlnav",
        ADLNAV_NS,
        "xmlns:imsss",
        IMSSS_NS);
    x.start("metadata");
    x.leaf("schema", "ADL SCORM");
    x.leaf("schemaversion", SCHEMA_VERSION);
    x.end();
    return x;
  }

  /** A unit's item: its title, then the sequencing that leaves completion to the unit. */
  private static void item(XmlOut x, Unit unit) {
    x.start("item", "identifier", "ITEM-" + unit.id(), "identifierref", "RES-" + unit.id());
    x.leaf("title", unit.title());
    x.start("imsss:sequencing");
    x.empty(
        "imsss:deliveryControls",
        "completionSetByContent",
        "true",
        "objectiveSetByContent",
        "true");
    x.end();
    x.end();
  }

  private static void sco(XmlOut x, Unit unit, String href, List<String> files) {
    x.start(
        "resource",
        "identifier",
        "RES-" + unit.id(),
        "type",
        "webcontent",
        "adlcp:scormType",
        "sco",
        "href",
        href);
    files.forEach(f -> x.empty("file", "href", f));
    x.end();
  }

  /** Any unit may be chosen, and « Suivant » goes on to the next. */
  private static void freeNavigation(XmlOut x) {
    x.start("imsss:sequencing");
    x.empty("imsss:controlMode", "choice", "true", "flow", "true");
    x.end();
  }
}
