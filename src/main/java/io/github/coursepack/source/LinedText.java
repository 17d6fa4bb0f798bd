package io.github.coursepack.source;

import io.github.coursepack.model.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain text that remembers, for every character, the source line it came from. Paragraphs are
 * built from Markdown inline nodes, joined across soft line breaks, then cut into sentences that
 * each know their first line.
 */
final class LinedText {

  /** Stands for a line break inside a paragraph until {@link #joined()} decides what it becomes. */
  static final char SOFT_BREAK = '\u0000';

  private final StringBuilder text = new StringBuilder();
  private int[] lines = new int[64];

  void append(CharSequence s, int line) {
    ensure(text.length() + s.length());
    for (int i = 0; i < s.length(); i++) {
      lines[text.length()] = line;
      text.append(s.charAt(i));
    }
  }

  void append(LinedText other) {
    ensure(text.length() + other.length());
    System.arraycopy(other.lines, 0, lines, text.length(), other.length());
    text.append(other.text);
  }

  /** The text cut at its soft breaks, each line keeping its source lines. */
  List<LinedText> lines() {
    List<LinedText> out = new ArrayList<>();
    LinedText current = new LinedText();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == SOFT_BREAK) {
        out.add(current);
        current = new LinedText();
      } else {
        current.appendChar(text.charAt(i), lines[i]);
      }
    }
    out.add(current);
    out.removeIf(LinedText::isBlank);
    return out;
  }

  int length() {
    return text.length();
  }

  boolean isBlank() {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != SOFT_BREAK && c != '\u00A0') {
        return false;
      }
    }
    return true;
  }

  String text() {
    return text.toString();
  }

  int lineAt(int index) {
    if (text.length() == 0) {
      return 1;
    }
    return lines[Math.min(Math.max(index, 0), text.length() - 1)];
  }

  char lastChar() {
    return text.length() == 0 ? 0 : text.charAt(text.length() - 1);
  }

  /**
   * Resolves soft breaks and collapses whitespace: a line broken after a hyphen inside a word
   * ({@code histoire-⏎géographie}) is joined without a space; any other break becomes one space;
   * runs of spaces become one; the ends are trimmed. Non-breaking spaces are kept, as French
   * typography uses them before {@code : ; ? !}.
   */
  LinedText joined() {
    LinedText out = new LinedText();
    out.ensure(text.length());
    boolean pendingSpace = false;
    int pendingLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == SOFT_BREAK) {
        if (isHyphenatedWordBreak(out, i)) {
          continue;
        }
        c = ' ';
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f') {
        if (!pendingSpace) {
          pendingLine = lines[i];
        }
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && out.length() > 0 && out.lastChar() != '\u00A0' && c != '\u00A0') {
        out.appendChar(' ', pendingLine);
      }
      pendingSpace = false;
      out.appendChar(c, lines[i]);
    }
    return out;
  }

  private boolean isHyphenatedWordBreak(LinedText out, int i) {
    int n = out.length();
    if (n < 2 || out.text.charAt(n - 1) != '-' || !Character.isLetter(out.text.charAt(n - 2))) {
      return false;
    }
    int k = i + 1;
    while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k++;
    }
    return k < text.length() && Character.isLowerCase(text.charAt(k));
  }

  /** Whether the text ends like a sentence, so that a following paragraph is not its sequel. */
  boolean endsSentence() {
    int k = text.length() - 1;
    while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
      k--;
    }
    if (k < 0) {
      return true;
    }
    return ".!?…:;»”\")]".indexOf(text.charAt(k)) >= 0;
  }

  /**
   * The sentences of this (already {@linkplain #joined() joined}) text, numbered from {@code
   * firstIndex}.
   */
  List<Sentence> sentences(int firstIndex) {
    return sentences(firstIndex, line -> {});
  }

  /**
   * The sentences, as {@link #sentences(int)}; {@code cutAt} hears the line of each piece of a
   * run-on sentence cut for being too long ({@link FrenchSentences#MAX_WORDS}).
   */
  List<Sentence> sentences(int firstIndex, java.util.function.IntConsumer cutAt) {
    List<Sentence> out = new ArrayList<>();
    String s = text.toString();
    for (int[] r : FrenchSentences.split(s)) {
      String sentence = s.substring(r[0], r[1]).strip();
      if (!sentence.isEmpty()) {
        out.add(new Sentence(firstIndex + out.size(), sentence, lineAt(r[0])));
        if (r[2] == 1) {
          cutAt.accept(lineAt(r[0]));
        }
      }
    }
    return out;
  }

  private void appendChar(char c, int line) {
    ensure(text.length() + 1);
    lines[text.length()] = line;
    text.append(c);
  }

  private void ensure(int capacity) {
    if (capacity > lines.length) {
      lines = Arrays.copyOf(lines, Math.max(capacity, lines.length * 2));
    }
  }
}
