package io.github.coursepack.build;

import io.github.coursepack.i18n.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One build at a time in an output folder: a lock on {@code .coursepack/lock}, taken with {@link
 * FileChannel#tryLock()}. The operating system releases it when the process ends, killed included,
 * so a crashed build never leaves a stale lock. A second build waits for the first, up to a limit,
 * then stops with {@link Busy}. The file holds the process id of the holder, for the message.
 *
 * <p>Usage: {@code try (OutputLock lock = OutputLock.acquire(outDir, Duration.ofSeconds(30), w ->
 * {})) { … }}
 */
public final class OutputLock implements AutoCloseable {

  /**
   * How long a build waits for another one writing to the same folder: 30 s, or the seconds in the
   * environment variable {@code COURSEPACK_LOCK_WAIT_SECONDS} (a CI queueing builds may want more,
   * a script that must not wait 0).
   */
  public static final Duration WAIT = waitFrom(System.getenv("COURSEPACK_LOCK_WAIT_SECONDS"));

  private static final long POLL_MILLIS = 100;

  /** Another build holds the folder and did not let go within the time waited. */
  public static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Message said;

    Busy(Message said) {
      super(said.english());
      this.said = said;
    }

    /** What to tell the user, in any language. */
    public Message said() {
      return said;
    }
  }

  /** Told once when the lock is held by another build, before waiting. */
  @FunctionalInterface
  public interface Waiting {
    void waiting(String holder);
  }

  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Duration waitFrom(String seconds) {
    if (seconds != null && seconds.strip().matches("[0-9]{1,6}")) {
      return Duration.ofSeconds(Long.parseLong(seconds.strip()));
    }
    return Duration.ofSeconds(30);
  }

  /** The lock file of an output folder. */
  static Path file(Path outputDir) {
    return outputDir.resolve(OutputManifest.FOLDER).resolve("lock");
  }

  /**
   * Takes the output folder's lock, waiting up to {@code wait} for another build to end.
   *
   * @throws Busy when another build still holds it after {@code wait}
   */
  public static OutputLock acquire(Path outputDir, Duration wait, Waiting waiting)
      throws IOException {
    Path file = file(outputDir);
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    try {
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          byte[] pid =
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(pid), 0);
          channel.force(false);
          return new OutputLock(channel, lock);
        }
        String holder = holder(file);
        if (System.nanoTime() >= deadline) {
          throw new Busy(Message.of("lock.busy", holder, outputDir, wait.toSeconds()));
        }
        if (!told) {
          waiting.waiting(holder);
          told = true;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new Busy(Message.of("lock.interrupted", outputDir));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The lock, or null when another process, or another build of this one, holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      return null;
    }
  }

  /** "process 1234", as the holder wrote it, or "process unknown". */
  private static String holder(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return pid.matches("[0-9]{1,19}") ? "process " + pid : "process unknown";
    } catch (IOException | RuntimeException e) {
      return "process unknown";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
