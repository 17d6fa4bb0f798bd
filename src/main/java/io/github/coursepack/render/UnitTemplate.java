package io.github.coursepack.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A unit template: the Mustache page {@code unit.html}, the Moodle page fragment {@code
 * moodle-page.html} (for course backups) and the files of its {@code assets/} folder. The default
 * one ships in the jar; a course's own folder overrides it file by file, so that restyling only
 * needs an {@code assets/unit.css}.
 *
 * <p>Usage: {@code UnitTemplate t = UnitTemplate.load(Optional.of(courseDir.resolve("theme")),
 * sink);}
 */
public final class UnitTemplate {

  static final String PAGE = "unit.html";

  /** The page of a Moodle page activity: a fragment shown inside Moodle's theme, no scripts. */
  static final String MOODLE_PAGE = "moodle-page.html";

  static final String ASSETS = "assets/";
  private static final String DEFAULT_ROOT = "course-templates/default/";

  private static volatile UnitTemplate defaultTemplate;

  private final Template page;
  private final Template moodlePage;
  private final SortedMap<String, byte[]> assets;

  private UnitTemplate(Template page, Template moodlePage, SortedMap<String, byte[]> assets) {
    this.page = page;
    this.moodlePage = moodlePage;
    this.assets = Collections.unmodifiableSortedMap(assets);
  }

  /** The default template, overlaid with {@code overlay}'s files when given. */
  public static UnitTemplate load(Optional<Path> overlay, DiagnosticSink sink) {
    UnitTemplate base = defaults();
    if (overlay.isEmpty()) {
      return base;
    }
    Path dir = overlay.get();
    SortedMap<String, byte[]> assets = new TreeMap<>(base.assets);
    try {
      Template page = overlayPage(dir.resolve(PAGE), base.page, sink);
      Template moodlePage = overlayPage(dir.resolve(MOODLE_PAGE), base.moodlePage, sink);
      Path assetDir = dir.resolve("assets");
      if (Files.isDirectory(assetDir)) {
        try (Stream<Path> files = Files.walk(assetDir)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            String name = ASSETS + assetDir.relativize(f).toString().replace('\\', '/');
            if (isPackageable(name)) {
              assets.put(name, Files.readAllBytes(f));
            }
          }
        }
      }
      return new UnitTemplate(page, moodlePage, assets);
    } catch (IOException e) {
      sink.report(Diagnostic.error(dir, 0, Message.of("template.cannotRead", e.getMessage())));
      return base;
    }
  }

  private static Template overlayPage(Path file, Template fallback, DiagnosticSink sink)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      return fallback;
    }
    String source = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return compile(source);
    } catch (MustacheException e) {
      sink.report(
          Diagnostic.error(file, lineOf(e), Message.of("template.doesNotCompile", e.getMessage())));
      return fallback;
    }
  }

  /** The template that ships with coursepack. */
  public static UnitTemplate defaults() {
    UnitTemplate t = defaultTemplate;
    if (t == null) {
      synchronized (UnitTemplate.class) {
        t = defaultTemplate;
        if (t == null) {
          t = readDefaults();
          defaultTemplate = t;
        }
      }
    }
    return t;
  }

  /** Renders the page for a context built by {@link UnitPage}. */
  String render(Map<String, Object> context) {
    return page.execute(context);
  }

  /** Renders the Moodle page fragment for a context built by {@link UnitPage}. */
  String renderMoodlePage(Map<String, Object> context) {
    return moodlePage.execute(context);
  }

  /** The files to copy beside the page, by path in the package ({@code assets/unit.css}…). */
  public SortedMap<String, byte[]> assets() {
    return assets;
  }

  private static Template compile(String source) {
    return Mustache.compiler()
        .defaultValue("")
        .emptyStringIsFalse(true)
        .zeroIsFalse(true)
        .compile(source);
  }

  private static UnitTemplate readDefaults() {
    URL page = UnitTemplate.class.getClassLoader().getResource(DEFAULT_ROOT + PAGE);
    if (page == null) {
      throw new IllegalStateException("the default template is missing from the classpath");
    }
    try {
      URI uri = page.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException notOpenYet) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return readFrom(fs.getPath("/" + DEFAULT_ROOT));
      }
      return readFrom(Path.of(uri).getParent());
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the default template", e);
    }
  }

  private static UnitTemplate readFrom(Path root) throws IOException {
    Template page = compile(Files.readString(root.resolve(PAGE), StandardCharsets.UTF_8));
    Template moodlePage =
        compile(Files.readString(root.resolve(MOODLE_PAGE), StandardCharsets.UTF_8));
    SortedMap<String, byte[]> assets = new TreeMap<>();
    Path assetDir = root.resolve("assets");
    try (Stream<Path> files = Files.walk(assetDir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                String name = ASSETS + assetDir.relativize(f).toString().replace('\\', '/');
                if (isPackageable(name)) {
                  try {
                    assets.put(name, Files.readAllBytes(f));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }
              });
    }
    return new UnitTemplate(page, moodlePage, assets);
  }

  /** Hidden files and editor leftovers never go into packages. */
  private static boolean isPackageable(String name) {
    for (String part : name.split("/")) {
      if (part.startsWith(".") || part.endsWith("~") || part.equalsIgnoreCase("Thumbs.db")) {
        return false;
      }
    }
    return true;
  }

  private static int lineOf(MustacheException e) {
    if (e instanceof MustacheException.Context c) {
      return Math.max(0, c.lineNo);
    }
    return 0;
  }
}
