package io.github.coursepack.quiz;

/** Plain text made into HTML for question texts: escaped, in a paragraph. */
public final class Html {

  private Html() {}

  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  public static String paragraph(String text) {
    return text == null || text.isBlank() ? "" : "<p>" + escape(text) + "</p>";
  }
}
