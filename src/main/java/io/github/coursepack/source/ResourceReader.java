package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.TextBlock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one resource file: decoding, front matter, body. Returns nothing when the file cannot
 * become a unit, after saying why.
 */
final class ResourceReader {

  private static final java.util.regex.Pattern SECONDS =
      java.util.regex.Pattern.compile("\\d+\\s*(s|sec|secondes?)?\\.?");
  private static final java.util.regex.Pattern ENDS_IN_SECONDS =
      java.util.regex.Pattern.compile(".*\\d\\s*(s|sec|secondes?)\\.?$");
  private static final java.util.regex.Pattern NUMBER_PREFIX =
      java.util.regex.Pattern.compile("^\\d+[-_. ]+");
  private static final java.util.regex.Pattern DASHES = java.util.regex.Pattern.compile("[-_]+");

  /** Front-matter keys, by canonical name, with the other spellings accepted for each. */
  private static final KeySpellings KEYS =
      new KeySpellings()
          .add("title", "titre")
          .add("description")
          .add("area", "domaine")
          .add("videoEmbedSrc")
          .add("videoDownloadHref", "videodlhref")
          .add("videoFile")
          .add("videoDuration", "duree", "durée")
          .add("slug");

  private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "webm", "ogv");

  /** Far beyond any real resource; a bigger "text" file is a mistake. */
  static final long MAX_RESOURCE_BYTES = 16L * 1024 * 1024;

  private static final int DESCRIPTION_MAX = 300;

  private ResourceReader() {}

  /**
   * Reads {@code file}; its diagnostics reach {@code sink} together, in line order, once the file
   * has been read.
   */
  static Optional<ResourceDraft> read(Path file, Path courseDir, DiagnosticSink sink) {
    DiagnosticSink.Collecting found = DiagnosticSink.collecting();
    Optional<ResourceDraft> draft;
    try {
      draft = readFile(file, courseDir, found);
    } catch (RuntimeException | StackOverflowError bug) {
      // A bug met in one file stays with that file: the other resources are still read. (A stack
      // overflow has unwound by now, so going on is safe.)
      found.report(Diagnostic.internalError(file, Message.of("doing.readingResource"), bug));
      draft = Optional.empty();
    }
    found.list().stream()
        .sorted(java.util.Comparator.comparingInt(Diagnostic::line))
        .forEach(sink::report);
    return draft;
  }

  private static Optional<ResourceDraft> readFile(
      Path file, Path courseDir, DiagnosticSink.Collecting sink) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_RESOURCE_BYTES) {
        sink.report(Diagnostic.error(file, 0, Message.of("resource.tooBig", size / (1024 * 1024))));
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      sink.report(Diagnostic.error(file, 0, Message.of("resource.cannotRead", e.getMessage())));
      return Optional.empty();
    }
    Optional<String> decoded = TextDecoding.decode(file, bytes, sink);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    String text = decoded.get();
    if (text.isBlank()) {
      sink.report(Diagnostic.warning(file, 0, Message.of("resource.empty")));
      return Optional.empty();
    }
    Optional<FrontMatter> frontMatter = FrontMatter.read(file, text, sink);
    if (frontMatter.isEmpty()) {
      return Optional.empty();
    }
    return new ResourceReader().build(file, courseDir, frontMatter.get(), sink);
  }

  private Optional<ResourceDraft> build(
      Path file, Path courseDir, FrontMatter fm, DiagnosticSink.Collecting local) {
    Map<String, YamlField> known = new LinkedHashMap<>();
    Map<String, String> metadata = new TreeMap<>();
    for (YamlField field : fm.fields().values()) {
      String canonical = KEYS.canonical(field.key()).orElse(null);
      if (canonical == null) {
        local.report(
            Diagnostic.warning(
                file,
                field.line(),
                Message.of("resource.unknownKey", field.key(), KEYS.hint(field.key()))));
        metadata.put(
            field.key(),
            field.items().isEmpty() ? nullToEmpty(field.text()) : String.join(", ", field.items()));
        continue;
      }
      YamlField earlier = known.get(canonical);
      if (earlier != null
          && !earlier.isEmpty()
          && !field.isEmpty()
          && !earlier.trimmed().equals(field.trimmed())) {
        local.report(
            Diagnostic.warning(
                file,
                field.line(),
                Message.of("resource.repeatedKey", field.key(), earlier.key(), earlier.line())));
      }
      if (earlier == null || !field.isEmpty()) {
        known.put(canonical, field);
      }
    }

    Optional<VideoSource.Embed> embed =
        value(known, "videoEmbedSrc")
            .flatMap(f -> VideoSource.embed(f.trimmed(), file, f.line(), local));
    Optional<URI> download =
        value(known, "videoDownloadHref")
            .flatMap(f -> VideoSource.download(f.trimmed(), file, f.line(), local));
    Optional<Path> localVideo =
        value(known, "videoFile").flatMap(f -> localVideo(f, file, courseDir, local));
    boolean hasVideo = embed.isPresent() || download.isPresent() || localVideo.isPresent();
    Optional<java.time.Duration> duration =
        value(known, "videoDuration").flatMap(f -> duration(f, file, local));

    Optional<String> fmTitle = value(known, "title").map(YamlField::trimmed);
    MarkdownBody.Parts body =
        MarkdownBody.read(file, fm.body(), fm.bodyFirstLine(), fmTitle.isEmpty(), hasVideo, local);

    String title = fmTitle.or(body::title).orElse(null);
    if (title == null) {
      title = humanise(stem(file));
      local.report(Diagnostic.warning(file, 1, Message.of("resource.noTitle", title)));
    }
    String description =
        value(known, "description")
            .map(YamlField::trimmed)
            .or(body::description)
            .orElseGet(() -> firstParagraph(body.article().blocks()));
    String area = value(known, "area").map(YamlField::trimmed).orElse("");

    if (local.hasErrors()) {
      return Optional.empty();
    }
    if (!hasVideo && body.transcript().isEmpty() && body.article().isEmpty()) {
      local.report(Diagnostic.warning(file, 0, Message.of("resource.nothingToShow")));
      return Optional.empty();
    }
    if (hasVideo && body.transcript().isEmpty()) {
      local.report(
          Diagnostic.warning(file, fm.bodyFirstLine(), Message.of("resource.noTranscript")));
    }
    return Optional.of(
        new ResourceDraft(
            file,
            title,
            description,
            area,
            embed,
            download,
            localVideo,
            duration,
            body.transcript(),
            body.article(),
            body.credits(),
            metadata,
            value(known, "slug").map(YamlField::trimmed)));
  }

  private static final java.util.regex.Pattern CLOCK =
      java.util.regex.Pattern.compile("^(?:(\\d+):)?(\\d{1,2}):(\\d{2})$");

  /** « 4 min 30 », « 4 min 30 s », « 4mn », « 1 h 02 », « 1 h 2 min 5 s », « 45 s ». */
  private static final java.util.regex.Pattern WORDS =
      java.util.regex.Pattern.compile(
          "^(?:(\\d+)\\s*h\\s*)?(?:(\\d+)\\s*(?:min|mn|m)\\.?\\s*)?(?:(\\d+)\\s*(?:s|sec|secondes?)?\\.?)?$");

  /**
   * {@code 4:32}, {@code 1:02:05}, a number of seconds or the French way of writing it ({@code 4
   * min 30}, {@code 1 h 02}); anything else is a warning naming the line.
   */
  static Optional<java.time.Duration> duration(YamlField f, Path file, DiagnosticSink sink) {
    String v = f.trimmed().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher m = CLOCK.matcher(v);
    if (m.matches()) {
      long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      long min = Long.parseLong(m.group(2));
      long sec = Long.parseLong(m.group(3));
      if (sec < 60 && (m.group(1) == null || min < 60)) {
        return Optional.of(java.time.Duration.ofSeconds(h * 3600 + min * 60 + sec));
      }
    }
    java.util.regex.Matcher w = WORDS.matcher(v);
    if (!v.isBlank()
        && w.matches()
        && (w.group(1) != null || w.group(2) != null || SECONDS.matcher(v).matches())) {
      long h = w.group(1) == null ? 0 : Long.parseLong(w.group(1));
      long min = w.group(2) == null ? 0 : Long.parseLong(w.group(2));
      long last = w.group(3) == null ? 0 : Long.parseLong(w.group(3));
      // After hours alone, the last number is minutes (« 1 h 02 »); otherwise seconds.
      boolean lastIsMinutes =
          w.group(1) != null && w.group(2) == null && !ENDS_IN_SECONDS.matcher(v).matches();
      long seconds = h * 3600 + (lastIsMinutes ? last * 60 : min * 60 + last);
      if (seconds > 0) {
        return Optional.of(java.time.Duration.ofSeconds(seconds));
      }
    }
    sink.report(
        Diagnostic.warning(file, f.line(), Message.of("resource.badDuration", f.trimmed())));
    return Optional.empty();
  }

  private static Optional<YamlField> value(Map<String, YamlField> known, String key) {
    YamlField field = known.get(key);
    return field == null || field.isEmpty() ? Optional.empty() : Optional.of(field);
  }

  private static Optional<Path> localVideo(
      YamlField field, Path file, Path courseDir, DiagnosticSink sink) {
    String value = field.trimmed();
    Path base = courseDir.toAbsolutePath().normalize();
    Path resolved;
    try {
      resolved = base.resolve(value).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      sink.report(
          Diagnostic.error(file, field.line(), Message.of("resource.videoFile.notPath", value)));
      return Optional.empty();
    }
    if (!resolved.startsWith(base)) {
      sink.report(
          Diagnostic.error(file, field.line(), Message.of("resource.videoFile.outside", value)));
      return Optional.empty();
    }
    if (!Files.isRegularFile(resolved)) {
      sink.report(
          Diagnostic.error(
              file, field.line(), Message.of("resource.videoFile.missing", value, resolved)));
      return Optional.empty();
    }
    String ext = extension(resolved.getFileName().toString());
    if (!VIDEO_EXTENSIONS.contains(ext)) {
      sink.report(
          Diagnostic.error(
              file, field.line(), Message.of("resource.videoFile.notWebVideo", value)));
      return Optional.empty();
    }
    return Optional.of(resolved);
  }

  private static String firstParagraph(List<TextBlock> blocks) {
    for (TextBlock block : blocks) {
      if (block.kind() == TextBlock.Kind.PARAGRAPH) {
        StringBuilder out = new StringBuilder();
        for (var s : block.sentences()) {
          if (out.length() > 0 && out.length() + s.text().length() > DESCRIPTION_MAX) {
            break;
          }
          if (out.length() > 0) {
            out.append(' ');
          }
          out.append(s.text());
        }
        return out.toString();
      }
    }
    return "";
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** {@code 01-les-acteurs_du-numerique} becomes {@code Les acteurs du numerique}. */
  static String humanise(String name) {
    String words =
        DASHES.matcher(NUMBER_PREFIX.matcher(name).replaceFirst("")).replaceAll(" ").strip();
    if (words.isEmpty()) {
      words = name;
    }
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
