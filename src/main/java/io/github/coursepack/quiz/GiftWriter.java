package io.github.coursepack.quiz;

import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;

/**
 * A course's questions as GIFT (FORMATS.md §5.2): a {@code $CATEGORY} per unit, one question per
 * block with a blank line between blocks and none inside, {@code [html]} texts, and every reserved
 * character ({@code ~ = # { } :} and the backslash) escaped in every text.
 *
 * <p>Usage: {@code String gift = GiftWriter.write(course);}
 */
public final class GiftWriter {

  private static final java.util.regex.Pattern LINE_BREAK =
      java.util.regex.Pattern.compile("\\s*\\R\\s*");

  private GiftWriter() {}

  public static String write(Course course) {
    StringBuilder out = new StringBuilder();
    for (Unit unit : course.units()) {
      if (unit.quiz().isEmpty()) {
        continue;
      }
      out.append("// ").append(oneLine(unit.title())).append('\n');
      // Moodle reads the category line as it is: an escape here would stay in the name.
      out.append("$CATEGORY: ")
          .append(oneLine(QuestionNames.category(course, unit)))
          .append("\n\n");
      int n = 0;
      for (Question q : unit.quiz().questions()) {
        n++;
        out.append("// [id:").append(QuestionNames.idnumber(q)).append("]\n");
        out.append("::")
            .append(escape(QuestionNames.name(q, n)))
            .append("::[html]")
            .append(escape(Html.paragraph(q.stem())))
            .append(" {");
        if (q instanceof Question.MultipleChoice mc) {
          for (Choice c : mc.choices()) {
            out.append(' ').append(c.correct() ? '=' : '~').append(escape(Html.escape(c.text())));
          }
        } else if (q instanceof Question.TrueFalse tf) {
          out.append(tf.answer() ? "TRUE" : "FALSE");
        } else if (q instanceof Question.Matching m) {
          for (Question.Matching.Pair p : m.pairs()) {
            out.append(" =").append(escape(p.actor())).append(" -> ").append(escape(p.role()));
          }
        }
        out.append(" ####").append(escape(Html.paragraph(q.feedback()))).append("}\n\n");
      }
    }
    return out.toString();
  }

  /** GIFT escaping: the backslash first, then the characters the format reserves. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : oneLine(text).toCharArray()) {
      if ("\\~=#{}:".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String oneLine(String text) {
    return LINE_BREAK.matcher(text).replaceAll(" ").strip();
  }
}
