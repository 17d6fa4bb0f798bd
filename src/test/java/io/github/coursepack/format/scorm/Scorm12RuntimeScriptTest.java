package io.github.coursepack.format.scorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.coursepack.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/scorm12-runtime.test.mjs} with Node.js: the unit's SCORM runtime against
 * a fake LMS API that refuses what Moodle refuses. Skips when {@code node} is not installed.
 */
class Scorm12RuntimeScriptTest {

  @Test
  void theRuntimeTalksToTheLmsAsMoodleExpects() throws Exception {
    assumeTrue(
        nodeAvailable(), "skipped: node is not on the PATH (the runtime tests need Node.js 18+)");
    Process p =
        new ProcessBuilder("node", "--test", "src/test/js/")
            .directory(TestFiles.project().toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
