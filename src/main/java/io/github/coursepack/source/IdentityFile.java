package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Slugs;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The course's identity file, {@code .coursepack/ids.yaml}: the slug of each resource, fixed on its
 * first build, so that editing a title renames nothing (not the archives, not the unit's id, not
 * its question ids, which the trainer's overrides name).
 *
 * <pre>
 * # (a header in French and English saying what the file is and that it is committed)
 * 01-le-cpd-numerique.md: le-conseiller-pedagogique-departemental-au-numerique
 * 02-la-dsi-et-le-dpd.md: la-dsi-et-le-delegue-a-la-protection-des-donnees
 * </pre>
 *
 * <p>A unit's slug is its front matter's {@code slug:} if it has one, else its entry here, else the
 * slug of its title. A build records the slug of every resource that has no entry yet ({@link
 * #save}); {@code check} and {@code quiz} read the file and never write it. The build only adds
 * lines at the end: it never changes or removes one, so nothing a trainer wrote is lost, and an
 * entry whose file is gone stays (a file moved away and back keeps its slug). A file that cannot be
 * read is an error at its line and is never written until it is fixed.
 */
public final class IdentityFile {

  /** Where the file is, in the course folder. */
  public static final String PATH = ".coursepack/ids.yaml";

  static final String HEADER =
      """
      # coursepack : identité des unités du cours. À committer avec le cours.
      # Chaque ligne « fichier: slug » fixe le nom d'une ressource : ses archives, l'id de son
      # unité et les ids de ses questions (ceux des fichiers .quiz.yaml) en dépendent. Changer
      # un titre ne change donc plus rien. coursepack build ajoute une ligne par nouvelle
      # ressource et ne modifie jamais les autres ; pour renommer une unité, changez son slug ici.
      #
      # coursepack: the identity of the course's units. Commit this file with the course.
      # Each 'file: slug' line fixes a resource's name: its archives, its unit id and its
      # question ids (those the .quiz.yaml files name) derive from it, so editing a title
      # renames nothing. coursepack build adds a line for each new resource and never changes
      # the others; to rename a unit on purpose, change its slug here.
      """;

  /**
   * A key or value written without quotes. The file is read as raw scalars (never as numbers or
   * dates), so only YAML's syntax matters: these characters cannot start anything else.
   */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** A slug as written, with its line. */
  private record Entry(String slug, int line) {}

  private final Path file;
  private final boolean exists;
  private final boolean broken;
  private final String text;
  private final Map<String, Entry> entries;
  private final Map<String, String> added = new LinkedHashMap<>();

  private IdentityFile(
      Path file, boolean exists, boolean broken, String text, Map<String, Entry> entries) {
    this.file = file;
    this.exists = exists;
    this.broken = broken;
    this.text = text;
    this.entries = entries;
  }

  /** No file, and none to write: a course built from a model in a test. */
  static IdentityFile none(Path courseDir) {
    return new IdentityFile(courseDir.resolve(PATH), false, true, "", Map.of());
  }

  /** The identity file of the course in {@code courseDir}; never throws for bad content. */
  static IdentityFile read(Path courseDir, DiagnosticSink out) {
    Path file = courseDir.resolve(PATH);
    if (!Files.exists(file)) {
      return new IdentityFile(file, false, false, "", Map.of());
    }
    boolean[] errors = {false};
    DiagnosticSink sink =
        d -> {
          errors[0] |= d.severity() == Severity.ERROR;
          out.report(d);
        };
    Map<String, Entry> entries = new LinkedHashMap<>();
    String text = "";
    try {
      Optional<String> decoded = TextDecoding.decode(file, Files.readAllBytes(file), sink);
      if (decoded.isEmpty()) {
        errors[0] = true;
      } else {
        text = decoded.get();
        parse(file, text, entries, sink);
      }
    } catch (IOException e) {
      sink.report(Diagnostic.error(file, 0, Message.of("identity.cannotRead", e.getMessage())));
    }
    return new IdentityFile(file, true, errors[0], text, entries);
  }

  private static void parse(
      Path file, String text, Map<String, Entry> entries, DiagnosticSink sink) {
    LoaderOptions options = YamlFields.loaderOptions();
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      YamlMessages.Said said = YamlMessages.of(e, text);
      Mark where = said.where();
      sink.report(
          new Diagnostic(
              file,
              where == null ? 1 : where.getLine() + 1,
              where == null ? 0 : where.getColumn() + 1,
              Severity.ERROR,
              Message.of("identity.yaml", said.message(), fix())));
      return;
    } catch (YAMLException e) {
      sink.report(
          Diagnostic.error(
              file,
              1,
              Message.of("identity.notYaml", YamlMessages.firstSentence(e.getMessage()), fix())));
      return;
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof MappingNode map)) {
      sink.report(
          Diagnostic.error(
              file, root.getStartMark().getLine() + 1, Message.of("identity.notMapping", fix())));
      return;
    }
    for (NodeTuple t : map.getValue()) {
      int line = t.getKeyNode().getStartMark().getLine() + 1;
      if (!(t.getKeyNode() instanceof ScalarNode key)
          || !(t.getValueNode() instanceof ScalarNode value)
          || key.getValue().isBlank()
          || value.getValue().isBlank()) {
        sink.report(Diagnostic.error(file, line, Message.of("identity.badLine", fix())));
        continue;
      }
      String name = key.getValue().strip();
      String slug = Slugs.of(value.getValue());
      if (slug.isEmpty()) {
        sink.report(
            Diagnostic.error(file, line, Message.of("identity.notSlug", value.getValue(), fix())));
        continue;
      }
      if (!slug.equals(value.getValue().strip())) {
        sink.report(
            Diagnostic.warning(file, line, Message.of("identity.slugNormalised", name, slug)));
      }
      if (entries.containsKey(name)) {
        sink.report(
            Diagnostic.error(
                file, line, Message.of("identity.twice", name, entries.get(name).line())));
        continue;
      }
      entries.put(name, new Entry(slug, line));
    }
  }

  private static Message fix() {
    return Message.of("identity.fix", PATH);
  }

  /** The file's path. */
  public Path file() {
    return file;
  }

  /** The slug recorded for the resource {@code name} (a path relative to the course folder). */
  Optional<String> slugOf(String name) {
    Entry e = entries.get(name);
    return e == null ? Optional.empty() : Optional.of(e.slug());
  }

  /** The line of the resource's entry, 0 when it has none. */
  int lineOf(String name) {
    Entry e = entries.get(name);
    return e == null ? 0 : e.line();
  }

  /** Notes the slug a resource without an entry was given, for {@link #save}. */
  void record(String name, String slug) {
    if (!entries.containsKey(name)) {
      added.put(name, slug);
    }
  }

  /** Whether {@link #save} has something to write. */
  public boolean changed() {
    return !added.isEmpty() && !broken;
  }

  /**
   * Writes the entries recorded since reading, at the end of the file (or in a new file under its
   * header), atomically; nothing when there is nothing new or the file is broken. A file that
   * cannot be written is a warning: the build goes on, and the next one tries again.
   */
  public void save(DiagnosticSink sink) {
    removeLeftovers();
    if (!changed()) {
      return;
    }
    StringBuilder out = new StringBuilder(exists ? text : HEADER);
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    added.forEach(
        (name, slug) -> out.append(scalar(name)).append(": ").append(scalar(slug)).append('\n'));
    if (exists && !readsBack(out.toString())) {
      List<String> lines = new ArrayList<>();
      added.forEach((name, slug) -> lines.add(scalar(name) + ": " + scalar(slug)));
      sink.report(
          Diagnostic.warning(file, 0, Message.of("identity.cannotAdd", String.join(", ", lines))));
      return;
    }
    try {
      AtomicOutput.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      sink.report(Diagnostic.warning(file, 0, Message.of("identity.cannotWrite", e.getMessage())));
    }
  }

  /** Removes what a build killed while writing this file left beside it (its temporary files). */
  private void removeLeftovers() {
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("." + file.getFileName() + ".") && AtomicOutput.isTemporary(p)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // Left for the next build: a temporary file is never read as the identity file.
    }
  }

  /** Whether the text, with the lines added, reads back as every old entry and every new one. */
  private boolean readsBack(String text) {
    Map<String, Entry> again = new LinkedHashMap<>();
    boolean[] errors = {false};
    parse(file, text, again, d -> errors[0] |= d.severity() == Severity.ERROR);
    if (errors[0]) {
      return false;
    }
    Map<String, String> want = new LinkedHashMap<>();
    entries.forEach((k, v) -> want.put(k, v.slug()));
    want.putAll(added);
    Map<String, String> got = new LinkedHashMap<>();
    again.forEach((k, v) -> got.put(k, v.slug()));
    return got.equals(want);
  }

  /** A YAML scalar: plain when YAML reads it as text, else double-quoted. */
  private static String scalar(String s) {
    if (PLAIN.matcher(s).matches()) {
      return s;
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
