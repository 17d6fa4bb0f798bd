package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns the bytes of a text file into a string with {@code \n} line ends: UTF-8 with or without a
 * byte-order mark, UTF-16 with a mark, and, for anything that is not valid UTF-8, Windows-1252 (the
 * encoding of text saved by older Windows editors) with a warning. Binary files are refused.
 */
final class TextDecoding {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** How much of the start of a file is sniffed for NUL bytes to tell binary from text. */
  private static final int SNIFF_LENGTH = 8192;

  private TextDecoding() {}

  /** The decoded text, or empty when the file is not text (an error has then been reported). */
  static Optional<String> decode(Path file, byte[] bytes, DiagnosticSink sink) {
    String text;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      text = decodeStrictOrFallback(file, bytes, 3, sink);
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    } else if (looksBinary(bytes)) {
      sink.report(Diagnostic.error(file, 0, Message.of("decoding.binary")));
      return Optional.empty();
    } else {
      text = decodeStrictOrFallback(file, bytes, 0, sink);
    }
    return Optional.of(normaliseLineEnds(text));
  }

  /** CRLF and lone CR become LF, so that every later line count matches what editors show. */
  static String normaliseLineEnds(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String decodeStrictOrFallback(
      Path file, byte[] bytes, int offset, DiagnosticSink sink) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      CharBuffer chars = utf8.decode(in);
      return chars.toString();
    } catch (CharacterCodingException notUtf8) {
      int bad = firstInvalidUtf8(bytes, offset);
      int line = 1;
      for (int i = offset; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      sink.report(
          Diagnostic.warning(
              file,
              line,
              Message.of("decoding.notUtf8", String.format("%02X", bytes[bad] & 0xFF))));
      return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
    }
  }

  /** Index of the first byte that starts an invalid UTF-8 sequence. */
  static int firstInvalidUtf8(byte[] b, int from) {
    int i = from;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int extra;
      if (c < 0x80) {
        extra = 0;
      } else if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
      } else {
        return i;
      }
      if (i + extra >= b.length && extra > 0) {
        return i;
      }
      for (int k = 1; k <= extra; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += extra + 1;
    }
    return Math.max(from, b.length - 1);
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_LENGTH);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
