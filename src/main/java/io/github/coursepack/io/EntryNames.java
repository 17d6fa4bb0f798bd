package io.github.coursepack.io;

/**
 * Archive entry names that could write outside the folder an archive is unpacked into: {@code ..}
 * segments, absolute paths and drive letters, backslashes, NUL characters, and names too long to be
 * real. Every archive check refuses them before reading anything else.
 */
public final class EntryNames {

  public static final int MAX_LENGTH = 1024;

  private EntryNames() {}

  /** What is wrong with the name, in words, or null when it is safe. */
  public static String problem(String name) {
    if (name.length() > MAX_LENGTH) {
      return "the name is longer than " + MAX_LENGTH + " characters";
    }
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      return "an absolute path";
    }
    if (name.contains("\\")) {
      return "a backslash in the name";
    }
    if (name.indexOf('\0') >= 0) {
      return "a NUL character in the name";
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        return "'..' in the path";
      }
    }
    return null;
  }

  /** The name cut to 200 characters, for messages. */
  public static String shown(String name) {
    return name.length() > 200 ? name.substring(0, 200) + "…" : name;
  }
}
