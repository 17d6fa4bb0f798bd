package io.github.coursepack.build;

import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
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
   * The lines to print in English: the file to upload (or why there is none), then how.
   *
   * @param shown how a path is shown
   */
  public List<String> lines(Function<Path, String> shown) {
    return lines(shown, Language.EN);
  }

  /**
   * The lines to print in {@code language}: the file to upload (or why there is none), then how.
   *
   * @param shown how a path is shown
   */
  public List<String> lines(Function<Path, String> shown, Language language) {
    Object where = platform(target);
    List<String> out = new ArrayList<>();
    if (chosen.isEmpty()) {
      out.add(
          Message.of(
                  "upload.nothing",
                  where,
                  Message.of(
                      target == Target.SCORM_ONLY
                          ? "upload.nothing.scorm12"
                          : "upload.nothing.mbz"))
              .in(language));
      return out;
    }
    CourseArchive a = chosen.get();
    if (previous && file().isEmpty()) {
      out.add(Message.of("upload.notYet", where, shown.apply(a.file())).in(language));
      return out;
    }
    StringBuilder line =
        new StringBuilder(Message.of("upload.file", where, shown.apply(a.file())).in(language));
    if (previous) {
      line.append(Message.of("upload.fromPrevious").in(language));
    } else if (partial) {
      line.append(Message.of("upload.partial").in(language));
    }
    String first = PREFERENCE.get(target).get(0);
    if (!a.format().equals(first)) {
      line.append(
          Message.of(first.equals("mbz") ? "upload.mbzNotBuilt" : "upload.scorm12NotBuilt")
              .in(language));
    }
    out.add(line.toString());
    out.add(Message.of("upload.how", how(a.format())).in(language));
    return out;
  }

  private static Object platform(Target target) {
    return switch (target) {
      case MAGISTERE -> "M@gistère";
      case MOODLE -> "Moodle";
      case SCORM_ONLY -> Message.of("upload.platform.scormOnly");
    };
  }

  /**
   * How to upload an archive. For M@gistère the French menu names come first, as its trainers see
   * them (those of the README's quick start; in French, only them); for Moodle the English ones.
   */
  private Message how(String format) {
    String menus = target != Target.MOODLE ? ".magistere" : ".moodle";
    return switch (format) {
      case "mbz" -> Message.of("upload.how.mbz" + menus);
      case "scorm12", "scorm2004" -> Message.of("upload.how.scorm" + menus);
      case "cc" -> Message.of("upload.how.cc" + menus);
      case "moodlexml" -> Message.of("upload.how.moodlexml" + menus);
      case "gift" -> Message.of("upload.how.gift" + menus);
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
