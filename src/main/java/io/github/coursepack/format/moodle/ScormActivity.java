package io.github.coursepack.format.moodle;

import io.github.coursepack.io.ArchiveContent;
import java.util.List;

/**
 * A unit's SCORM package as a backup's SCORM activity carries it: the zip, its files unpacked and
 * its manifest already parsed into Moodle's {@code scorm_scoes} rows, because restore does not
 * parse packages (reference/README.md).
 *
 * @param packageFile the zip
 * @param content the files inside the zip
 * @param scoes the organisation and items, in manifest order
 */
public record ScormActivity(
    ArchiveContent.Source packageFile, ArchiveContent content, List<Sco> scoes) {

  public ScormActivity {
    scoes = List.copyOf(scoes);
  }

  /**
   * One row of {@code scorm_scoes}, as Moodle's manifest parser writes it: an organisation has
   * parent {@code /} and no organisation; an item has its organisation and parent identifiers.
   */
  public record Sco(
      String manifest,
      String organization,
      String parent,
      String identifier,
      String launch,
      String scormType,
      String title) {}
}
