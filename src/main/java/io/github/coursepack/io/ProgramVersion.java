package io.github.coursepack.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/**
 * The versions of coursepack and of the LanguageTool it analyses with, as Maven wrote them into the
 * jar: part of the keys of what a build keeps for the next one (facts, archives), so that a new
 * version does not reuse what an older one made.
 *
 * <p>Read from {@code version.properties} rather than from LanguageTool's classes, which would load
 * part of LanguageTool on a build that does not need it.
 */
public final class ProgramVersion {

  private static final Properties PROPERTIES = load();

  private static final String WRITER = writerStamp();

  private ProgramVersion() {}

  /** coursepack's version, e.g. {@code 1.4.0}; {@code unknown} outside a Maven build. */
  public static String coursepack() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  /** The LanguageTool version coursepack was built with, e.g. {@code 6.6}. */
  public static String languageTool() {
    return PROPERTIES.getProperty("languagetool", "unknown");
  }

  /**
   * The program that writes archives: its version and, when it runs from a jar, the jar's size and
   * time. A snapshot rebuilt with other code keeps its version number; its jar does not keep its
   * time, so archives written by the older code are not taken for the newer code's.
   */
  public static String writer() {
    return WRITER;
  }

  private static String writerStamp() {
    StringBuilder s = new StringBuilder("coursepack ").append(coursepack());
    try {
      CodeSource code = ProgramVersion.class.getProtectionDomain().getCodeSource();
      if (code != null) {
        Path jar = Path.of(code.getLocation().toURI());
        if (Files.isRegularFile(jar)) {
          s.append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar));
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // The version alone then.
    }
    return s.toString();
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        ProgramVersion.class.getResourceAsStream("/io/github/coursepack/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
