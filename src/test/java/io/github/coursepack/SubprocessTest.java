package io.github.coursepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubprocessTest {

  @Test
  void aChildThatHangsIsKilledAtItsTimeoutAndFailsWithItsOutput() {
    long start = System.nanoTime();
    ProcessBuilder hung = new ProcessBuilder("sh", "-c", "echo started; sleep 60");
    assertThatThrownBy(() -> Subprocess.run(hung, Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not end within 1 s and was killed")
        .hasMessageContaining("started");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aChildThatPrintsMoreThanAPipeHoldsEndsAndGivesAllItsOutput() throws Exception {
    Subprocess.Result r =
        Subprocess.run(
            new ProcessBuilder(
                "sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x; echo; echo oops >&2; exit 3"),
            Duration.ofSeconds(30));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.output()).hasSize(300000 + 1 + 5).endsWith("oops\n");
  }

  @Test
  void aMissingToolDoesNotWork() {
    assertThat(Subprocess.works("coursepack-no-such-tool", "--version")).isFalse();
    assertThat(Subprocess.works("sh", "-c", "exit 0")).isTrue();
  }
}
