package io.github.coursepack.format.h5p;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An H5P library as content names it: machine name and major.minor (the patch never matters: sites
 * match content on major.minor, FORMATS.md §3.4).
 *
 * @param machineName e.g. {@code H5P.Column}
 */
public record H5pLibrary(String machineName, int major, int minor) {

  /**
   * The versions the packages use, in one place: those Moodle's H5P core (API 1.27, Moodle 4.1 to
   * 4.5) runs, from FORMATS.md §3.5. A site with other minors needs {@code --h5p-libraries} with
   * its own libraries, whose versions then win.
   */
  public static final H5pLibrary COLUMN = new H5pLibrary("H5P.Column", 1, 18);

  public static final H5pLibrary ADVANCED_TEXT = new H5pLibrary("H5P.AdvancedText", 1, 1);
  public static final H5pLibrary QUESTION_SET = new H5pLibrary("H5P.QuestionSet", 1, 20);
  public static final H5pLibrary MULTI_CHOICE = new H5pLibrary("H5P.MultiChoice", 1, 16);
  public static final H5pLibrary TRUE_FALSE = new H5pLibrary("H5P.TrueFalse", 1, 8);
  public static final H5pLibrary INTERACTIVE_VIDEO = new H5pLibrary("H5P.InteractiveVideo", 1, 27);
  public static final H5pLibrary VIDEO = new H5pLibrary("H5P.Video", 1, 6);
  public static final H5pLibrary SUMMARY = new H5pLibrary("H5P.Summary", 1, 10);

  public static final List<H5pLibrary> DEFAULTS =
      List.of(
          COLUMN, ADVANCED_TEXT, QUESTION_SET, MULTI_CHOICE, TRUE_FALSE, INTERACTIVE_VIDEO, VIDEO);

  private static final Pattern NAME = Pattern.compile("^([\\w.\\-]+?)[ -](\\d+)\\.(\\d+)$");

  public H5pLibrary {
    Objects.requireNonNull(machineName, "machineName");
  }

  /** {@code H5P.Column 1.18} or {@code H5P.Column-1.18}. */
  public static Optional<H5pLibrary> parse(String text) {
    Matcher m = NAME.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new H5pLibrary(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  /** How content names it: {@code H5P.Column 1.18}. */
  @Override
  public String toString() {
    return machineName + " " + major + "." + minor;
  }

  /** The folder a package holds it in: {@code H5P.Column-1.18}. */
  public String folder() {
    return machineName + "-" + major + "." + minor;
  }
}
