package io.github.coursepack.validate;

/** The kinds of archive {@code validate} recognises, from their content. */
public enum Kind {
  SCORM12("scorm12", "SCORM 1.2 package"),
  SCORM2004("scorm2004", "SCORM 2004 package"),
  H5P("h5p", "H5P package"),
  IMSCC("imscc", "IMS Common Cartridge"),
  MBZ("mbz", "Moodle course backup"),
  MOODLE_XML("moodlexml", "Moodle XML questions"),
  GIFT("gift", "GIFT questions");

  private final String id;
  private final String label;

  Kind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The id used in reports, e.g. {@code scorm12}. */
  public String id() {
    return id;
  }

  /** What it is, in words, e.g. {@code SCORM 1.2 package}. */
  public String label() {
    return label;
  }
}
