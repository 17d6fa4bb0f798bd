package io.github.coursepack;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xmlunit.assertj3.XmlAssert;

/**
 * Golden files under {@code src/test/resources/golden/}. A missing golden file fails the test; run
 * with {@code -Dcoursepack.updateGolden=true} to write them, then review the diff.
 */
public final class Golden {

  private Golden() {}

  public static Path path(String name) {
    return TestFiles.project().resolve("src/test/resources/golden").resolve(name);
  }

  /** Compares XML with XMLUnit: same elements, attributes and text, whitespace between ignored. */
  public static void assertXml(String name, byte[] actual) throws IOException {
    Path golden = path(name);
    if (Boolean.getBoolean("coursepack.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.write(golden, actual);
      return;
    }
    if (!Files.exists(golden)) {
      fail(
          "golden file "
              + golden
              + " is missing; run the tests with"
              + " -Dcoursepack.updateGolden=true to write it, and review it");
    }
    XmlAssert.assertThat(actual).and(Files.readAllBytes(golden)).ignoreWhitespace().areIdentical();
  }
}
