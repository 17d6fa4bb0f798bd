package io.github.coursepack.cli;

import io.github.coursepack.build.CourseBuild;
import io.github.coursepack.model.Course;
import io.github.coursepack.quiz.QuizChanges;
import io.github.coursepack.quiz.QuizHistory;
import io.github.coursepack.quiz.QuizSnapshot;
import io.github.coursepack.quiz.QuizSnapshot.Item;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code coursepack quiz DIR --diff}: the questions added, removed and changed, per unit, against
 * the quiz the last build recorded; when the course has not changed since, the changes of the last
 * build that changed the quiz.
 */
final class QuizDiffPrinter {

  private QuizDiffPrinter() {}

  static void print(PrintWriter out, Course course, Path outputDir, boolean complete) {
    QuizHistory history = QuizHistory.load(CourseBuild.cacheDir(outputDir));
    if (history.last().isEmpty()) {
      out.println(
          "No build of this course in "
              + ShownPath.of(outputDir)
              + " to compare with: build it, then --diff lists what the next build changes in"
              + " the quiz (--out names another output folder).");
      return;
    }
    QuizChanges pending = QuizChanges.between(history.last().get(), history.next(course, complete));
    if (!pending.isEmpty()) {
      out.println("Quiz changes since the last build (not built yet):");
      print(out, pending);
    } else if (history.before().isPresent()) {
      out.println(
          "The quiz has not changed since the last build. Changes of the last build that changed"
              + " it, against the build before:");
      print(out, QuizChanges.between(history.before().get(), history.last().get()));
    } else {
      out.println("The quiz has not changed since the first build in " + ShownPath.of(outputDir));
    }
  }

  private static void print(PrintWriter out, QuizChanges changes) {
    for (QuizChanges.UnitChanges u : changes.units()) {
      QuizSnapshot.UnitBank unit = u.unit();
      out.printf(
          "%n== %s (%s): %s%s%n",
          unit.title(),
          unit.source(),
          u.counts().substring(unit.slug().length()).strip(),
          u.isNew() ? " (new unit)" : u.isGone() ? " (unit removed)" : "");
      for (Item q : u.added()) {
        question(out, "+", q);
        options(out, q);
      }
      for (Item q : u.removed()) {
        question(out, "-", q);
      }
      for (QuizChanges.Changed c : u.changed()) {
        question(out, "~", c.after());
        for (String what : c.what()) {
          out.println("      " + what + ": " + change(what, c.before(), c.after()));
        }
      }
    }
    if (changes.unchanged() > 0) {
      out.printf(
          "%n%s unchanged.%n",
          changes.unchanged() == 1 ? "1 other unit" : changes.unchanged() + " other units");
    }
  }

  private static void question(PrintWriter out, String sign, Item q) {
    out.printf("%n  %s [%s] %s%n", sign, q.kind(), q.stem());
    out.println("      id: " + q.id());
  }

  private static void options(PrintWriter out, Item q) {
    for (QuizSnapshot.Option o : q.options()) {
      out.println("      " + (o.correct() ? "[x] " : "[ ] ") + o.text());
    }
  }

  private static String change(String what, Item a, Item b) {
    return switch (what) {
      case "stem" -> quoted(a.stem()) + " -> " + quoted(b.stem());
      case "feedback" -> quoted(a.feedback()) + " -> " + quoted(b.feedback());
      case "kind" -> a.kind() + " -> " + b.kind();
      case "answer" ->
          quoted(String.join(" ; ", a.answer())) + " -> " + quoted(String.join(" ; ", b.answer()));
      default -> optionsChange(a, b);
    };
  }

  /** The options removed and added, by text. */
  private static String optionsChange(Item a, Item b) {
    List<String> before = a.options().stream().map(QuizSnapshot.Option::text).toList();
    List<String> after = b.options().stream().map(QuizSnapshot.Option::text).toList();
    List<String> parts = new java.util.ArrayList<>();
    before.stream().filter(t -> !after.contains(t)).forEach(t -> parts.add("- " + quoted(t)));
    after.stream().filter(t -> !before.contains(t)).forEach(t -> parts.add("+ " + quoted(t)));
    return parts.isEmpty() ? "the same, in another order" : String.join(", ", parts);
  }

  private static String quoted(String text) {
    return "« " + text + " »";
  }
}
