package io.github.coursepack.format.cc;

import java.util.regex.Pattern;

/**
 * Keeps text that looks like a tag as text through Moodle's CC import. The import decodes HTML
 * entities once more than the XML needs ({@code entities::safexml} in {@code backup/cc}), so a
 * learner's « &lt;GAR&gt; », escaped in our HTML, reaches the database as a tag that Moodle's
 * cleaner then drops. A word joiner (U+2060, invisible, zero width) after such a {@code <} keeps it
 * from starting a tag, whatever the number of decodings.
 */
final class CcText {

  static final String WORD_JOINER = "\u2060";

  private static final Pattern TEXT_LT = Pattern.compile("<(?=[A-Za-z/!?])");
  private static final Pattern ESCAPED_LT = Pattern.compile("&lt;(?=[A-Za-z/!?])");

  private CcText() {}

  /** Plain text (a title) whose tag-like {@code <} is kept from starting a tag. */
  static String guard(String text) {
    return TEXT_LT.matcher(text).replaceAll("<" + WORD_JOINER);
  }

  /** HTML whose escaped, tag-like {@code &lt;} in text is kept from becoming a tag. */
  static String guardHtml(String html) {
    return ESCAPED_LT.matcher(html).replaceAll("&lt;" + WORD_JOINER);
  }
}
