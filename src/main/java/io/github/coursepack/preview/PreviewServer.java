package io.github.coursepack.preview;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.coursepack.io.EntryNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The preview's HTTP server, on 127.0.0.1 only: {@code /} lists the units of an output folder,
 * {@code /unit/<slug>/} plays one in a frame under the LMS stand-in ({@code lms-standin.js}), and
 * {@code /sco/<slug>/<file>} serves the files of its SCORM package straight from the zip: its SCORM
 * 1.2 package, or its 2004 one when the folder has no other. {@code /unit2004/<slug>/} and {@code
 * /sco2004/<slug>/<file>} play the unit's SCORM 2004 package, under the stand-in's 2004 API. {@link
 * #reload()} takes the packages again after a rebuild; pages opened with {@code --watch} then
 * reload themselves.
 *
 * <p>Usage: {@code PreviewServer s = PreviewServer.start(outDir, 0, false); … s.stop();}
 */
public final class PreviewServer implements AutoCloseable {

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("htm", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("m4v", "video/mp4"),
          Map.entry("webm", "video/webm"),
          Map.entry("ogv", "video/ogg"),
          Map.entry("vtt", "text/vtt"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"));

  private static final Template INDEX = template("index.html");
  private static final Template PLAYER = template("player.html");

  private final HttpServer server;
  private final Path outputDir;
  private final boolean watch;
  private final AtomicInteger version = new AtomicInteger(1);
  private volatile UnitPackages packages;
  private volatile String courseTitle;
  private volatile UnitPackages.Edition preferred = UnitPackages.Edition.SCORM12;

  private PreviewServer(HttpServer server, Path outputDir, boolean watch) throws IOException {
    this.server = server;
    this.outputDir = outputDir;
    this.watch = watch;
    load();
  }

  /**
   * Starts serving {@code outputDir} (the folder {@code build} wrote) on 127.0.0.1.
   *
   * @param port the port, or 0 for any free one
   * @param watch whether pages reload themselves after {@link #reload()}
   */
  public static PreviewServer start(Path outputDir, int port, boolean watch) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    PreviewServer s = new PreviewServer(http, outputDir, watch);
    http.createContext("/", s::handle);
    http.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "coursepack-preview");
              t.setDaemon(true);
              return t;
            }));
    http.start();
    return s;
  }

  /** The address to open, e.g. {@code http://127.0.0.1:8765/}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Takes the packages again after a build; pages opened with {@code --watch} reload. */
  public void reload() throws IOException {
    load();
    version.incrementAndGet();
  }

  /**
   * {@link #reload()}, serving only these units, in this order: those of the latest build, not the
   * packages an earlier build left in the folder (a renamed unit).
   */
  public void reload(List<String> slugs) throws IOException {
    packages = UnitPackages.read(outputDir).only(slugs);
    version.incrementAndGet();
  }

  /**
   * Serves only these units, in this order, from the packages already read: those of the latest
   * build, not the packages an earlier build left in the folder (a renamed unit).
   */
  public void only(List<String> slugs) {
    packages = packages.only(slugs);
  }

  /**
   * Plays units as SCORM 2004 at {@code /unit/<slug>/} rather than as 1.2, when they have a 2004
   * package: what a build of the 2004 packages alone asked for.
   */
  public void prefer2004() {
    preferred = UnitPackages.Edition.SCORM2004;
  }

  /** Whether a folder is what a build wrote (it has SCORM packages), not a course folder. */
  public static boolean isOutputFolder(Path dir) {
    return UnitPackages.isOutputFolder(dir);
  }

  /** How many units are served. */
  public int units() {
    return packages.all().size();
  }

  private void load() throws IOException {
    packages = UnitPackages.read(outputDir);
    String name = outputDir.getFileName() == null ? "" : outputDir.getFileName().toString();
    courseTitle = name;
  }

  /** Names the course in the index, when known (the build knows it; an output folder does not). */
  public void courseTitle(String title) {
    this.courseTitle = title;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
        send(x, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = x.getRequestURI().getRawPath();
      if (path.equals("/")) {
        send(x, 200, TYPES.get("html"), index());
      } else if (path.equals("/report.html")) {
        // The course report the build wrote beside the packages, when it did.
        Path report = outputDir.resolve("report.html");
        if (java.nio.file.Files.isRegularFile(report)) {
          x.getResponseHeaders().set("Cache-Control", "no-store");
          send(x, 200, TYPES.get("html"), java.nio.file.Files.readAllBytes(report));
        } else {
          notFound(x);
        }
      } else if (path.equals("/_preview/version")) {
        x.getResponseHeaders().set("Cache-Control", "no-store");
        send(x, 200, "text/plain", String.valueOf(version.get()).getBytes(StandardCharsets.UTF_8));
      } else if (path.startsWith("/_preview/")) {
        asset(x, path.substring("/_preview/".length()));
      } else if (path.startsWith("/unit/")) {
        player(x, path.substring("/unit/".length()), null);
      } else if (path.startsWith("/unit2004/")) {
        player(x, path.substring("/unit2004/".length()), UnitPackages.Edition.SCORM2004);
      } else if (path.startsWith("/sco/")) {
        sco(x, path.substring("/sco/".length()), null);
      } else if (path.startsWith("/sco2004/")) {
        sco(x, path.substring("/sco2004/".length()), UnitPackages.Edition.SCORM2004);
      } else {
        notFound(x);
      }
    } catch (IOException | UncheckedIOException e) {
      // The browser went away mid-response; nothing to tell it.
    }
  }

  private byte[] index() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("courseTitle", courseTitle);
    c.put("version", version.get());
    c.put("watch", watch);
    c.put("noUnits", packages.all().isEmpty());
    c.put("report", java.nio.file.Files.isRegularFile(outputDir.resolve("report.html")));
    c.put(
        "units",
        packages.all().stream()
            .map(
                u ->
                    Map.<String, Object>of(
                        "slug",
                        u.slug(),
                        "title",
                        u.title(),
                        "edition",
                        unit(u.slug(), null).orElse(u).edition().label,
                        // A unit played as 1.2 that also has a 2004 package: one more link.
                        "also2004",
                        unit(u.slug(), null).orElse(u).edition() == UnitPackages.Edition.SCORM12
                            && packages.get(u.slug(), UnitPackages.Edition.SCORM2004).isPresent()))
            .toList());
    return INDEX.execute(c).getBytes(StandardCharsets.UTF_8);
  }

  /** The unit's package of the edition asked, or its default one when none is asked. */
  private Optional<UnitPackages.UnitPackage> unit(String slug, UnitPackages.Edition edition) {
    if (edition != null) {
      return packages.get(slug, edition);
    }
    return preferred == UnitPackages.Edition.SCORM2004
        ? packages.get(slug, preferred).or(() -> packages.get(slug))
        : packages.get(slug);
  }

  private void player(HttpExchange x, String rest, UnitPackages.Edition edition)
      throws IOException {
    String slug = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    Optional<UnitPackages.UnitPackage> unit = unit(slug, edition);
    if (unit.isEmpty()) {
      notFound(x);
      return;
    }
    if (!rest.endsWith("/")) {
      x.getResponseHeaders()
          .set("Location", (edition == null ? "/unit/" : "/unit2004/") + slug + "/");
      send(x, 301, "text/plain", new byte[0]);
      return;
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("slug", unit.get().slug());
    c.put("title", unit.get().title());
    c.put("launch", unit.get().launch());
    c.put("edition", unit.get().edition().label);
    c.put("scoBase", edition == null ? "/sco/" : "/sco2004/");
    c.put("version", version.get());
    c.put("watch", watch);
    send(x, 200, TYPES.get("html"), PLAYER.execute(c).getBytes(StandardCharsets.UTF_8));
  }

  private void sco(HttpExchange x, String rest, UnitPackages.Edition edition) throws IOException {
    int slash = rest.indexOf('/');
    if (slash < 0) {
      notFound(x);
      return;
    }
    Optional<UnitPackages.UnitPackage> unit = unit(rest.substring(0, slash), edition);
    String entry = URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
    if (unit.isEmpty() || entry.isEmpty() || EntryNames.problem(entry) != null) {
      notFound(x);
      return;
    }
    try (ZipFile zip = ZipFile.builder().setPath(unit.get().zip()).get()) {
      ZipArchiveEntry e = zip.getEntry(entry);
      if (e == null || e.isDirectory()) {
        notFound(x);
        return;
      }
      x.getResponseHeaders().set("Content-Type", type(entry));
      x.getResponseHeaders().set("Cache-Control", "no-store");
      x.getResponseHeaders().set("Accept-Ranges", "bytes");
      long size = e.getSize();
      long[] range = range(x.getRequestHeaders().getFirst("Range"), size);
      boolean head = x.getRequestMethod().equals("HEAD");
      if (range == null) {
        x.getResponseHeaders().set("Content-Range", "bytes */" + size);
        x.sendResponseHeaders(416, -1);
        return;
      }
      long length = range[1] - range[0] + 1;
      boolean partial = range[0] > 0 || range[1] < size - 1;
      if (partial) {
        x.getResponseHeaders()
            .set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
      }
      x.sendResponseHeaders(partial ? 206 : 200, head || length == 0 ? -1 : length);
      if (!head && length > 0) {
        // Seeking in a video asks for ranges: skip to the start, then copy what was asked.
        try (InputStream in = zip.getInputStream(e);
            OutputStream out = x.getResponseBody()) {
          in.skipNBytes(range[0]);
          byte[] buffer = new byte[64 * 1024];
          long left = length;
          while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
              break;
            }
            out.write(buffer, 0, n);
            left -= n;
          }
        }
      }
    }
  }

  /**
   * The byte range a {@code Range: bytes=a-b} header asks for, as {first, last}; the whole file
   * when there is none (or one this server does not serve, such as several ranges); null when it
   * cannot be satisfied.
   */
  static long[] range(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return new long[] {0, size - 1};
    }
    String spec = header.substring(6).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new long[] {0, size - 1};
    }
    try {
      String a = spec.substring(0, dash).strip();
      String b = spec.substring(dash + 1).strip();
      long first;
      long last;
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(a);
        last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      }
      return first > last || first >= size ? null : new long[] {first, last};
    } catch (NumberFormatException e) {
      return new long[] {0, size - 1};
    }
  }

  private void asset(HttpExchange x, String name) throws IOException {
    if (!List.of("lms-standin.js", "preview.css", "watch.js").contains(name)) {
      notFound(x);
      return;
    }
    try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
      send(x, 200, type(name), in.readAllBytes());
    }
  }

  private static String type(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  private static void notFound(HttpExchange x) throws IOException {
    send(x, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    boolean head = x.getRequestMethod().equals("HEAD");
    x.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Template template(String name) {
    try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return Mustache.compiler()
          .defaultValue("")
          .compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
