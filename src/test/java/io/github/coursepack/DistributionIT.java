package io.github.coursepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.coursepack.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release zip as a trainer gets it ({@code target/coursepack-<version>.zip}, made by {@code mvn
 * package}): unpacked, its {@code bin/coursepack} runs without Maven, builds the bundled example,
 * and says clearly when Java is missing or too old. Runs after {@code package} (failsafe).
 */
@DisabledOnOs(OS.WINDOWS)
class DistributionIT {

  @TempDir static Path unpacked;

  private static Path home;

  @BeforeAll
  static void unpackTheReleaseZip() throws IOException {
    String zipPath = System.getProperty("coursepack.distZip", "");
    assumeTrue(!zipPath.isEmpty(), "skipped: run by Maven's failsafe after package");
    Path zip = Path.of(zipPath);
    assertThat(zip).exists();
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
        Path target = unpacked.resolve(e.getName()).normalize();
        assertThat(target.startsWith(unpacked)).as(e.getName()).isTrue();
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(e)) {
          Files.copy(in, target);
        }
        // The zip keeps Unix modes: the launcher is executable, as unzip would leave it.
        if ((e.getUnixMode() & 0100) != 0) {
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
    home = unpacked.resolve("coursepack-" + System.getProperty("coursepack.version"));
  }

  private record Run(int exit, String out) {}

  private static Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/coursepack").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    // Read on another thread, so that a launcher that hangs is killed at the timeout.
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("bin/coursepack " + args[0] + " did not end in 3 minutes");
    }
    return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS));
  }

  @Test
  void theZipHoldsTheLaunchersTheJarTheReadmeAndTheExample() {
    assertThat(home.resolve("bin/coursepack")).isExecutable();
    assertThat(home.resolve("bin/coursepack.bat")).exists();
    assertThat(home.resolve("lib/coursepack.jar")).exists();
    assertThat(home.resolve("README.md")).exists();
    assertThat(home.resolve("examples/qui-fait-quoi-numerique/course.yaml")).exists();
  }

  @Test
  void theLauncherRunsWithoutMavenAndBuildsTheExampleIntoValidArchives() throws Exception {
    Run v = run(Map.of(), "--version");
    assertThat(v.exit()).as(v.out()).isZero();
    assertThat(v.out()).contains("coursepack " + System.getProperty("coursepack.version"));
    Path out = unpacked.resolve("built");
    Run build =
        run(
            Map.of(),
            "build",
            "examples/qui-fait-quoi-numerique",
            "--out",
            out.toString(),
            "--format",
            "mbz,scorm12");
    assertThat(build.exit()).as(build.out()).isZero();
    Path mbz = out.resolve("mbz/qfq-num.mbz");
    assertThat(Validator.validate(mbz).valid()).isTrue();
    assertThat(Validator.validate(out.resolve("scorm12/qfq-num.zip")).valid()).isTrue();
  }

  @Test
  void aJavaOlderThan17IsNamedWithWhatToDo() throws Exception {
    Path fake = unpacked.resolve("java11");
    Files.createDirectories(fake.resolve("bin"));
    Path java = fake.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run r = run(Map.of("JAVA_HOME", fake.toString()), "--version");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("is Java 11.0.2; coursepack needs Java 17 or later", "JAVA_HOME");
  }

  /** A Java installation whose java prints the options it is given, with a release file. */
  private static Path echoingJava(String name, String releaseVersion) throws IOException {
    Path fake = unpacked.resolve(name);
    Files.createDirectories(fake.resolve("bin"));
    Path java = fake.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho \"java $*\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        fake.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + releaseVersion + "\"\n");
    return fake;
  }

  @Test
  void theLauncherRunsJavaWithTheQuickCompilerAndTheSerialCollectorReadingItsVersionFromItsRelease()
      throws Exception {
    // The fake java answers `-version` with nothing a version can be read from: the launcher must
    // have read the release file.
    Path fake = echoingJava("java17-echo", "17.0.15");
    Run r = run(Map.of("JAVA_HOME", fake.toString()), "--version");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .startsWith("java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar ")
        .contains("lib/coursepack.jar --version");
  }

  @Test
  void javaOptsComeAfterTheLaunchersOptionsAndACollectorTheyNameReplacesTheSerialOne()
      throws Exception {
    Path fake = echoingJava("java21-echo", "21");
    Run r =
        run(
            Map.of("JAVA_HOME", fake.toString(), "JAVA_OPTS", "-Xmx300m -XX:+UseG1GC"),
            "--version");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).startsWith("java -XX:TieredStopAtLevel=1 -Xmx300m -XX:+UseG1GC -jar ");
    assertThat(r.out()).doesNotContain("UseSerialGC");
  }

  @Test
  void aReleaseFileOfAnOlderJavaIsNamedWithWhatToDo() throws Exception {
    Path fake = echoingJava("java11-release", "11.0.2");
    Run r = run(Map.of("JAVA_HOME", fake.toString()), "--version");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("is Java 11.0.2; coursepack needs Java 17 or later");
  }

  @Test
  void noJavaAtAllIsNamedWithWhatToDo() throws Exception {
    // A PATH with the shell tools the launcher uses, and no java.
    Path tools = unpacked.resolve("tools");
    Files.createDirectories(tools);
    for (String tool : List.of("dirname", "sed", "ls", "head")) {
      Path real = Path.of("/usr/bin", tool);
      if (!Files.exists(tools.resolve(tool))) {
        Files.createSymbolicLink(
            tools.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
      }
    }
    Run r = run(Map.of("JAVA_HOME", "", "PATH", tools.toString()), "--version");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("Java was not found. coursepack needs Java 17 or later.");
  }
}
