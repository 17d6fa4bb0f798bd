package io.github.coursepack.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

  @TempDir Path out;

  @Test
  void aSecondBuildStopsAfterWaitingNamingTheFolderAndTheProcessThatHoldsIt() throws Exception {
    List<String> told = new ArrayList<>();
    try (OutputLock first = OutputLock.acquire(out, Duration.ZERO, told::add)) {
      assertThatThrownBy(() -> OutputLock.acquire(out, Duration.ofMillis(300), told::add))
          .isInstanceOf(OutputLock.Busy.class)
          .hasMessageContaining(
              "another coursepack build (process " + ProcessHandle.current().pid())
          .hasMessageContaining(out.toString())
          .hasMessageContaining("waited 0 s");
    }
    assertThat(told).containsExactly("process " + ProcessHandle.current().pid());
  }

  @Test
  void aSecondBuildWaitsForTheFirstToEndThenGoesOn() throws Exception {
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    OutputLock first = OutputLock.acquire(out, Duration.ZERO, told::add);
    CompletableFuture<OutputLock> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return OutputLock.acquire(out, Duration.ofSeconds(20), told::add);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Thread.sleep(400);
    assertThat(second).isNotDone();
    first.close();
    second.get(10, TimeUnit.SECONDS).close();
    assertThat(told).hasSize(1);
  }

  @Test
  void theLockIsFreeAgainOnceReleased() throws Exception {
    OutputLock.acquire(out, Duration.ZERO, h -> {}).close();
    OutputLock.acquire(out, Duration.ZERO, h -> {}).close();
  }
}
