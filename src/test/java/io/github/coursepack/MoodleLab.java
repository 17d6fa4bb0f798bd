package io.github.coursepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Moodle lab of ../shared/moodle-check, named by {@code MOODLE_LAB}: tests that give our files
 * to a real Moodle skip, saying so, when there is none (CI and a user's clone have none).
 */
public final class MoodleLab {

  private MoodleLab() {}

  /** The lab's {@code scripts/<name>}; skips the test when the lab or the script is missing. */
  public static Path script(String name) {
    String lab = System.getenv("MOODLE_LAB");
    assumeTrue(
        lab != null && !lab.isBlank(),
        "skipped: MOODLE_LAB is not set (see ../shared/moodle-check/README.md to set up a lab)");
    Path script = Path.of(lab, "scripts", name);
    assumeTrue(
        Files.isExecutable(script), "skipped: " + script + " is missing; run setup.sh again");
    return script;
  }

  /**
   * The scripts of a second lab running Moodle 4.1 (M@gistère's version), named by {@code
   * MOODLE41_LAB} (port {@code MOODLE41_LAB_PGPORT}, default 5434); skips the test without one.
   * Such a lab is made with ../shared/moodle-check/setup.sh from a Moodle 4.1 snapshot.
   */
  public static Path script41(String name) {
    String lab = System.getenv("MOODLE41_LAB");
    assumeTrue(
        lab != null && !lab.isBlank(),
        "skipped: MOODLE41_LAB is not set (a Moodle 4.1 lab made like ../shared/moodle-check's)");
    Path script = Path.of(lab, "scripts", name);
    assumeTrue(Files.isExecutable(script), "skipped: " + script + " is missing");
    return script;
  }

  /** Runs a script of the Moodle 4.1 lab (see {@link #script41}). */
  public static String run41(Path script, String... args) throws IOException, InterruptedException {
    String port = System.getenv("MOODLE41_LAB_PGPORT");
    return run(
        script,
        java.util.Map.of(
            "MOODLE_LAB",
            System.getenv("MOODLE41_LAB"),
            "MOODLE_LAB_PGPORT",
            port == null || port.isBlank() ? "5434" : port),
        args);
  }

  /**
   * Runs a lab script, checks that it ends within 2 minutes with exit 0, and returns its output.
   */
  public static String run(Path script, String... args) throws IOException, InterruptedException {
    return run(script, java.util.Map.of(), args);
  }

  private static String run(Path script, java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Subprocess.Result r = Subprocess.run(builder, java.time.Duration.ofMinutes(2));
    assertThat(r.exitCode()).as(r.output()).isZero();
    return r.output();
  }
}
