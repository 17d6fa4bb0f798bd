package io.github.coursepack.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A course: its settings and its units in order.
 *
 * @param id stable identifier, derived from the short name
 * @param slug file-name-safe name of the course
 * @param title full name
 * @param shortname Moodle's short name
 * @param summary a presentation, possibly empty
 * @param language BCP 47 tag of the learner-facing text, {@code fr} by default
 * @param licence the course's licence, used for units whose credits name none
 * @param passMark percentage needed to pass a unit's quiz, 0–100
 * @param quizSize how many questions a unit's quiz asks per attempt, drawn from its bank
 * @param formats the formats to build when the command line names none; empty means the default set
 * @param units the units, in course order
 * @param target the platform the course is built for, which decides the archive to upload
 * @param startDate the course's start date in the Moodle backup; empty means the build's fixed
 *     timestamp
 */
public record Course(
    String id,
    String slug,
    String title,
    String shortname,
    String summary,
    String language,
    Optional<Licence> licence,
    int passMark,
    int quizSize,
    List<String> formats,
    List<Unit> units,
    Target target,
    Optional<LocalDate> startDate) {

  public Course {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(shortname, "shortname");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(licence, "licence");
    formats = List.copyOf(formats);
    units = List.copyOf(units);
    if (passMark < 0 || passMark > 100) {
      throw new IllegalArgumentException("passMark is a percentage: " + passMark);
    }
    if (quizSize < 1) {
      throw new IllegalArgumentException("a quiz asks one question at least: " + quizSize);
    }
  }

  /** A course for M@gistère, without a start date of its own. */
  public Course(
      String id,
      String slug,
      String title,
      String shortname,
      String summary,
      String language,
      Optional<Licence> licence,
      int passMark,
      int quizSize,
      List<String> formats,
      List<Unit> units) {
    this(
        id,
        slug,
        title,
        shortname,
        summary,
        language,
        licence,
        passMark,
        quizSize,
        formats,
        units,
        Target.MAGISTERE,
        Optional.empty());
  }

  /** The same course with other units (the same units with their quizzes, for instance). */
  public Course withUnits(List<Unit> newUnits) {
    return new Course(
        id, slug, title, shortname, summary, language, licence, passMark, quizSize, formats,
        newUnits, target, startDate);
  }

  /** The licence that applies to a unit: its own, else the course's. */
  public Optional<Licence> licenceOf(Unit unit) {
    return unit.credits().licence().or(() -> licence);
  }
}
