package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.PeerTubeVideo;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks video addresses from the front matter. Embed addresses must be {@code https} (browsers
 * block {@code http} frames inside an {@code https} Moodle); PeerTube addresses are recognised by
 * their path, and watch pages ({@code /w/…}, {@code /videos/watch/…}) are turned into embed ones.
 */
final class VideoSource {

  private static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  private static final String SHORT_UUID = "[1-9A-HJ-NP-Za-km-z]{20,24}";
  private static final Pattern PEERTUBE_PATH =
      Pattern.compile("^/(videos/embed|videos/watch|w)/(" + UUID + "|" + SHORT_UUID + ")/?$");

  /** An embed address and, when it is one, the PeerTube video it shows. */
  record Embed(URI uri, Optional<PeerTubeVideo> peerTube) {}

  private VideoSource() {}

  static Optional<Embed> embed(String value, Path file, int line, DiagnosticSink sink) {
    Optional<URI> parsed = parse(value, "videoEmbedSrc", file, line, sink);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    URI uri = parsed.get();
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      uri = URI.create("https" + uri.toString().substring(4));
      sink.report(Diagnostic.warning(file, line, Message.of("video.embed.http")));
    } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
      sink.report(Diagnostic.error(file, line, Message.of("video.embed.notHttps", value)));
      return Optional.empty();
    }
    Matcher m = PEERTUBE_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (!m.matches()) {
      return Optional.of(new Embed(uri, Optional.empty()));
    }
    PeerTubeVideo video = new PeerTubeVideo(uri.getHost().toLowerCase(Locale.ROOT), m.group(2));
    if (!m.group(1).equals("videos/embed")) {
      URI embed = URI.create("https://" + uri.getRawAuthority() + "/videos/embed/" + m.group(2));
      sink.report(Diagnostic.info(file, line, Message.of("video.embed.peertubeWatch", embed)));
      uri = embed;
    }
    return Optional.of(new Embed(uri, Optional.of(video)));
  }

  static Optional<URI> download(String value, Path file, int line, DiagnosticSink sink) {
    Optional<URI> parsed = parse(value, "videoDownloadHref", file, line, sink);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    URI uri = parsed.get();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      sink.report(Diagnostic.error(file, line, Message.of("video.download.notHttps", value)));
      return Optional.empty();
    }
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    if (path.endsWith(".m3u8")) {
      sink.report(Diagnostic.warning(file, line, Message.of("video.download.hls")));
    }
    return Optional.of(uri);
  }

  private static Optional<URI> parse(
      String value, String key, Path file, int line, DiagnosticSink sink) {
    try {
      URI uri = new URI(value.strip());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        sink.report(Diagnostic.error(file, line, Message.of("video.address.notHttps", key, value)));
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      sink.report(
          Diagnostic.error(
              file,
              line,
              Message.of("video.address.invalid", key, e.getReason(), (e.getIndex() + 1))));
      return Optional.empty();
    }
  }
}
