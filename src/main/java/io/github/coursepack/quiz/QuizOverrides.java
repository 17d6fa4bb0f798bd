package io.github.coursepack.quiz;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.Digests;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 * A trainer's changes to a unit's generated quiz, kept beside the resource in {@code
 * <resource>.quiz.yaml} so that they survive every rebuild:
 *
 * <pre>
 * drop: [qfq-num-le-cpd-numerique-who-cpd-numerique-1a2b3c4d]   # leave these questions out
 * pin: [qfq-num-le-cpd-numerique-truefalse-dsi-5e6f7a8b]       # always keep these
 * edit:
 *   qfq-num-le-cpd-numerique-who-cpd-numerique-9c0d1e2f:
 *     stem: Qui anime le réseau des eRUN ?                       # any of stem, feedback,
 *     feedback: C'est le CPD numérique.                          # options (same number, in the
 *     options: [Le CPD numérique, L'IEN, La DRANE, La DSI]       # order shown) and answer
 *     answer: 1                                                  # (1-based; true/false)
 * add:
 *   - stem: Qui nomme le référent numérique ?
 *     options: [Le chef d'établissement, Le recteur, La DRANE]
 *     answer: 1
 *     feedback: Le chef d'établissement, par une lettre de mission.
 *   - stem: Le référent numérique assure la maintenance du parc.
 *     answer: false
 * </pre>
 *
 * <p>Overrides name questions by id ({@code coursepack quiz DIR} prints them, {@code coursepack
 * quiz DIR --skeleton UNIT} writes them all into a new file, commented out); it is the question's
 * idnumber in Moodle too. An id that the regenerated quiz no longer has is reported and ignored,
 * saying why when it can tell ({@link OrphanCheck}: the unit's slug changed, or the id is written
 * in its form from before ids were bounded, which still applies); the others apply.
 */
public final class QuizOverrides {

  /**
   * The sidecar's name for a resource file: {@code 01-intro.md} gives {@code 01-intro.quiz.yaml}.
   */
  public static Path sidecarOf(Path resource) {
    String name = resource.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return resource.resolveSibling(stem + ".quiz.yaml");
  }

  private record Located(String id, int line) {
    Located withId(String other) {
      return new Located(other, line);
    }
  }

  private record Edit(
      int line, String stem, String feedback, List<String> options, String answer) {}

  private final Path file;
  private final String resourceName;
  private final String unitId;
  private final String slug;
  private final List<Located> drop = new ArrayList<>();
  private final List<Located> pin = new ArrayList<>();
  private final Map<String, Edit> edits = new LinkedHashMap<>();
  private final Map<String, Integer> editLines = new LinkedHashMap<>();
  private final List<Question> added = new ArrayList<>();

  private QuizOverrides(Path file, String resourceName, String unitId, String slug) {
    this.file = file;
    this.resourceName = resourceName;
    this.unitId = unitId;
    this.slug = slug;
  }

  /**
   * The overrides of a resource, or none when it has no sidecar.
   *
   * @param unitId the unit's id, which its question ids start with
   * @param slug the unit's slug, the end of its id, named when an override has an older one
   */
  public static QuizOverrides read(Path resource, String unitId, String slug, DiagnosticSink sink) {
    Path file = sidecarOf(resource);
    QuizOverrides o = new QuizOverrides(file, resource.getFileName().toString(), unitId, slug);
    if (!Files.isRegularFile(file)) {
      return o;
    }
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      sink.report(Diagnostic.error(file, 0, Message.of("overrides.cannotRead", e.getMessage())));
      return o;
    }
    Node root;
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    try (Reader r = new StringReader(yaml)) {
      root = new Yaml(options).compose(r);
    } catch (MarkedYAMLException e) {
      sink.report(
          Diagnostic.error(
              file,
              e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
              Message.of("overrides.invalidYamlIgnored", e.getProblem())));
      return o;
    } catch (IOException | RuntimeException e) {
      sink.report(Diagnostic.error(file, 0, Message.of("overrides.invalidYaml", e.getMessage())));
      return o;
    }
    if (root == null) {
      return o;
    }
    if (!(root instanceof MappingNode map)) {
      sink.report(Diagnostic.error(file, line(root), Message.of("overrides.expectedKeys")));
      return o;
    }
    for (NodeTuple t : map.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
      Node v = t.getValueNode();
      switch (key) {
        case "drop" -> o.drop.addAll(ids(v, file, sink));
        case "pin" -> o.pin.addAll(ids(v, file, sink));
        case "edit" -> o.readEdits(v, sink);
        case "add" -> o.readAdded(v, unitId, sink);
        default ->
            sink.report(
                Diagnostic.warning(
                    file, line(t.getKeyNode()), Message.of("overrides.unknownKey", key)));
      }
    }
    return o;
  }

  /**
   * The quiz after the overrides: {@code selected} with dropped questions left out, pinned
   * candidates brought in, edits applied and hand-written questions added at the end.
   */
  public List<Question> apply(
      List<Question> candidates, List<Question> selected, DiagnosticSink sink) {
    Map<String, Question> byId = new LinkedHashMap<>();
    candidates.forEach(q -> byId.put(q.id(), q));
    selected.forEach(q -> byId.putIfAbsent(q.id(), q));
    OrphanCheck check = new OrphanCheck(file, resourceName, unitId, slug, byId.keySet());
    Set<String> dropped = new LinkedHashSet<>();
    drop.forEach(l -> check.resolve(l.id(), l.line(), sink).ifPresent(dropped::add));
    List<Located> pinned = new ArrayList<>();
    pin.forEach(l -> check.resolve(l.id(), l.line(), sink).map(l::withId).ifPresent(pinned::add));
    Map<String, Edit> editsById = new LinkedHashMap<>();
    edits.forEach(
        (id, e) -> check.resolve(id, editLines.get(id), sink).ifPresent(c -> editsById.put(c, e)));
    List<Question> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Located l : pinned) {
      Question q = byId.get(l.id());
      if (q != null && !dropped.contains(q.id()) && ids.add(q.id())) {
        out.add(q);
      }
    }
    for (Question q : selected) {
      if (!dropped.contains(q.id()) && ids.add(q.id())) {
        out.add(q);
      }
    }
    List<Question> edited = new ArrayList<>();
    for (Question q : out) {
      Edit e = editsById.get(q.id());
      edited.add(e == null ? q : edit(q, e, sink));
    }
    for (Question q : added) {
      if (ids.add(q.id())) {
        edited.add(q);
      } else {
        sink.report(Diagnostic.warning(file, 0, Message.of("overrides.duplicateId", q.id())));
      }
    }
    return edited;
  }

  public boolean isEmpty() {
    return drop.isEmpty() && pin.isEmpty() && edits.isEmpty() && added.isEmpty();
  }

  // ---- edits ----------------------------------------------------------------------------------

  private Question edit(Question q, Edit e, DiagnosticSink sink) {
    String stem = e.stem() != null ? e.stem() : q.stem();
    String feedback = e.feedback() != null ? e.feedback() : q.feedback();
    if (q instanceof Question.MultipleChoice mc) {
      List<Choice> choices = new ArrayList<>(mc.choices());
      if (e.options() != null) {
        if (e.options().size() != choices.size()) {
          sink.report(
              Diagnostic.error(
                  file, e.line(), Message.of("overrides.optionCount", q.id(), choices.size())));
        } else if (e.options().stream().anyMatch(String::isBlank)) {
          sink.report(
              Diagnostic.error(file, e.line(), Message.of("overrides.emptyOption", q.id())));
        } else {
          for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            choices.set(i, new Choice(e.options().get(i), c.correct(), c.actorId()));
          }
        }
      }
      if (e.answer() != null) {
        Optional<Integer> index = index(e.answer(), choices.size());
        if (index.isEmpty()) {
          sink.report(
              Diagnostic.error(
                  file, e.line(), Message.of("overrides.answerRange", q.id(), choices.size())));
        } else {
          for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            choices.set(i, new Choice(c.text(), i == index.get(), c.actorId()));
          }
        }
      }
      return new Question.MultipleChoice(
          mc.id(), mc.kind(), stem, choices, feedback, mc.evidence(), mc.polarity());
    }
    if (q instanceof Question.TrueFalse tf) {
      boolean answer = tf.answer();
      if (e.answer() != null) {
        Optional<Boolean> b = bool(e.answer());
        if (b.isEmpty()) {
          sink.report(
              Diagnostic.error(file, e.line(), Message.of("overrides.answerTrueFalse", q.id())));
        } else {
          answer = b.get();
        }
      }
      return new Question.TrueFalse(
          tf.id(), stem, answer, tf.actorId(), feedback, tf.evidence(), tf.polarity());
    }
    Question.Matching m = (Question.Matching) q;
    if (e.options() != null || e.answer() != null) {
      sink.report(Diagnostic.warning(file, e.line(), Message.of("overrides.matchingEdits")));
    }
    return new Question.Matching(m.id(), stem, m.pairs(), feedback, m.evidence(), m.polarity());
  }

  // ---- reading --------------------------------------------------------------------------------

  private static List<Located> ids(Node v, Path file, DiagnosticSink sink) {
    List<Located> out = new ArrayList<>();
    if (v instanceof ScalarNode s && !s.getValue().isBlank()) {
      out.add(new Located(s.getValue().strip(), line(s)));
    } else if (v instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
          out.add(new Located(s.getValue().strip(), line(s)));
        }
      }
    } else if (!(v instanceof ScalarNode)) {
      sink.report(Diagnostic.error(file, line(v), Message.of("overrides.expectedIdList")));
    }
    return out;
  }

  private void readEdits(Node v, DiagnosticSink sink) {
    if (isEmpty(v)) {
      return;
    }
    if (!(v instanceof MappingNode map)) {
      sink.report(Diagnostic.error(file, line(v), Message.of("overrides.editExpected")));
      return;
    }
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)
          || !(t.getValueNode() instanceof MappingNode m)) {
        sink.report(
            Diagnostic.error(file, line(t.getKeyNode()), Message.of("overrides.editNeedsKeys")));
        continue;
      }
      Map<String, Node> f = fields(m);
      edits.put(
          k.getValue().strip(),
          new Edit(
              line(k),
              text(f.get("stem")),
              text(f.get("feedback")),
              list(f.get("options")),
              text(f.get("answer"))));
      editLines.put(k.getValue().strip(), line(k));
    }
  }

  private void readAdded(Node v, String unitId, DiagnosticSink sink) {
    if (isEmpty(v)) {
      return;
    }
    if (!(v instanceof SequenceNode seq)) {
      sink.report(Diagnostic.error(file, line(v), Message.of("overrides.addExpectedList")));
      return;
    }
    for (Node n : seq.getValue()) {
      if (!(n instanceof MappingNode m)) {
        sink.report(Diagnostic.error(file, line(n), Message.of("overrides.addQuestionKeys")));
        continue;
      }
      Map<String, Node> f = fields(m);
      String stem = text(f.get("stem"));
      if (stem == null || stem.isBlank()) {
        sink.report(Diagnostic.error(file, line(n), Message.of("overrides.addNeedsStem")));
        continue;
      }
      String id = QuestionIds.of(unitId, "custom-" + Digests.shortHex(stem));
      String given = text(f.get("id"));
      if (given != null && !given.isBlank()) {
        id = QuestionIds.bounded(given.strip());
        if (!id.equals(given.strip())) {
          sink.report(
              Diagnostic.warning(
                  file,
                  line(f.get("id")),
                  "id is "
                      + given.strip().length()
                      + " characters long and Moodle keeps "
                      + QuestionIds.MAX
                      + "; it is shortened to '"
                      + id
                      + "'"));
        }
      }
      String feedback = Optional.ofNullable(text(f.get("feedback"))).orElse("");
      List<String> options = list(f.get("options"));
      String answer = text(f.get("answer"));
      if (options == null || options.isEmpty()) {
        Optional<Boolean> b = answer == null ? Optional.empty() : bool(answer);
        if (b.isEmpty()) {
          sink.report(Diagnostic.error(file, line(n), Message.of("overrides.addTrueFalse")));
          continue;
        }
        added.add(
            new Question.TrueFalse(id, stem, b.get(), "", feedback, List.of(), Polarity.POSITIVE));
        continue;
      }
      if (options.stream().anyMatch(String::isBlank)) {
        sink.report(Diagnostic.error(file, line(n), Message.of("overrides.addEmptyOption")));
        continue;
      }
      Optional<Integer> index = answer == null ? Optional.empty() : index(answer, options.size());
      if (index.isEmpty() || options.size() < 2) {
        sink.report(
            Diagnostic.error(
                file, line(n), Message.of("overrides.addMultipleChoice", options.size())));
        continue;
      }
      List<Choice> choices = new ArrayList<>();
      for (int i = 0; i < options.size(); i++) {
        choices.add(new Choice(options.get(i), i == index.get(), ""));
      }
      added.add(
          new Question.MultipleChoice(
              id, QuestionKind.CUSTOM, stem, choices, feedback, List.of(), Polarity.POSITIVE));
    }
  }

  /** A key with nothing after it ({@code edit:} whose entries are all commented out). */
  private static boolean isEmpty(Node v) {
    return v instanceof ScalarNode s && s.getValue().isBlank();
  }

  private static Map<String, Node> fields(MappingNode m) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        out.put(k.getValue(), t.getValueNode());
      }
    }
    return out;
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : null;
  }

  private static List<String> list(Node n) {
    if (!(n instanceof SequenceNode seq)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s) {
        out.add(s.getValue());
      }
    }
    return out;
  }

  private static Optional<Integer> index(String answer, int size) {
    try {
      int i = Integer.parseInt(answer.strip());
      return i >= 1 && i <= size ? Optional.of(i - 1) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Boolean> bool(String answer) {
    String a = answer.strip().toLowerCase(java.util.Locale.ROOT);
    if (a.equals("true") || a.equals("vrai") || a.equals("yes") || a.equals("oui")) {
      return Optional.of(true);
    }
    if (a.equals("false") || a.equals("faux") || a.equals("no") || a.equals("non")) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }
}
