package io.github.coursepack.format.cc;

import io.github.coursepack.io.XmlOut;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Licence;
import io.github.coursepack.model.Unit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a CC 1.1 {@code imsmanifest.xml} as Moodle's importer validates and reads it (FORMATS.md
 * §4.1–4.3): the default namespace on the root element, which starts within the first 1024 bytes
 * because Moodle detects the version there; no {@code version} attribute (the XSD has no wildcard);
 * a LOM block with the course's title, summary, language and licence; one rooted hierarchy whose
 * untitled root item holds one titled folder item per unit, which Moodle makes a course section,
 * with the unit's page and quiz inside it. Identifiers come from the course and unit ids, so that
 * the same course always gives the same manifest.
 */
final class CcManifest {

  static final String CP_NS = CcCheck.CC11_NS;
  static final String LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final String SCHEMA_LOCATION =
      CP_NS
          + " http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd "
          + LOM_NS
          + " http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd";

  static final String WEBCONTENT = "webcontent";
  static final String ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment";

  /**
   * One unit's part of the cartridge.
   *
   * @param unit the unit
   * @param page the unit page's path in the cartridge
   * @param pageFiles every file of the page's resource, the page first
   * @param assessment the QTI file's path, when the unit has questions a cartridge can hold
   */
  record UnitEntry(Unit unit, String page, List<String> pageFiles, Optional<String> assessment) {
    UnitEntry {
      pageFiles = List.copyOf(pageFiles);
    }
  }

  /** Text between angle brackets that an HTML cleaner would take for a tag: {@code <GAR>}. */
  private static final Pattern TAG_LIKE = Pattern.compile("<([A-Za-z/!?][^<>]*)>");

  private CcManifest() {}

  /**
   * The course title as the cartridge gives it: Moodle's import makes it the course's full name
   * through a restore setting that refuses, and so aborts the whole import, a value its text
   * cleaning changes; what looks like a tag loses its angle brackets ({@code <GAR>} → {@code GAR}).
   */
  static String courseTitle(Course course) {
    return TAG_LIKE.matcher(course.title()).replaceAll("$1");
  }

  static byte[] build(Course course, List<UnitEntry> units) {
    XmlOut x = new XmlOut();
    x.start(
        "manifest",
        "identifier",
        "MANIFEST-" + course.id(),
        "xmlns",
        CP_NS,
        "xmlns:lomimscc",
        LOM_NS,
        "xmlns:xsi",
        XSI_NS,
        "xsi:schemaLocation",
        SCHEMA_LOCATION);
    metadata(x, course);
    x.start("organizations");
    x.start("organization", "identifier", "ORG-" + course.id(), "structure", "rooted-hierarchy");
    // The root item has no title: Moodle's schema check requires that; its children are sections.
    x.start("item", "identifier", "ROOT-" + course.id());
    // Moodle numbers sections from 0 in item order, and section 0 is the course's « General »
    // section: a first item without resource takes it, with the course title as its summary, so
    // that each unit has a section of its own from 1 on.
    x.start("item", "identifier", "INTRO-" + course.id());
    x.leaf("title", courseTitle(course));
    x.end();
    for (UnitEntry u : units) {
      x.start("item", "identifier", "UNIT-" + u.unit().id());
      // Moodle makes this title the section's summary, which is HTML.
      x.leaf("title", CcText.guard(u.unit().title()));
      x.start(
          "item", "identifier", "ITEM-PAGE-" + u.unit().id(), "identifierref", pageId(u.unit()));
      x.leaf("title", CcText.guard(u.unit().title()));
      x.end();
      if (u.assessment().isPresent()) {
        x.start(
            "item", "identifier", "ITEM-QUIZ-" + u.unit().id(), "identifierref", quizId(u.unit()));
        x.leaf("title", CcText.guard(quizTitle(u.unit())));
        x.end();
      }
      x.end();
    }
    x.end().end().end();
    x.start("resources");
    for (UnitEntry u : units) {
      x.start("resource", "identifier", pageId(u.unit()), "type", WEBCONTENT, "href", u.page());
      u.pageFiles().forEach(f -> x.empty("file", "href", f));
      x.end();
      if (u.assessment().isPresent()) {
        // An assessment has no href and exactly one file (the profile's Schematron rule).
        x.start("resource", "identifier", quizId(u.unit()), "type", ASSESSMENT);
        x.empty("file", "href", u.assessment().get());
        x.end();
      }
    }
    x.end();
    return x.end().toBytes();
  }

  /** The quiz's name in Moodle, as the course backup names it. */
  static String quizTitle(Unit unit) {
    return "Quiz : " + unit.title();
  }

  private static void metadata(XmlOut x, Course course) {
    x.start("metadata");
    x.leaf("schema", "IMS Common Cartridge");
    x.leaf("schemaversion", "1.1.0");
    x.start("lomimscc:lom");
    x.start("lomimscc:general");
    x.start("lomimscc:title");
    x.leaf("lomimscc:string", courseTitle(course), "language", course.language());
    x.end();
    x.leaf("lomimscc:language", course.language());
    if (!course.summary().isBlank()) {
      // Moodle makes this the course summary.
      x.start("lomimscc:description");
      x.leaf("lomimscc:string", course.summary(), "language", course.language());
      x.end();
    }
    x.end();
    course.licence().ifPresent(l -> rights(x, l, course.language()));
    x.end();
    x.end();
  }

  private static void rights(XmlOut x, Licence licence, String language) {
    x.start("lomimscc:rights");
    x.start("lomimscc:copyrightAndOtherRestrictions");
    x.leaf("lomimscc:value", "yes");
    x.end();
    x.start("lomimscc:description");
    x.leaf(
        "lomimscc:string",
        licence.name() + licence.url().map(u -> " (" + u + ")").orElse(""),
        "language",
        language);
    x.end();
    x.end();
  }

  static String pageId(Unit unit) {
    return "RES-PAGE-" + unit.id();
  }

  static String quizId(Unit unit) {
    return "RES-QUIZ-" + unit.id();
  }
}
