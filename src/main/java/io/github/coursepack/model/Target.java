package io.github.coursepack.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform a course is built for ({@code target:} in course.yaml). It decides which archive the
 * build tells the trainer to upload; every archive is built the same whatever the target.
 */
public enum Target {
  /** M@gistère, the ministry's Moodle 4.1: restore the course backup. */
  MAGISTERE("magistere"),
  /** Any Moodle 4.1 or later: restore the course backup. */
  MOODLE("moodle"),
  /** A platform that only takes SCORM packages: upload the course SCORM 1.2 package. */
  SCORM_ONLY("scorm-only");

  private final String id;

  Target(String id) {
    this.id = id;
  }

  /** The name written in course.yaml. */
  public String id() {
    return id;
  }

  /** The allowed values, for messages: {@code magistere, moodle, scorm-only}. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Target::id).toList());
  }

  /**
   * The target a course.yaml value names. Case, accents and the {@code @} of « M@gistère » do not
   * matter, nor {@code _} for {@code -}; {@code scorm} alone means {@code scorm-only}.
   */
  public static Optional<Target> of(String value) {
    String v =
        Normalizer.normalize(value.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace('@', 'a')
            .replace('_', '-')
            .replace(' ', '-');
    if (v.equals("scorm") || v.equals("scormonly")) {
      return Optional.of(SCORM_ONLY);
    }
    return Arrays.stream(values()).filter(t -> t.id.equals(v)).findFirst();
  }
}
