package io.github.coursepack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Where the tests find their inputs, and how they open the archives they make. */
public final class TestFiles {

  private TestFiles() {}

  /** The project folder (Maven sets {@code coursepack.basedir}; IDEs run from it). */
  public static Path project() {
    return Path.of(System.getProperty("coursepack.basedir", "")).toAbsolutePath();
  }

  public static Path example() {
    return project().resolve("examples/qui-fait-quoi-numerique");
  }

  public static Path fixtureCourse(String name) {
    return project().resolve("src/test/resources/courses").resolve(name);
  }

  /**
   * {@code ../shared/<sub>}; skips the test, saying why, when it is absent (a user's clone has no
   * shared folder).
   */
  public static Path shared(String sub) {
    Path dir =
        Path.of(System.getProperty("coursepack.shared", "../shared"))
            .toAbsolutePath()
            .normalize()
            .resolve(sub);
    assumeTrue(
        Files.isDirectory(dir),
        "skipped: " + dir + " is absent (it exists only beside the project's development clone)");
    return dir;
  }

  /** Every file entry of a zip, by name, with its bytes. */
  public static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
        try (InputStream in = file.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }
}
