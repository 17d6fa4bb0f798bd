package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Licence;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Slugs;
import io.github.coursepack.model.Target;
import io.github.coursepack.model.Unit;
import io.github.coursepack.model.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a course folder into a {@link Course}.
 *
 * <p>A course is a folder holding resource files ({@code .md}, {@code .markdown}, {@code .txt})
 * and, optionally, a {@code course.yaml}:
 *
 * <pre>
 * title: Qui fait quoi dans le numérique éducatif ?
 * shortname: QFQ-NUM
 * summary: Un parcours pour …
 * language: fr          # default fr
 * licence: CC BY-SA 4.0
 * passMark: 80          # percentage, default 80
 * quizSize: 8           # questions asked per attempt, drawn from each unit's bank; default 8
 * formats: [scorm12]    # default: every format
 * template: mon-theme   # a folder of the course that restyles the units
 * order:                # resource files in course order; the others follow by name
 *   - 01-intro.md
 * target: magistere     # or moodle, scorm-only: which archive the build says to upload
 * startDate: 2026-09-01 # the course start in the Moodle backup (midnight, Paris time)
 * </pre>
 *
 * <p>Without it, the folder name gives the title and file names the order. Every problem is
 * reported to the sink; a resource that cannot be read is left out and the others are read.
 *
 * <p>Usage: {@code CourseSource source = CourseReader.read(Path.of("examples/cours"), sink);}
 */
public final class CourseReader {

  private static final java.util.regex.Pattern LIST_SEPARATORS =
      java.util.regex.Pattern.compile("[,\\s]+");

  /** Default pass mark, in percent, for unit quizzes. */
  public static final int DEFAULT_PASS_MARK = 80;

  static final Set<String> RESOURCE_EXTENSIONS = Set.of("md", "markdown", "txt");

  private static final KeySpellings COURSE_KEYS =
      new KeySpellings()
          .add("title", "fullname", "titre")
          .add("shortname", "short_name")
          .add("summary", "description", "resume")
          .add("language", "lang", "langue")
          .add("licence", "license")
          .add("passMark", "pass_mark", "pass-mark")
          .add("quizSize", "quiz_size", "quiz-size", "questions")
          .add("formats", "format")
          .add("template", "theme")
          .add("order", "ordre", "resources")
          .add("target", "cible", "platform", "plateforme")
          .add("startDate", "start_date", "start-date", "debut", "dateDebut");

  private CourseReader() {}

  /** Reads the course in {@code folder}; never throws for bad content. */
  public static CourseSource read(Path folder, DiagnosticSink sink) {
    Path dir = folder.toAbsolutePath().normalize();
    Map<String, YamlField> settings = readSettings(dir, sink);
    Path settingsFile = settingsFile(dir).orElse(dir.resolve("course.yaml"));

    String title =
        text(settings, "title")
            .orElseGet(
                () ->
                    ResourceReader.humanise(
                        dir.getFileName() == null ? "course" : dir.getFileName().toString()));
    String shortname = text(settings, "shortname").orElse("");
    String slug = Slugs.of(!shortname.isEmpty() ? shortname : title);
    if (slug.isEmpty()) {
      slug = "course";
    }
    if (shortname.isEmpty()) {
      shortname = slug;
    }
    String courseId = slug;
    String language = text(settings, "language").orElse("fr");
    if (!language.toLowerCase(Locale.ROOT).startsWith("fr")) {
      sink.report(
          Diagnostic.info(
              settingsFile,
              line(settings, "language"),
              Message.of("course.language.notFrench", language)));
    }
    Optional<Licence> licence = text(settings, "licence").map(Licences::of);
    int passMark = passMark(settings, settingsFile, sink);
    int quizSize = quizSize(settings, settingsFile, sink);
    List<String> formats = list(settings, "formats");
    Optional<Path> template = text(settings, "template").map(t -> dir.resolve(t).normalize());
    if (template.isPresent() && !Files.isDirectory(template.get())) {
      sink.report(
          Diagnostic.error(
              settingsFile,
              line(settings, "template"),
              Message.of("course.template.missing", template.get())));
      template = Optional.empty();
    }

    List<Path> files = orderedResources(dir, settings, settingsFile, sink);
    List<ResourceDraft> drafts = new ArrayList<>();
    for (Path file : files) {
      ResourceReader.read(file, dir, sink).ifPresent(drafts::add);
    }
    if (files.isEmpty()) {
      sink.report(Diagnostic.error(dir, 0, Message.of("course.noResources")));
    }

    IdentityFile ids = IdentityFile.read(dir, sink);
    List<String> slugs = slugs(dir, drafts, ids, sink);
    List<Unit> units = new ArrayList<>();
    Map<String, Path> sources = new HashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      ResourceDraft draft = drafts.get(i);
      String id = courseId + "-" + slugs.get(i);
      units.add(toUnit(id, slugs.get(i), draft));
      sources.put(id, draft.file());
    }
    Course course =
        new Course(
            courseId,
            slug,
            title,
            shortname,
            text(settings, "summary").orElse(""),
            language,
            licence,
            passMark,
            quizSize,
            formats,
            units,
            target(settings, settingsFile, sink),
            startDate(settings, settingsFile, sink));
    return new CourseSource(course, dir, template, sources, files, ids);
  }

  private static Unit toUnit(String id, String slug, ResourceDraft d) {
    Optional<LocalMedia> local =
        d.localVideo()
            .map(
                p -> {
                  String name = p.getFileName().toString();
                  String ext = ResourceReader.extension(name);
                  String base = Slugs.of(ResourceReader.stem(p));
                  return new LocalMedia(
                      slug + "-" + (base.isEmpty() ? "video" : base) + "." + ext,
                      p,
                      ext.equals("webm")
                          ? "video/webm"
                          : ext.equals("ogv") ? "video/ogg" : "video/mp4");
                });
    Optional<Video> video = Optional.empty();
    if (d.embed().isPresent() || d.download().isPresent() || local.isPresent()) {
      video =
          Optional.of(
              new Video(
                  d.embed().map(VideoSource.Embed::uri),
                  d.embed().flatMap(VideoSource.Embed::peerTube),
                  d.download(),
                  local,
                  d.videoDuration()));
    }
    return new Unit(
        id,
        slug,
        d.file().getFileName().toString(),
        d.title(),
        d.description(),
        d.area(),
        video,
        d.transcript(),
        d.article(),
        d.credits(),
        d.metadata(),
        Quiz.NONE);
  }

  /**
   * Each resource's slug, in order: its front matter's {@code slug:}, else its entry in the
   * identity file, else the slug of its title (or of its file name). Fixed slugs are taken first,
   * so that a new resource whose title gives the same slug never takes it from the unit that has
   * it. Every slug is recorded in the identity file (for resources that have no entry yet).
   */
  private static List<String> slugs(
      Path dir, List<ResourceDraft> drafts, IdentityFile ids, DiagnosticSink sink) {
    Map<String, Path> owners = new HashMap<>();
    String[] slugs = new String[drafts.size()];
    for (int i = 0; i < drafts.size(); i++) {
      ResourceDraft draft = drafts.get(i);
      String name = nameIn(dir, draft.file());
      Optional<String> given = draft.slug().map(Slugs::of).filter(s -> !s.isEmpty());
      if (given.isPresent()) {
        slugs[i] = uniqueSlug(draft, given.get(), owners, sink);
        if (ids.slugOf(name).filter(kept -> !kept.equals(given.get())).isPresent()) {
          sink.report(
              Diagnostic.info(
                  ids.file(),
                  ids.lineOf(name),
                  "the front matter of "
                      + name
                      + " sets its slug to '"
                      + given.get()
                      + "', which wins over '"
                      + ids.slugOf(name).get()
                      + "' here; write it on this line too, so that the unit keeps it if the"
                      + " front matter loses it"));
        }
      } else if (ids.slugOf(name).isPresent()) {
        String kept = ids.slugOf(name).get();
        slugs[i] = uniqueSlug(draft, kept, owners, d -> {});
        if (!slugs[i].equals(kept)) {
          sink.report(
              Diagnostic.warning(
                  ids.file(),
                  ids.lineOf(name),
                  "slug '"
                      + kept
                      + "' is also the slug of "
                      + owners.get(kept).getFileName()
                      + ", and two units cannot share one: "
                      + name
                      + " is named '"
                      + slugs[i]
                      + "' this time. Give it a slug of its own on this line"));
        }
      }
    }
    for (int i = 0; i < drafts.size(); i++) {
      if (slugs[i] == null) {
        slugs[i] = uniqueSlug(drafts.get(i), derivedSlug(drafts.get(i)), owners, sink);
      }
      ids.record(nameIn(dir, drafts.get(i).file()), slugs[i]);
    }
    return List.of(slugs);
  }

  /** A resource's name in the identity file: its path in the course folder, with '/'. */
  static String nameIn(Path dir, Path file) {
    return dir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static String derivedSlug(ResourceDraft draft) {
    String base = Slugs.of(draft.title());
    if (base.isEmpty()) {
      base = Slugs.of(ResourceReader.stem(draft.file()));
    }
    return base.isEmpty() ? "unit" : base;
  }

  /** {@code base}, or {@code base-2}, {@code base-3}… when it is taken, with a warning. */
  private static String uniqueSlug(
      ResourceDraft draft, String base, Map<String, Path> owners, DiagnosticSink sink) {
    String slug = base;
    for (int n = 2; owners.containsKey(slug); n++) {
      slug = base + "-" + n;
    }
    if (!slug.equals(base)) {
      sink.report(
          Diagnostic.warning(
              draft.file(),
              1,
              Message.of("course.slug.taken", base, owners.get(base).getFileName(), slug)));
    }
    owners.put(slug, draft.file());
    return slug;
  }

  // ---- course.yaml ------------------------------------------------------------------------------

  private static Optional<Path> settingsFile(Path dir) {
    for (String name : List.of("course.yaml", "course.yml")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Map<String, YamlField> readSettings(Path dir, DiagnosticSink sink) {
    Optional<Path> file = settingsFile(dir);
    if (file.isEmpty()) {
      return Map.of();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.get());
    } catch (IOException e) {
      sink.report(Diagnostic.error(file.get(), 0, Message.of("course.cannotRead", e.getMessage())));
      return Map.of();
    }
    Optional<String> text = TextDecoding.decode(file.get(), bytes, sink);
    if (text.isEmpty()) {
      return Map.of();
    }
    Map<String, YamlField> raw = YamlFields.parse(file.get(), text.get(), 1, sink).orElse(Map.of());
    Map<String, YamlField> known = new LinkedHashMap<>();
    for (YamlField field : raw.values()) {
      String canonical = COURSE_KEYS.canonical(field.key()).orElse(null);
      if (canonical == null) {
        sink.report(
            Diagnostic.warning(
                file.get(),
                field.line(),
                Message.of("course.unknownKey", field.key(), COURSE_KEYS.hint(field.key()))));
      } else if (!field.isEmpty()) {
        known.put(canonical, field);
      }
    }
    return known;
  }

  private static Optional<String> text(Map<String, YamlField> settings, String key) {
    YamlField f = settings.get(key);
    if (f == null) {
      return Optional.empty();
    }
    if (!f.items().isEmpty()) {
      return Optional.of(String.join(", ", f.items()));
    }
    return Optional.ofNullable(f.trimmed());
  }

  private static List<String> list(Map<String, YamlField> settings, String key) {
    YamlField f = settings.get(key);
    if (f == null) {
      return List.of();
    }
    if (!f.items().isEmpty()) {
      return f.items().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
    return Stream.of(LIST_SEPARATORS.split(f.trimmed())).filter(s -> !s.isEmpty()).toList();
  }

  private static int line(Map<String, YamlField> settings, String key) {
    YamlField f = settings.get(key);
    return f == null ? 0 : f.line();
  }

  private static Target target(Map<String, YamlField> settings, Path file, DiagnosticSink sink) {
    Optional<String> value = text(settings, "target");
    if (value.isEmpty()) {
      return Target.MAGISTERE;
    }
    Optional<Target> target = Target.of(value.get());
    if (target.isEmpty()) {
      // A warning, not an error: the target only changes what the build advises to upload, and an
      // error would keep this build's course archives from being written.
      sink.report(
          Diagnostic.warning(
              file,
              line(settings, "target"),
              Message.of(
                  "course.target.unknown", Target.ids(), value.get(), Target.MAGISTERE.id())));
      return Target.MAGISTERE;
    }
    return target.get();
  }

  /** Years a course may start in: Moodle stores seconds since 1970 and its forms end at 2050. */
  private static final int FIRST_YEAR = 1971;

  private static final int LAST_YEAR = 2050;

  private static Optional<LocalDate> startDate(
      Map<String, YamlField> settings, Path file, DiagnosticSink sink) {
    Optional<String> value = text(settings, "startDate");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().strip();
    Message problem;
    try {
      LocalDate date = LocalDate.parse(v);
      if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
        return Optional.of(date);
      }
      problem = Message.of("course.startDate.yearRange", FIRST_YEAR, LAST_YEAR);
    } catch (DateTimeParseException notIso) {
      problem = Message.of("course.startDate.format");
    }
    sink.report(
        Diagnostic.error(
            file, line(settings, "startDate"), Message.of("course.startDate.invalid", problem, v)));
    return Optional.empty();
  }

  /** Questions asked per attempt, from a unit's bank. */
  public static final int DEFAULT_QUIZ_SIZE = 8;

  private static int quizSize(Map<String, YamlField> settings, Path file, DiagnosticSink sink) {
    return wholeNumber(
        settings,
        file,
        sink,
        "quizSize",
        "",
        1,
        50,
        Message.of("course.number.questions"),
        DEFAULT_QUIZ_SIZE);
  }

  private static int passMark(Map<String, YamlField> settings, Path file, DiagnosticSink sink) {
    return wholeNumber(
        settings,
        file,
        sink,
        "passMark",
        "%",
        0,
        100,
        Message.of("course.number.percentage"),
        DEFAULT_PASS_MARK);
  }

  /**
   * A whole number setting in [min, max]; an error naming the setting and the fallback otherwise.
   *
   * @param unit a sign the value may carry after it (« 80 % »), or ""
   * @param what what the number counts, for the message
   */
  private static int wholeNumber(
      Map<String, YamlField> settings,
      Path file,
      DiagnosticSink sink,
      String key,
      String unit,
      int min,
      int max,
      Message what,
      int fallback) {
    Optional<String> value = text(settings, key);
    if (value.isEmpty()) {
      return fallback;
    }
    String v = (unit.isEmpty() ? value.get() : value.get().replace(unit, "")).strip();
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    sink.report(
        Diagnostic.error(
            file,
            line(settings, key),
            Message.of("course.number.invalid", key, what, min, max, value.get(), fallback)));
    return fallback;
  }

  // ---- resources ------------------------------------------------------------------------------

  /**
   * The resource files: those named in {@code order} first, in that order, then the rest by name.
   */
  private static List<Path> orderedResources(
      Path dir, Map<String, YamlField> settings, Path settingsFile, DiagnosticSink sink) {
    List<Path> all;
    try (Stream<Path> listing = Files.list(dir)) {
      all =
          listing
              .filter(CourseReader::isResource)
              .sorted(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE))
              .toList();
    } catch (IOException e) {
      sink.report(Diagnostic.error(dir, 0, Message.of("course.cannotList", e.getMessage())));
      return List.of();
    }
    YamlField order = settings.get("order");
    if (order == null) {
      return all;
    }
    List<Path> ordered = new ArrayList<>();
    List<String> wanted =
        order.items().isEmpty() && order.trimmed() != null
            ? List.of(order.trimmed())
            : order.items();
    for (int i = 0; i < wanted.size(); i++) {
      String name = wanted.get(i);
      Optional<Path> match = all.stream().filter(p -> matches(p, name.strip())).findFirst();
      if (match.isEmpty()) {
        sink.report(
            Diagnostic.warning(
                settingsFile, order.itemLine(i), Message.of("course.order.missing", name)));
      } else if (!ordered.contains(match.get())) {
        ordered.add(match.get());
      }
    }
    List<String> unlisted = new ArrayList<>();
    for (Path p : all) {
      if (!ordered.contains(p)) {
        unlisted.add(p.getFileName().toString());
        ordered.add(p);
      }
    }
    if (!unlisted.isEmpty()) {
      sink.report(
          Diagnostic.info(
              settingsFile,
              order.line(),
              Message.of("course.order.unlisted", unlisted.size(), String.join(", ", unlisted))));
    }
    return ordered;
  }

  private static boolean matches(Path file, String name) {
    String fileName = file.getFileName().toString();
    return fileName.equals(name) || ResourceReader.stem(file).equals(name);
  }

  static boolean isResource(Path p) {
    String name = p.getFileName().toString();
    if (name.startsWith(".") || name.endsWith("~") || !Files.isRegularFile(p)) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("readme.")
        || lower.startsWith("licence.")
        || lower.startsWith("license.")) {
      return false;
    }
    return RESOURCE_EXTENSIONS.contains(ResourceReader.extension(name));
  }
}
