package io.github.coursepack.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The archives a build in progress has written, one line of JSON each, appended as each is moved
 * into place: {@code .coursepack/outputs.journal} next to the {@link OutputManifest}. The manifest
 * is written once, at the end of the build, and the journal then removed; a build killed before
 * leaves the journal, which {@link OutputManifest#read} adds to the manifest, so that no archive it
 * wrote is left unlisted (and kept for ever after a rename, since a build removes only what it
 * lists). Appending a line costs the same for the 1st and the 800th archive, where rewriting the
 * whole list after each one grew with the square of their number.
 */
final class OutputJournal implements AutoCloseable {

  private final OutputStream out;

  private OutputJournal(OutputStream out) {
    this.out = out;
  }

  /** Where the journal of {@code outputDir} is. */
  static Path file(Path outputDir) {
    return outputDir.resolve(OutputManifest.FOLDER).resolve("outputs.journal");
  }

  /**
   * Opens the journal to append to it. A line a killed build left cut short is ended first, so that
   * the next line is read on its own.
   */
  static OutputJournal open(Path outputDir) throws IOException {
    Path file = file(outputDir);
    Files.createDirectories(file.getParent());
    boolean cut = false;
    if (Files.isRegularFile(file) && Files.size(file) > 0) {
      try (var channel = Files.newByteChannel(file)) {
        channel.position(channel.size() - 1);
        java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
        channel.read(last);
        cut = last.get(0) != '\n';
      }
    }
    OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (cut) {
      out.write('\n');
    }
    return new OutputJournal(out);
  }

  /** Appends an archive's entry; on disk when this returns (in the page cache, as any write). */
  synchronized void append(OutputManifest.Entry entry) throws IOException {
    byte[] json = OutputManifest.line(entry);
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    out.write(line);
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /** Removes the journal, once the manifest lists everything it does. */
  static void delete(Path outputDir) throws IOException {
    Files.deleteIfExists(file(outputDir));
  }

  /** The entries of the journal, in the order written; lines that cannot be read are skipped. */
  static List<OutputManifest.Entry> read(Path outputDir) {
    Path file = file(outputDir);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<OutputManifest.Entry> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        try {
          OutputManifest.Entry e = OutputManifest.fromLine(line);
          if (OutputManifest.safe(e)) {
            entries.add(e);
          }
        } catch (IOException | RuntimeException cutShort) {
          // The line a killed build was writing: its archive is whole but was not listed.
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return entries;
    }
    return entries;
  }
}
