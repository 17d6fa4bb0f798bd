package io.github.coursepack.quiz;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the question an override's id names, and says why when there is none.
 *
 * <p>Three cases are told apart, because each has its own fix: the id is the question's own; the id
 * is the question's id as written before ids were bounded to Moodle's 100 characters (the override
 * still applies, with a note giving the id to write); or the id ends like a question of this unit
 * but starts with another prefix, which is what a changed slug does (a title edited before the slug
 * was kept in {@code .coursepack/ids.yaml}, or a {@code slug:} changed). The last is ignored, with
 * a warning naming the old and new prefixes and both fixes; anything else is a question whose
 * sentence changed.
 */
final class OrphanCheck {

  /** The end of a prefix that {@link QuestionIds} shortened: not a slug a trainer can set. */
  private static final Pattern SHORTENED = Pattern.compile("-[0-9a-f]{8}$");

  private final Path file;
  private final String resourceName;
  private final String unitId;
  private final String slug;
  private final String prefix;
  private final Set<String> known;

  /**
   * @param file the override file, where diagnostics point
   * @param resourceName the resource's file name, as {@code .coursepack/ids.yaml} names it
   * @param unitId the unit's id
   * @param slug the unit's slug (the end of its id)
   * @param known the ids of the unit's questions
   */
  OrphanCheck(Path file, String resourceName, String unitId, String slug, Set<String> known) {
    this.file = file;
    this.resourceName = resourceName;
    this.unitId = unitId;
    this.slug = slug;
    this.prefix = QuestionIds.prefix(unitId);
    this.known = Set.copyOf(known);
  }

  /**
   * The id of the question that {@code id}, written at {@code line}, names; empty (and a warning)
   * when it names none.
   */
  Optional<String> resolve(String id, int line, DiagnosticSink sink) {
    if (known.contains(id)) {
      return Optional.of(id);
    }
    if (id.startsWith(unitId + "-")) {
      String current = QuestionIds.current(id, unitId);
      if (known.contains(current)) {
        sink.report(
            Diagnostic.info(
                file, line, Message.of("overrides.oldLongId", id, QuestionIds.MAX, current)));
        return Optional.of(current);
      }
    }
    for (int i = id.indexOf('-'); i > 0; i = id.indexOf('-', i + 1)) {
      String tail = id.substring(i + 1);
      if (known.contains(QuestionIds.of(unitId, tail))) {
        sink.report(Diagnostic.warning(file, line, otherPrefix(id, id.substring(0, i))));
        return Optional.empty();
      }
    }
    sink.report(Diagnostic.warning(file, line, Message.of("overrides.orphan", id)));
    return Optional.empty();
  }

  private Message otherPrefix(String id, String old) {
    String courseId =
        unitId.endsWith("-" + slug) ? unitId.substring(0, unitId.length() - slug.length() - 1) : "";
    Optional<String> oldSlug =
        !courseId.isEmpty() && old.startsWith(courseId + "-") && !SHORTENED.matcher(old).find()
            ? Optional.of(old.substring(courseId.length() + 1))
            : Optional.empty();
    return oldSlug
        .map(s -> Message.of("overrides.otherPrefixSlug", id, prefix, old, s, slug, resourceName))
        .orElseGet(() -> Message.of("overrides.otherPrefix", id, prefix, old));
  }
}
