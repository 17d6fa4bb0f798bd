package io.github.coursepack.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small writer of indented UTF-8 XML, for manifests and other generated XML. It escapes with the
 * five XML entities only and writes every other character as UTF-8: Moodle's SCORM parser fails on
 * HTML entities and stores numeric references as literal text (FORMATS.md §0). Characters that XML
 * 1.0 forbids are dropped.
 *
 * <pre>
 * XmlOut x = new XmlOut();
 * x.start("manifest", "identifier", "M1").leaf("title", "Cours").end();
 * byte[] bytes = x.toBytes();
 * </pre>
 */
public final class XmlOut {

  private final StringBuilder out =
      new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  /**
   * Opens an element; {@code attributes} are name, value pairs (a {@code null} value is skipped).
   */
  public XmlOut start(String name, String... attributes) {
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append(">\n");
    open.push(name);
    return this;
  }

  /** An element with text content (escaped) and no children. */
  public XmlOut leaf(String name, String text, String... attributes) {
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append('>');
    escape(text, false);
    out.append("</").append(name).append(">\n");
    return this;
  }

  /**
   * An element whose text is written as CDATA, as Moodle writes HTML in its question files; a
   * {@code ]]>} inside is split across two sections.
   */
  public XmlOut leafCdata(String name, String text, String... attributes) {
    if (text.isEmpty()) {
      return leaf(name, text, attributes);
    }
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append("><![CDATA[");
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\t' || isXmlChar(c, text, i)) {
        clean.append(c);
      }
    }
    out.append(clean.toString().replace("]]>", "]]]]><![CDATA[>"));
    out.append("]]></").append(name).append(">\n");
    return this;
  }

  /** An element with neither text nor children. */
  public XmlOut empty(String name, String... attributes) {
    indent();
    out.append('<').append(name);
    attributes(attributes);
    out.append("/>\n");
    return this;
  }

  /** Closes the innermost open element. */
  public XmlOut end() {
    String name = open.pop();
    indent();
    out.append("</").append(name).append(">\n");
    return this;
  }

  public String toXml() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  public byte[] toBytes() {
    return toXml().getBytes(StandardCharsets.UTF_8);
  }

  private void attributes(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] == null) {
        continue;
      }
      out.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1], true);
      out.append('"');
    }
  }

  private void indent() {
    out.append("  ".repeat(open.size()));
  }

  private void escape(String text, boolean attribute) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n', '\r', '\t' -> out.append(attribute ? " " : String.valueOf(c));
        default -> {
          if (isXmlChar(c, text, i)) {
            out.append(c);
          }
        }
      }
    }
  }

  private static boolean isXmlChar(char c, String text, int i) {
    if (c < 0x20) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return c != 0xFFFE && c != 0xFFFF;
  }
}
