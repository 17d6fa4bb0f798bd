package io.github.coursepack.build;

import io.github.coursepack.model.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which file of a build the trainer uploads, and how: the last lines of {@code build}'s summary.
 *
 * <p>The course's {@link Target} gives an order of preference among the course-level archives (for
 * M@gistère and Moodle the course backup, then a course SCORM package, a cartridge, the question
 * files; for a SCORM-only platform the course SCORM 1.2 package, then 2004). The first one this
 * build wrote is advised. A course archive the build did not write because of errors (the
 * all-or-nothing rule of {@link io.github.coursepack.format.UnitGuard}) is advised only as the
 * previous build's, and said so; when there is none yet, there is nothing to upload.
 *
 * <p>Usage: {@code UploadAdvice.of(Target.MAGISTERE, written, kept, false).lines(Path::toString)}
 */
public final class UploadAdvice {

  /**
   * A course-level archive the build wrote.
   *
   * @param format the format's id ({@code mbz}, {@code scorm12}, …)
   * @param file where it was written
   */
  public record CourseArchive(String format, Path file) {
    public CourseArchive {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(file, "file");
    }
  }

  /** Formats with a course-level archive, in each target's order of preference. */
  private static final Map<Target, List<String>> PREFERENCE =
      Map.of(
          Target.MAGISTERE,
          List.of("mbz", "scorm12", "scorm2004", "cc", "moodlexml", "gift"),
          Target.MOODLE,
          List.of("mbz", "scorm12", "scorm2004", "cc", "moodlexml", "gift"),
          Target.SCORM_ONLY,
          List.of("scorm12", "scorm2004"));

  private final Target target;
  private final Optional<CourseArchive> chosen;
  private final boolean previous;
  private final boolean partial;

  private UploadAdvice(
      Target target, Optional<CourseArchive> chosen, boolean previous, boolean partial) {
    this.target = target;
    this.chosen = chosen;
    this.previous = previous;
    this.partial = partial;
  }

  /**
   * The advice for a build.
   *
   * @param target the course's target
   * @param written the course-level archives this build wrote
   * @param kept the course-level archives this build did not write because of errors
   * @param partial whether the build wrote course archives without the resources that have errors
   *     ({@code --allow-partial} with errors)
   */
  public static UploadAdvice of(
      Target target, List<CourseArchive> written, List<Path> kept, boolean partial) {
    for (String format : PREFERENCE.get(target)) {
      for (CourseArchive a : written) {
        if (a.format().equals(format)) {
          return new UploadAdvice(target, Optional.of(a), false, partial);
        }
      }
      for (Path k : kept) {
        if (formatOf(k).equals(format)) {
          return new UploadAdvice(target, Optional.of(new CourseArchive(format, k)), true, false);
        }
      }
    }
    return new UploadAdvice(target, Optional.empty(), false, false);
  }

  /** The file to upload, if any: this build's, or the previous build's when {@link #previous()}. */
  public Optional<Path> file() {
    return chosen.map(CourseArchive::file).filter(f -> !previous || Files.isRegularFile(f));
  }

  /** Whether the advised file is the previous build's, this build having left it as it was. */
  public boolean previous() {
    return previous && file().isPresent();
  }

  /**
   * The lines to print: the file to upload (or why there is none), then how.
   *
   * @param shown how a path is shown
   */
  public List<String> lines(Function<Path, String> shown) {
    String where = "upload to " + platform(target);
    List<String> out = new ArrayList<>();
    if (chosen.isEmpty()) {
      out.add(
          "nothing to "
              + where
              + ": this build wrote no course archive ("
              + (target == Target.SCORM_ONLY
                  ? "the scorm12 format writes the course SCORM package"
                  : "the mbz format writes the course backup")
              + ")");
      return out;
    }
    CourseArchive a = chosen.get();
    if (previous && file().isEmpty()) {
      out.add(
          "nothing to "
              + where
              + " yet: "
              + shown.apply(a.file())
              + " is written once the errors above are fixed (or with --allow-partial)");
      return out;
    }
    StringBuilder line = new StringBuilder(where + ": " + shown.apply(a.file()));
    if (previous) {
      line.append(
          " (FROM THE PREVIOUS BUILD: this build's errors left it as it was, without this build's"
              + " changes)");
    } else if (partial) {
      line.append(" (without the resources that have errors)");
    }
    String first = PREFERENCE.get(target).get(0);
    if (!a.format().equals(first)) {
      line.append(
          first.equals("mbz")
              ? "; the course backup (mbz) was not built, add it to the formats to upload the whole"
                  + " course with its pages and quizzes"
              : "; the course SCORM 1.2 package (scorm12) was not built");
    }
    out.add(line.toString());
    out.add("  how: " + how(a.format()));
    return out;
  }

  private static String platform(Target target) {
    return switch (target) {
      case MAGISTERE -> "M@gistère";
      case MOODLE -> "Moodle";
      case SCORM_ONLY -> "the platform (SCORM only)";
    };
  }

  /**
   * How to upload an archive. For M@gistère the French menu names come first, as its trainers see
   * them (those of the README's quick start); for Moodle the English ones.
   */
  private String how(String format) {
    boolean french = target != Target.MOODLE;
    return switch (format) {
      case "mbz" ->
          french
              ? "in the course, Plus › Réutilisation de cours › Restauration (More › Course reuse ›"
                  + " Restore), drop the file, then « Restaurer dans ce cours » (or, if you may"
                  + " create courses, « Restaurer comme nouveau cours »)"
              : "Site administration › Courses › Restore course (or More › Course reuse › Restore"
                  + " in a course), drop the file, Restore as a new course; Moodle 4.1 or later";
      case "scorm12", "scorm2004" ->
          (french
                  ? "Mode édition › Ajouter une activité ou une ressource › Paquetage SCORM (Edit"
                      + " mode › Add an activity or resource › SCORM package)"
                  : "Edit mode › Add an activity or resource › SCORM package")
              + ", drop the zip; completion: require all scos to return completion status";
      case "cc" ->
          (french
                  ? "Plus › Réutilisation de cours › Restauration (More › Course reuse › Restore)"
                  : "More › Course reuse › Restore")
              + ", drop the .imscc, restore it as a new course"
              + (target == Target.MAGISTERE
                  ? "; Moodle 4.1 leaves its quizzes empty: add their questions from the bank"
                  : "; then set each quiz's maximum grade (Moodle makes it 4)");
      case "moodlexml" ->
          (french
                  ? "Plus › Banque de questions › Importer (More › Question bank › Import), format"
                      + " « XML Moodle », « Obtenir la catégorie à partir du fichier » ticked"
                  : "More › Question bank › Import, Moodle XML format, Get category from file"
                      + " ticked")
              + " (questions only: no pages, no video)";
      case "gift" ->
          (french
                  ? "Plus › Banque de questions › Importer (More › Question bank › Import), format"
                      + " « GIFT »"
                  : "More › Question bank › Import, GIFT format")
              + " (questions only: no pages, no video)";
      default -> throw new IllegalArgumentException("no course archive in format " + format);
    };
  }

  /** The format of a course archive, from its folder and name in the output folder. */
  static String formatOf(Path archive) {
    String name = archive.getFileName().toString();
    String folder = archive.getParent() == null ? "" : archive.getParent().getFileName().toString();
    if (folder.equals("questions")) {
      return name.endsWith(".gift") ? "gift" : "moodlexml";
    }
    return folder;
  }
}
