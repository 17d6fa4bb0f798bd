package io.github.coursepack.format.scorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.coursepack.Subprocess;
import io.github.coursepack.TestFiles;
import java.time.Duration;
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
    Subprocess.Result r =
        Subprocess.run(
            new ProcessBuilder("node", "--test", "src/test/js/")
                .directory(TestFiles.project().toFile()),
            Duration.ofMinutes(2));
    String output = r.output();
    assertThat(r.exitCode()).as(output).isZero();
    assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
  }

  private static boolean nodeAvailable() {
    return Subprocess.works("node", "--version");
  }
}
