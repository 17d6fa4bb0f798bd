package io.github.coursepack.format.h5p;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;

/**
 * The duration of an MP4 file, read from its movie header ({@code moov/mvhd}) without reading the
 * media: the boxes are walked by their sizes, so a 1 GB video costs a few small reads.
 */
final class Mp4Duration {

  private Mp4Duration() {}

  /** The duration in seconds, or empty when the file is not an MP4 with a movie header. */
  static OptionalDouble of(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return find(ch, 0, ch.size(), 0);
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  private static OptionalDouble find(FileChannel ch, long start, long end, int depth)
      throws IOException {
    long at = start;
    while (at + 8 <= end && depth < 4) {
      ByteBuffer head = read(ch, at, 16);
      long size = Integer.toUnsignedLong(head.getInt(0));
      String type =
          new String(
              new byte[] {head.get(4), head.get(5), head.get(6), head.get(7)},
              java.nio.charset.StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = head.getLong(8);
        header = 16;
      } else if (size == 0) {
        size = end - at;
      }
      if (size < header || at + size > end) {
        return OptionalDouble.empty();
      }
      if (type.equals("moov")) {
        return find(ch, at + header, at + size, depth + 1);
      }
      if (type.equals("mvhd")) {
        ByteBuffer b = read(ch, at + header, 32);
        int version = b.get(0);
        long timescale;
        long duration;
        if (version == 1) {
          timescale = Integer.toUnsignedLong(b.getInt(20));
          duration = b.getLong(24);
        } else {
          timescale = Integer.toUnsignedLong(b.getInt(12));
          duration = Integer.toUnsignedLong(b.getInt(16));
        }
        return timescale > 0 && duration > 0
            ? OptionalDouble.of((double) duration / timescale)
            : OptionalDouble.empty();
      }
      at += size;
    }
    return OptionalDouble.empty();
  }

  private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    ch.read(b, at);
    b.flip();
    if (b.remaining() < Math.min(n, 8)) {
      throw new IOException("truncated");
    }
    ByteBuffer full = ByteBuffer.allocate(n);
    full.put(b);
    full.flip();
    full.limit(n);
    return full;
  }
}
