package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.Subprocess;
import io.github.coursepack.TestFiles;
import io.github.coursepack.build.OutputLock;
import io.github.coursepack.build.OutputManifest;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.io.Digests;
import io.github.coursepack.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL at any moment leaves nothing half-written: the real program runs in a
 * child JVM and is killed after a random delay (seeded, so that a failure can be replayed) spread
 * over a warm build's duration, again and again into one output folder. After each kill every
 * archive the folder's manifest lists is whole and valid (the previous one or the new one), and the
 * course folder is untouched; after a last complete build no temporary file is left and the folder
 * holds exactly what its manifest lists. Also: a second build into a folder another holds stops
 * with a message naming the folder and that process.
 */
class KilledBuildTest {

  private static final long SEED = 20261205L;
  private static final int KILLS = 21;
  private static final int MAX_BUILDS = 32;
  private static final String FORMATS = "scorm12,mbz,moodlexml";
  private static final String CREDIT = "- **Réalisation** : Théo Lambert";

  @TempDir Path course;
  @TempDir Path out;

  private ProcessBuilder build() {
    return new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        "io.github.coursepack.cli.Main",
        "build",
        course.toString(),
        "--out",
        out.toString(),
        "--format",
        FORMATS);
  }

  private long completeBuild() throws Exception {
    long start = System.nanoTime();
    Subprocess.Result r = Subprocess.run(build(), Duration.ofSeconds(120));
    assertThat(r.exitCode()).as(r.output()).isZero();
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void buildsKilledAtRandomMomentsLeaveEveryListedArchiveWholeAndTheCourseUntouched()
      throws Exception {
    copyExample();
    long cold = completeBuild();
    long warm = completeBuild();
    Random random = new Random(SEED);
    Path edited = course.resolve("01-le-cpd-numerique.md");
    String original = Files.readString(edited, StandardCharsets.UTF_8);
    int killed = 0;
    int builds = 0;
    long started = System.nanoTime();
    for (int i = 0; killed < KILLS && i < MAX_BUILDS; i++) {
      builds++;
      // Every other build has new content, so that "the previous or the new archive" are two.
      Files.writeString(
          edited,
          i % 2 == 0 ? original.replace(CREDIT, CREDIT + ", Inès Morel") : original,
          StandardCharsets.UTF_8);
      Map<String, String> courseBefore = hashes(course);
      // A warm build's duration, JVM start included: a few builds end before their kill.
      long delay = random.nextLong(warm);
      Subprocess.Result r = Subprocess.killAfter(build(), Duration.ofMillis(delay));
      if (r.exitCode() == 137) {
        killed++;
      } else {
        assertThat(r.exitCode()).as(r.output()).isZero();
      }
      String when = "kill " + i + " after " + delay + " ms";
      assertListedArchivesAreWhole(when, false);
      assertThat(hashes(course)).as(when).isEqualTo(courseBefore);
    }
    long killing = (System.nanoTime() - started) / 1_000_000;

    completeBuild();
    assertListedArchivesAreWhole("after the last build", true);
    try (Stream<Path> all = Files.walk(out)) {
      assertThat(
              all.filter(
                  p ->
                      AtomicOutput.isTemporary(p)
                          || p.getFileName().toString().startsWith(".scorm-")))
          .isEmpty();
    }
    assertThat(formatFolderFiles())
        .containsExactlyInAnyOrderElementsOf(OutputManifest.read(out).orElseThrow().files(out));
    System.out.printf(
        "KilledBuildTest: cold build %d ms, warm %d ms; %d builds killed of %d in %d ms%n",
        cold, warm, killed, builds, killing);
    assertThat(killed).isGreaterThanOrEqualTo(KILLS);
  }

  @Test
  void aSecondBuildIntoAFolderAnotherHoldsStopsNamingTheFolderAndTheProcess() throws Exception {
    copyExample();
    Subprocess.Result r;
    try (OutputLock held = OutputLock.acquire(out, Duration.ZERO, h -> {})) {
      ProcessBuilder second = build();
      second.environment().put("COURSEPACK_LOCK_WAIT_SECONDS", "1");
      r = Subprocess.run(second, Duration.ofSeconds(120));
    }
    long pid = ProcessHandle.current().pid();
    assertThat(r.exitCode()).as(r.output()).isEqualTo(Main.USAGE);
    assertThat(r.output())
        .contains("waiting for another coursepack build (process " + pid + ") writing to " + out)
        .contains(
            "coursepack: another coursepack build (process "
                + pid
                + ") is writing to "
                + out
                + "; waited 1 s");
    assertThat(Files.exists(out.resolve("scorm12"))).isFalse();
  }

  /** Every file the manifest lists exists and is valid; at the end, also as listed (SHA-256). */
  private void assertListedArchivesAreWhole(String when, boolean exact) throws IOException {
    OutputManifest manifest = OutputManifest.read(out).orElseThrow(() -> new AssertionError(when));
    assertThat(manifest.files(out)).as(when).hasSizeGreaterThanOrEqualTo(7);
    for (OutputManifest.Entry e : manifest.entries()) {
      if (e.removing()) {
        continue;
      }
      Path f = out.resolve(e.path());
      assertThat(f).as(when).isRegularFile();
      Validator.Report report = Validator.validate(f);
      assertThat(report.valid()).as(when + ": " + e.path() + " " + report).isTrue();
      if (exact) {
        assertThat(sha256(f)).as(e.path()).isEqualTo(e.sha256());
      }
    }
  }

  private List<Path> formatFolderFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(out)) {
      all.filter(Files::isRegularFile)
          .filter(p -> !out.relativize(p).toString().startsWith("."))
          .forEach(p -> files.add(p.toAbsolutePath().normalize()));
    }
    return files;
  }

  private void copyExample() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.example())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, course.resolve(f.getFileName()));
      }
    }
  }

  private static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), sha256(f));
      }
    }
    return out;
  }

  private static String sha256(Path f) throws IOException {
    MessageDigest sha = Digests.newSha256();
    try (InputStream in = Files.newInputStream(f)) {
      sha.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
