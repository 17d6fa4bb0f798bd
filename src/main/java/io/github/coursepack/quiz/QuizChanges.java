package io.github.coursepack.quiz;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.quiz.QuizSnapshot.Item;
import io.github.coursepack.quiz.QuizSnapshot.UnitBank;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changed in a course's quizzes from one snapshot to another, per unit: questions added,
 * removed, and changed (same id, another stem, options, answer or feedback). Questions are matched
 * by id, which is derived from the unit and the fact asked about, so that an edit of the text
 * around a fact keeps its question.
 *
 * @param units the units with a change, in the new snapshot's order, then units removed
 * @param unchanged how many units of the new snapshot have no change
 */
public record QuizChanges(List<UnitChanges> units, int unchanged) {

  public QuizChanges {
    units = List.copyOf(units);
  }

  /**
   * One unit's changes.
   *
   * @param unit the unit as it is now, or as it was when it was removed
   * @param isNew the unit was not in the old snapshot
   * @param isGone the unit is not in the new snapshot
   */
  public record UnitChanges(
      UnitBank unit,
      boolean isNew,
      boolean isGone,
      List<Item> added,
      List<Item> removed,
      List<Changed> changed) {
    public UnitChanges {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      changed = List.copyOf(changed);
    }

    /** {@code le-gar-en-pratique +2 -1 ~1}, with only the counts that are not zero. */
    public String counts() {
      StringBuilder s = new StringBuilder(unit.slug());
      if (!added.isEmpty()) {
        s.append(" +").append(added.size());
      }
      if (!removed.isEmpty()) {
        s.append(" -").append(removed.size());
      }
      if (!changed.isEmpty()) {
        s.append(" ~").append(changed.size());
      }
      return s.toString();
    }
  }

  /**
   * A question whose id stayed and whose text did not.
   *
   * @param what the parts that differ, among {@code kind}, {@code stem}, {@code options}, {@code
   *     answer}, {@code feedback}
   */
  public record Changed(Item before, Item after, List<String> what) {
    public Changed {
      what = List.copyOf(what);
    }
  }

  /** The changes from {@code before} to {@code after}. */
  public static QuizChanges between(QuizSnapshot before, QuizSnapshot after) {
    List<UnitChanges> units = new ArrayList<>();
    int unchanged = 0;
    for (UnitBank now : after.units()) {
      Optional<UnitBank> then = before.unit(now.unit());
      UnitChanges c = compare(then.map(UnitBank::questions).orElse(List.of()), now, then.isEmpty());
      if (c.added().isEmpty() && c.removed().isEmpty() && c.changed().isEmpty()) {
        unchanged++;
      } else {
        units.add(c);
      }
    }
    for (UnitBank then : before.units()) {
      if (after.unit(then.unit()).isEmpty()) {
        units.add(new UnitChanges(then, false, true, List.of(), then.questions(), List.of()));
      }
    }
    return new QuizChanges(units, unchanged);
  }

  private static UnitChanges compare(List<Item> then, UnitBank now, boolean isNew) {
    Map<String, Item> old = new LinkedHashMap<>();
    // A history written before ids were bounded to Moodle's 100 characters names the same question
    // by its longer id: matched under today's, it is not counted as removed and added again.
    then.forEach(q -> old.put(QuestionIds.current(q.id(), now.unit()), q));
    List<Item> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    for (Item q : now.questions()) {
      Item was = old.remove(q.id());
      if (was == null) {
        added.add(q);
      } else {
        List<String> what = differences(was, q);
        if (!what.isEmpty()) {
          changed.add(new Changed(was, q, what));
        }
      }
    }
    return new UnitChanges(now, isNew, false, added, List.copyOf(old.values()), changed);
  }

  private static List<String> differences(Item a, Item b) {
    List<String> what = new ArrayList<>();
    if (!a.kind().equals(b.kind())) {
      what.add("kind");
    }
    if (!a.stem().equals(b.stem())) {
      what.add("stem");
    }
    List<String> textsA = a.options().stream().map(QuizSnapshot.Option::text).toList();
    List<String> textsB = b.options().stream().map(QuizSnapshot.Option::text).toList();
    if (!textsA.equals(textsB)) {
      what.add("options");
    }
    if (!a.answer().equals(b.answer())) {
      what.add("answer");
    }
    if (!a.feedback().equals(b.feedback())) {
      what.add("feedback");
    }
    return what;
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return units.isEmpty();
  }

  /**
   * One line for a build's summary: {@code quiz changes since the last build: le-gar-en-pratique +2
   * -1 ~1; other units unchanged}.
   */
  public String summary() {
    return said().english();
  }

  /** {@link #summary()} as a message, to say in the user's language. */
  public Message said() {
    String counts = String.join(", ", units.stream().map(UnitChanges::counts).toList());
    return Message.of(
        unchanged == 0
            ? "quizChanges.summary"
            : unchanged == 1
                ? "quizChanges.summary.otherUnchanged"
                : "quizChanges.summary.othersUnchanged",
        counts);
  }
}
