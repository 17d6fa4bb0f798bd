package io.github.coursepack.format;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps a bug met while making one unit's archive to that unit, and decides whether the
 * course-level archives (a course SCORM package, the {@code .mbz}, question files) are written in
 * this build.
 *
 * <p>Course archives are all or nothing: an incomplete one looks complete to whoever uploads it. So
 * when the build has errors, or a unit's archive failed, they are not written (the previous ones
 * stay) unless the build allows a partial course; then they are written without the units that
 * failed. Formats call {@link #unit} around each unit's work and {@link #courseArchive} before each
 * course-level archive.
 *
 * <p>One guard serves one build; it is not thread-safe.
 */
public final class UnitGuard {

  /**
   * Lets exceptions through and writes every course archive: for a format used on its own, where a
   * bug must fail loudly.
   */
  public static final UnitGuard NONE = new UnitGuard(null, u -> null, false, true);

  private final DiagnosticSink sink;
  private final Function<Unit, Path> sourceOf;
  private final boolean incomplete;
  private final boolean allowPartial;
  private final Set<String> failed = new LinkedHashSet<>();
  private final List<Path> kept = new ArrayList<>();

  private UnitGuard(
      DiagnosticSink sink,
      Function<Unit, Path> sourceOf,
      boolean incomplete,
      boolean allowPartial) {
    this.sink = sink;
    this.sourceOf = sourceOf;
    this.incomplete = incomplete;
    this.allowPartial = allowPartial;
  }

  /**
   * A guard for one build.
   *
   * @param sink where a unit's internal error goes
   * @param sourceOf the resource file a unit comes from, named in its internal error
   * @param incomplete whether the build already has errors (a resource left out, …)
   * @param allowPartial write course archives anyway, without the units that failed
   */
  public static UnitGuard of(
      DiagnosticSink sink,
      Function<Unit, Path> sourceOf,
      boolean incomplete,
      boolean allowPartial) {
    return new UnitGuard(sink, sourceOf, incomplete, allowPartial);
  }

  /** {@link #unit(Unit, Message, Supplier)} with what the work is in English only. */
  public <T> Optional<T> unit(Unit unit, String doing, Supplier<T> work) {
    return unit(unit, Message.plain(doing), work);
  }

  /**
   * Runs one unit's part of a format. A {@link RuntimeException} becomes an internal error on the
   * unit's resource, the unit is marked failed, and empty is returned; the caller goes on with the
   * next unit.
   *
   * @param doing what the work is, for the message: {@code Message.of("doing.writingScorm12")}
   */
  public <T> Optional<T> unit(Unit unit, Message doing, Supplier<T> work) {
    if (sink == null) {
      return Optional.ofNullable(work.get());
    }
    try {
      return Optional.ofNullable(work.get());
    } catch (RuntimeException | StackOverflowError bug) {
      failed.add(unit.id());
      sink.report(Diagnostic.internalError(sourceOf.apply(unit), doing, bug));
      return Optional.empty();
    }
  }

  /**
   * The course a course-level archive is made of: empty when such archives are not written in this
   * build ({@code target} is then recorded as kept), else the course without the units that failed.
   */
  public Optional<Course> courseArchive(Course course, Path target) {
    if ((incomplete || !failed.isEmpty()) && !allowPartial) {
      kept.add(target);
      return Optional.empty();
    }
    if (failed.isEmpty()) {
      return Optional.of(course);
    }
    return Optional.of(
        course.withUnits(course.units().stream().filter(u -> !failed.contains(u.id())).toList()));
  }

  /** The course archives not written in this build, in the order met. */
  public List<Path> kept() {
    return List.copyOf(kept);
  }

  /** The ids of the units whose archive failed. */
  public Set<String> failedUnits() {
    return Set.copyOf(failed);
  }
}
