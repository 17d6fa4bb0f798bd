package io.github.coursepack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process for a test without letting it hang the build: its output (standard error
 * merged) is read on a thread of its own, so a chatty child never blocks on a full pipe, and a
 * child still running at the timeout is killed, with its descendants, and fails the test with what
 * it had printed.
 */
public final class Subprocess {

  /** How a child ended. */
  public record Result(int exitCode, String output) {}

  private Subprocess() {}

  /**
   * Starts {@code builder} and waits for it to end.
   *
   * @throws AssertionError when it does not end within {@code timeout} (it has then been killed)
   */
  public static Result run(ProcessBuilder builder, Duration timeout)
      throws IOException, InterruptedException {
    Process p = builder.redirectErrorStream(true).start();
    p.getOutputStream().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = reader(p, output, builder);
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(5));
      throw new AssertionError(
          String.join(" ", builder.command())
              + " did not end within "
              + timeout.toSeconds()
              + " s and was killed; its output so far:\n"
              + text(output));
    }
    // A grandchild may still hold the pipe open: do not wait for it for ever.
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return new Result(p.exitValue(), text(output));
  }

  /**
   * Starts {@code builder} and kills it with SIGKILL ({@link Process#destroyForcibly()}, its
   * descendants left alone) after {@code delay}, unless it ended before.
   *
   * @return how it ended: exit code 137 when killed
   */
  public static Result killAfter(ProcessBuilder builder, Duration delay)
      throws IOException, InterruptedException {
    Process p = builder.redirectErrorStream(true).start();
    p.getOutputStream().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = reader(p, output, builder);
    if (!p.waitFor(delay.toNanos(), TimeUnit.NANOSECONDS)) {
      p.destroyForcibly();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(builder.command() + " survived its kill");
      }
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return new Result(p.exitValue(), text(output));
  }

  private static Thread reader(Process p, ByteArrayOutputStream output, ProcessBuilder builder) {
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = p.getInputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  synchronized (output) {
                    output.write(buffer, 0, n);
                  }
                }
              } catch (IOException closed) {
                // the process was killed: keep what was read
              }
            },
            "output of " + builder.command().get(0));
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** Whether {@code command} runs and exits 0 within 10 seconds (a tool's {@code --version}). */
  public static boolean works(String... command) {
    try {
      return run(new ProcessBuilder(command), Duration.ofSeconds(10)).exitCode() == 0;
    } catch (IOException | AssertionError e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String text(ByteArrayOutputStream output) {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }
}
