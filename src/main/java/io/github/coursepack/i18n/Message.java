package io.github.coursepack.i18n;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A message said to the user, kept as its key and arguments so that it can be rendered in either
 * {@link Language}.
 *
 * <p>Patterns live in {@code io/github/coursepack/i18n/messages.properties} (English, the
 * reference) and {@code messages_fr.properties}. A pattern refers to its arguments as {@code {0}},
 * {@code {1}}…; nothing else in it is special (no {@link java.text.MessageFormat} quoting, so an
 * apostrophe or a brace is written as it prints, and numbers are never grouped: {@code 1400
 * archives}, as before the messages were translated). An argument is text, a number or another
 * {@code Message}, rendered in the same language.
 *
 * <p>A key with no pattern of its own but {@code key.one} and {@code key.other} is a count: its
 * first argument chooses the form ({@code 1 error}, {@code 0 errors}; in French {@code 0 erreur},
 * {@code 1 erreur}, {@code 2 erreurs}).
 *
 * <p>A message made with {@link #plain} has no key: it says its English text in both languages.
 * That is the fallback for a message not yet in the bundles.
 *
 * <p>Usage: {@code Message.of("frontmatter.neverClosed").in(Language.FR)}
 *
 * @param key the bundle key, or {@code null} for a plain message
 * @param args the arguments: {@link String}, {@link Long} or {@code Message}
 */
public record Message(String key, List<Object> args) {

  public Message {
    args = Collections.unmodifiableList(new ArrayList<>(args));
    for (Object a : args) {
      Objects.requireNonNull(a, "argument");
    }
    if (key == null) {
      if (args.size() != 1 || !(args.get(0) instanceof String)) {
        throw new IllegalArgumentException("a plain message has its text as its only argument");
      }
    } else if (!Bundle.english().has(key)) {
      throw new IllegalArgumentException("no English pattern for message key '" + key + "'");
    }
  }

  /**
   * The message of {@code key} with these arguments; a {@link Path}, a number or any other object
   * is kept as its {@code toString()} (numbers as numbers, for counts), a {@code Message} as is.
   *
   * @throws IllegalArgumentException when {@code messages.properties} has no such key (a bug)
   */
  public static Message of(String key, Object... args) {
    List<Object> normalised = new ArrayList<>(args.length);
    for (Object a : args) {
      normalised.add(normalise(a));
    }
    return new Message(key, normalised);
  }

  /** A message not (yet) in the bundles: the same English text in every language. */
  public static Message plain(String english) {
    return new Message(null, List.of(english));
  }

  /** Whether this message has a key, that is whether it can be said in French. */
  public boolean keyed() {
    return key != null;
  }

  /** This message in {@code language}. */
  public String in(Language language) {
    if (key == null) {
      return (String) args.get(0);
    }
    Bundle bundle = Bundle.of(language);
    String pattern = bundle.pattern(key, args);
    if (pattern == null) {
      // A key the French bundle lacks (a test keeps the two in step) is said in English.
      pattern = Bundle.english().pattern(key, args);
    }
    return format(pattern, args, language);
  }

  /** This message in English, the language of JSON and JUnit reports and of the tests. */
  public String english() {
    return in(Language.EN);
  }

  @Override
  public String toString() {
    return english();
  }

  /**
   * Replaces {@code {n}} with the n-th argument; every other character is copied as it is.
   *
   * @throws IllegalArgumentException when the pattern names an argument that is not given
   */
  static String format(String pattern, List<Object> args, Language language) {
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? placeholderEnd(pattern, i) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      int index = Integer.parseInt(pattern.substring(i + 1, close));
      if (index >= args.size()) {
        throw new IllegalArgumentException(
            "pattern '" + pattern + "' needs argument " + index + ", given " + args.size());
      }
      Object a = args.get(index);
      out.append(a instanceof Message m ? m.in(language) : a.toString());
      i = close + 1;
    }
    return out.toString();
  }

  /**
   * The index of the {@code }} that closes a placeholder {@code {digits}} at {@code open}, or -1.
   */
  static int placeholderEnd(String pattern, int open) {
    int j = open + 1;
    while (j < pattern.length() && j - open <= 2 && Character.isDigit(pattern.charAt(j))) {
      j++;
    }
    return j > open + 1 && j < pattern.length() && pattern.charAt(j) == '}' ? j : -1;
  }

  private static Object normalise(Object a) {
    Objects.requireNonNull(a, "message argument");
    if (a instanceof Message || a instanceof String) {
      return a;
    }
    if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) {
      return ((Number) a).longValue();
    }
    if (a instanceof Character ch) {
      return String.valueOf(ch);
    }
    return a.toString();
  }
}
