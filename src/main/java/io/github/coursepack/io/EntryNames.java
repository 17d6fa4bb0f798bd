package io.github.coursepack.io;

import io.github.coursepack.i18n.Message;

/**
 * Archive entry names that could write outside the folder an archive is unpacked into: {@code ..}
 * segments, absolute paths and drive letters, backslashes, NUL characters, and names too long to be
 * real. Every archive check refuses them before reading anything else.
 */
public final class EntryNames {

  public static final int MAX_LENGTH = 1024;

  private EntryNames() {}

  /** What is wrong with the name, in English, or null when it is safe. */
  public static String problem(String name) {
    Message said = said(name);
    return said == null ? null : said.english();
  }

  /** What is wrong with the name, to say in any language, or null when it is safe. */
  public static Message said(String name) {
    if (name.length() > MAX_LENGTH) {
      return Message.of("entry.tooLong", MAX_LENGTH);
    }
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      return Message.of("entry.absolute");
    }
    if (name.contains("\\")) {
      return Message.of("entry.backslash");
    }
    if (name.indexOf('\0') >= 0) {
      return Message.of("entry.nul");
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        return Message.of("entry.dotDot");
      }
    }
    return null;
  }

  /** The name cut to 200 characters, for messages. */
  public static String shown(String name) {
    return name.length() > 200 ? name.substring(0, 200) + "…" : name;
  }
}
