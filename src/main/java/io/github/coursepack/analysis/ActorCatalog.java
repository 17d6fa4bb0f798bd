package io.github.coursepack.analysis;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.Digests;
import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The actors the analysis knows. The default catalogue ships in the jar ({@code actors.yaml} of
 * this package); a course extends or overrides it with an {@code actors.yaml} in its folder: an
 * entry with a known id replaces the fields it gives, a new id adds an actor, {@code disabled:
 * true} removes one. Code never hard-codes an actor's name.
 *
 * <p>Usage: {@code ActorCatalog c = ActorCatalog.load(Optional.of(dir.resolve("actors.yaml")),
 * sink);}
 */
public final class ActorCatalog {

  /** The file name a course uses to extend the catalogue. */
  public static final String COURSE_FILE = "actors.yaml";

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "label",
          "gender",
          "plural",
          "elision",
          "article",
          "level",
          "kind",
          "group",
          "acronyms",
          "expansions",
          "aliases",
          "subjectAliases",
          "disabled",
          "generic");

  private static volatile ActorCatalog defaults;

  private final List<Actor> actors;
  private final Map<String, Actor> byId;
  private final String fingerprint;

  private ActorCatalog(List<Actor> actors, String source) {
    this.actors = List.copyOf(actors);
    Map<String, Actor> map = new LinkedHashMap<>();
    actors.forEach(a -> map.put(a.id(), a));
    this.byId = Map.copyOf(map);
    this.fingerprint = Digests.sha256Hex(source);
  }

  /** The catalogue that ships with coursepack. */
  public static ActorCatalog defaults() {
    ActorCatalog c = defaults;
    if (c == null) {
      synchronized (ActorCatalog.class) {
        c = defaults;
        if (c == null) {
          String yaml = bundled();
          DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
          Map<String, Map<String, Entry>> entries = parse(Path.of("actors.yaml"), yaml, sink);
          if (sink.hasErrors()) {
            throw new IllegalStateException(
                "the bundled actor catalogue is broken: " + sink.list());
          }
          c = new ActorCatalog(build(entries, Map.of(), Path.of("actors.yaml"), sink), yaml);
          defaults = c;
        }
      }
    }
    return c;
  }

  /** The default catalogue, extended by a course's file when it exists. */
  public static ActorCatalog load(Optional<Path> courseFile, DiagnosticSink sink) {
    ActorCatalog base = defaults();
    if (courseFile.isEmpty() || !Files.isRegularFile(courseFile.get())) {
      return base;
    }
    Path file = courseFile.get();
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      sink.report(Diagnostic.error(file, 0, Message.of("actors.cannotRead", e.getMessage())));
      return base;
    }
    String bundled = bundled();
    DiagnosticSink.Collecting quiet = DiagnosticSink.collecting();
    Map<String, Map<String, Entry>> defaultsEntries = parse(Path.of("actors.yaml"), bundled, quiet);
    Map<String, Map<String, Entry>> overlay = parse(file, yaml, sink);
    return new ActorCatalog(build(defaultsEntries, overlay, file, sink), bundled + "\n" + yaml);
  }

  public List<Actor> actors() {
    return actors;
  }

  /** Actors that take part in "who does what" questions (services are left out). */
  public List<Actor> people() {
    return actors.stream().filter(a -> !a.service()).toList();
  }

  public Optional<Actor> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** A hash of the catalogue's text, so that cached analyses are redone when it changes. */
  public String fingerprint() {
    return fingerprint;
  }

  // ---- reading -------------------------------------------------------------------------------

  /** One field of an entry, with its line for messages. */
  private record Entry(String key, String text, List<String> items, int line) {}

  private static String bundled() {
    try (InputStream in = ActorCatalog.class.getResourceAsStream("actors.yaml")) {
      if (in == null) {
        throw new IllegalStateException("actors.yaml is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Entries by id, fields by name, in file order. */
  private static Map<String, Map<String, Entry>> parse(
      Path file, String yaml, DiagnosticSink sink) {
    Map<String, Map<String, Entry>> out = new LinkedHashMap<>();
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(2_000_000);
    Node root;
    try (Reader reader = new StringReader(yaml)) {
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      sink.report(Diagnostic.error(file, line, Message.of("actors.invalidYaml", e.getProblem())));
      return out;
    } catch (IOException | RuntimeException e) {
      sink.report(Diagnostic.error(file, 0, Message.of("actors.invalidYaml", e.getMessage())));
      return out;
    }
    Node list = root;
    if (root instanceof MappingNode m) {
      list = null;
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("actors")) {
          list = t.getValueNode();
        }
      }
    }
    if (!(list instanceof SequenceNode sequence)) {
      sink.report(
          Diagnostic.error(file, root == null ? 0 : line(root), Message.of("actors.expectedList")));
      return out;
    }
    for (Node item : sequence.getValue()) {
      if (!(item instanceof MappingNode entry)) {
        sink.report(Diagnostic.error(file, line(item), Message.of("actors.entryNotMapping")));
        continue;
      }
      Map<String, Entry> fields = new LinkedHashMap<>();
      for (NodeTuple t : entry.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          continue;
        }
        String key = k.getValue();
        if (!FIELDS.contains(key)) {
          sink.report(
              Diagnostic.warning(
                  file,
                  line(k),
                  Message.of(
                      "actors.unknownField",
                      key,
                      String.join(", ", new java.util.TreeSet<>(FIELDS)))));
          continue;
        }
        Node v = t.getValueNode();
        if (v instanceof ScalarNode s) {
          fields.put(key, new Entry(key, s.getValue(), List.of(), line(k)));
        } else if (v instanceof SequenceNode s) {
          List<String> items = new ArrayList<>();
          for (Node n : s.getValue()) {
            if (n instanceof ScalarNode sn && !sn.getValue().isBlank()) {
              items.add(sn.getValue().strip());
            }
          }
          fields.put(key, new Entry(key, null, items, line(k)));
        }
      }
      Entry id = fields.get("id");
      if (id == null || id.text() == null || !id.text().matches("[a-z0-9][a-z0-9-]*")) {
        sink.report(Diagnostic.error(file, line(entry), Message.of("actors.needsId")));
        continue;
      }
      if (out.containsKey(id.text())) {
        sink.report(Diagnostic.warning(file, id.line(), Message.of("actors.twice", id.text())));
      }
      out.put(id.text(), fields);
    }
    return out;
  }

  private static List<Actor> build(
      Map<String, Map<String, Entry>> base,
      Map<String, Map<String, Entry>> overlay,
      Path overlayFile,
      DiagnosticSink sink) {
    Map<String, Map<String, Entry>> merged = new LinkedHashMap<>();
    base.forEach((id, fields) -> merged.put(id, new LinkedHashMap<>(fields)));
    overlay.forEach(
        (id, fields) -> merged.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(fields));
    List<Actor> actors = new ArrayList<>();
    for (Map.Entry<String, Map<String, Entry>> e : merged.entrySet()) {
      Map<String, Entry> f = e.getValue();
      if ("true".equalsIgnoreCase(text(f, "disabled", "false"))) {
        continue;
      }
      Path file = overlay.containsKey(e.getKey()) ? overlayFile : Path.of("actors.yaml");
      Optional<Actor> actor = toActor(e.getKey(), f, file, sink);
      actor.ifPresent(actors::add);
    }
    return actors;
  }

  private static Optional<Actor> toActor(
      String id, Map<String, Entry> f, Path file, DiagnosticSink sink) {
    String label = text(f, "label", null);
    int line = f.get("id").line();
    if (label == null || label.isBlank()) {
      sink.report(Diagnostic.error(file, line, Message.of("actors.noLabel", id)));
      return Optional.empty();
    }
    String gender = text(f, "gender", "m").toLowerCase(Locale.ROOT);
    if (!gender.equals("m") && !gender.equals("f")) {
      sink.report(
          Diagnostic.error(file, f.get("gender").line(), Message.of("actors.gender", id, gender)));
      return Optional.empty();
    }
    Optional<Level> level = Level.of(text(f, "level", ""));
    if (level.isEmpty()) {
      sink.report(
          Diagnostic.error(
              file,
              f.containsKey("level") ? f.get("level").line() : line,
              Message.of("actors.level", id)));
      return Optional.empty();
    }
    boolean startsWithVowel =
        "aeiouyàâäéèêëîïôöûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜ".indexOf(label.charAt(0)) >= 0;
    boolean elides = Boolean.parseBoolean(text(f, "elision", String.valueOf(startsWithVowel)));
    boolean article = !"none".equalsIgnoreCase(text(f, "article", ""));
    return Optional.of(
        new Actor(
            id,
            label.strip(),
            gender.equals("f"),
            text(f, "plural", label).strip(),
            elides,
            article,
            level.get(),
            "service".equalsIgnoreCase(text(f, "kind", "actor")),
            Boolean.parseBoolean(text(f, "generic", "false")),
            text(f, "group", ""),
            items(f, "acronyms"),
            items(f, "expansions"),
            items(f, "aliases"),
            items(f, "subjectAliases")));
  }

  private static String text(Map<String, Entry> f, String key, String fallback) {
    Entry e = f.get(key);
    return e == null || e.text() == null || e.text().isBlank() ? fallback : e.text().strip();
  }

  private static List<String> items(Map<String, Entry> f, String key) {
    Entry e = f.get(key);
    if (e == null) {
      return List.of();
    }
    return e.text() != null && !e.text().isBlank() ? List.of(e.text().strip()) : e.items();
  }

  private static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }
}
