package io.github.coursepack.format.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.github.coursepack.format.ArchiveLedger;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFormat;
import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.io.AtomicOutput;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Target;
import io.github.coursepack.model.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code report.html}: the course at a glance, in French, for the trainer who checks it
 * before uploading. Each unit with its video, its questions by kind and the size of its bank; an
 * <b>actor × unit grid</b> counting, for each actor of French digital education, the questions
 * whose right answer is that actor in each unit, so that what the course teaches, and what it
 * leaves out, shows at once; every question with its right answer and the file and line of the
 * sentence it comes from; the file to upload for the course's target. Self-contained: no script, no
 * network, inline style; one page with headings, tables with header cells and captions.
 */
public final class ReportFormat implements PackageFormat {

  static final String FILE = "report.html";

  private static final Template PAGE = template();

  private static final Map<QuestionKind, String> KIND_LABELS = new EnumMap<>(QuestionKind.class);

  static {
    KIND_LABELS.put(QuestionKind.WHO, "Qui fait quoi ?");
    KIND_LABELS.put(QuestionKind.SCENARIO, "Mise en situation");
    KIND_LABELS.put(QuestionKind.ROLE, "Rôle d’un acteur");
    KIND_LABELS.put(QuestionKind.TRUE_FALSE, "Vrai ou faux");
    KIND_LABELS.put(QuestionKind.MATCHING, "Appariement");
    KIND_LABELS.put(QuestionKind.ACRONYM, "Sigle");
    KIND_LABELS.put(QuestionKind.CUSTOM, "Question écrite à la main");
  }

  @Override
  public String id() {
    return "report";
  }

  @Override
  public String description() {
    return "a French overview of the course for the trainer: units, questions, actor grid"
        + " (report.html)";
  }

  @Override
  public List<Path> write(Course course, FormatContext context) {
    if (course.units().isEmpty()) {
      return List.of();
    }
    Path target = context.outputDir().resolve(FILE);
    FormatContext.Outcome outcome;
    try {
      byte[] page = render(course, context.reported().get());
      outcome =
          context.archive(
              id(),
              null,
              target,
              ArchiveLedger.key(id(), page),
              () -> AtomicOutput.write(target, page));
    } catch (IOException | UncheckedIOException e) {
      context.sink().report(Diagnostic.error(target, 0, Message.of("report.cannotWrite", e)));
      return List.of();
    }
    context.done(id(), null, target, outcome);
    return List.of(target);
  }

  /** The page, without problems to show. */
  static byte[] render(Course course) {
    return render(course, List.of());
  }

  /**
   * The page, each unit with the errors and warnings reported about its resource or its override
   * file (in French), so that the trainer sees what to check before uploading.
   */
  static byte[] render(Course course, List<Diagnostic> reported) {
    Map<String, String> actorNames = actorNames(course);
    List<String> actors = new ArrayList<>(actorNames.keySet());
    List<Map<String, Object>> units = new ArrayList<>();
    List<Map<String, Object>> grid = new ArrayList<>();
    Map<String, int[]> counts = new TreeMap<>();
    int n = 0;
    int questions = 0;
    for (Unit unit : course.units()) {
      n++;
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("number", n);
      u.put("anchor", "unite-" + n);
      u.put("title", unit.title());
      u.put("source", unit.sourceName());
      List<Map<String, Object>> problems = problems(unit, reported);
      u.put("problems", problems);
      u.put("problemCount", problems.size());
      u.put("hasProblems", !problems.isEmpty());
      unit.video()
          .flatMap(v -> v.peerTube().<Object>map(p -> "https://" + p.host() + "/w/" + p.id()))
          .or(() -> unit.video().flatMap(v -> v.download().<Object>map(Object::toString)))
          .ifPresent(link -> u.put("video", link));
      unit.video().flatMap(v -> v.local()).ifPresent(m -> u.put("localVideo", m.name()));
      Map<QuestionKind, Integer> byKind = new EnumMap<>(QuestionKind.class);
      List<Map<String, Object>> list = new ArrayList<>();
      for (Question q : unit.quiz().questions()) {
        byKind.merge(q.kind(), 1, Integer::sum);
        list.add(question(q, unit.quiz().drawn().contains(q)));
        for (String actor : q.answerActorIds()) {
          counts.computeIfAbsent(actor, a -> new int[course.units().size()])[n - 1]++;
        }
      }
      questions += list.size();
      u.put("questions", list);
      u.put("bank", list.size());
      u.put("asked", Math.min(unit.quiz().drawCount(), list.size()));
      u.put("noQuiz", list.isEmpty());
      u.put(
          "kinds",
          byKind.entrySet().stream()
              .map(e -> Map.of("label", KIND_LABELS.get(e.getKey()), "count", e.getValue()))
              .toList());
      units.add(u);
    }
    for (String actor : actors) {
      int[] c = counts.getOrDefault(actor, new int[course.units().size()]);
      List<Map<String, Object>> cells = new ArrayList<>();
      int total = 0;
      for (int i = 0; i < c.length; i++) {
        cells.add(Map.of("count", c[i], "none", c[i] == 0));
        total += c[i];
      }
      grid.add(Map.of("actor", actorNames.get(actor), "cells", cells, "total", total));
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", course.title());
    page.put("summary", course.summary());
    page.put("units", units);
    page.put("unitCount", units.size());
    page.put("questionCount", questions);
    page.put("grid", grid);
    page.put("noActors", grid.isEmpty());
    page.put("quizSize", course.quizSize());
    page.put("passMark", course.passMark());
    page.put("upload", upload(course));
    return PAGE.execute(page).getBytes(StandardCharsets.UTF_8);
  }

  /** The errors and warnings about {@code unit}'s resource and override file, in report order. */
  private static List<Map<String, Object>> problems(Unit unit, List<Diagnostic> reported) {
    String source = unit.sourceName();
    int dot = source.lastIndexOf('.');
    String overrides = (dot > 0 ? source.substring(0, dot) : source) + ".quiz.yaml";
    List<Map<String, Object>> out = new ArrayList<>();
    for (Diagnostic d : reported) {
      if (d.file() == null
          || d.file().getFileName() == null
          || (d.severity() != Severity.ERROR && d.severity() != Severity.WARNING)) {
        continue;
      }
      String name = d.file().getFileName().toString();
      if (!name.equals(source) && !name.equals(overrides)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", d.severity() == Severity.ERROR ? "erreur" : "avertissement");
      m.put("file", name);
      if (d.line() > 0) {
        m.put("line", d.line());
      }
      m.put("message", d.text().in(Language.FR));
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> question(Question q, boolean blueprint) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", q.id());
    m.put("stem", q.stem());
    m.put("kind", KIND_LABELS.get(q.kind()));
    m.put("blueprint", blueprint);
    if (q instanceof Question.MultipleChoice mc) {
      m.put("answer", mc.answer().text());
    } else if (q instanceof Question.TrueFalse tf) {
      m.put("answer", tf.answer() ? "Vrai" : "Faux");
    } else if (q instanceof Question.Matching mt) {
      m.put(
          "answer",
          String.join(" ; ", mt.pairs().stream().map(p -> p.actor() + " → " + p.role()).toList()));
    }
    if (!q.evidence().isEmpty()) {
      m.put("line", q.evidence().get(0).line());
      m.put("evidence", q.evidence().get(0).text());
    }
    return m;
  }

  /**
   * Every actor the course's questions ask about or offer as an option, by catalogue id, with its
   * name: as a « qui » question's option or a matching pair writes it, else as the catalogue does
   * (« le DPD »), in French alphabetical order. The grid shows the actors a trainer may expect and
   * the questions do not teach (a row of zeros).
   */
  private static Map<String, String> actorNames(Course course) {
    Map<String, String> names = new TreeMap<>();
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (Unit unit : course.units()) {
      for (Question q : unit.quiz().questions()) {
        if (q instanceof Question.MultipleChoice mc) {
          boolean actorOptions = q.kind() == QuestionKind.WHO || q.kind() == QuestionKind.SCENARIO;
          for (Choice c : mc.choices()) {
            if (!c.actorId().isEmpty()) {
              ids.add(c.actorId());
              if (actorOptions) {
                names.putIfAbsent(c.actorId(), c.text());
              }
            }
          }
        } else if (q instanceof Question.Matching mt) {
          mt.pairs().forEach(p -> names.putIfAbsent(p.actorId(), p.actor()));
          mt.pairs().forEach(p -> ids.add(p.actorId()));
        } else if (q instanceof Question.TrueFalse tf && !tf.actorId().isEmpty()) {
          ids.add(tf.actorId());
        }
      }
    }
    io.github.coursepack.analysis.ActorCatalog catalog =
        io.github.coursepack.analysis.ActorCatalog.defaults();
    for (String id : ids) {
      names.computeIfAbsent(
          id,
          i ->
              catalog
                  .byId(i)
                  .map(io.github.coursepack.model.Actor::definite)
                  .orElse(i.replace('-', ' ').toUpperCase(Locale.ROOT)));
    }
    Map<String, String> sorted = new LinkedHashMap<>();
    java.text.Collator collator = java.text.Collator.getInstance(Locale.FRENCH);
    names.entrySet().stream()
        .sorted(
            java.util.Comparator.comparing(
                (Map.Entry<String, String> e) -> withoutArticle(e.getValue()), collator))
        .forEach(e -> sorted.put(e.getKey(), capitalise(e.getValue())));
    return sorted;
  }

  /** « la DSI » sorts under D, « l'IEN » under I. */
  private static String withoutArticle(String name) {
    return name.replaceFirst("(?i)^(le |la |les |l['’])", "");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.FRENCH) + s.substring(1);
  }

  /** What to upload for the course's target, in the words of the README's quick start. */
  private static Map<String, Object> upload(Course course) {
    String slug = course.slug();
    Map<String, Object> m = new LinkedHashMap<>();
    if (course.target() == Target.SCORM_ONLY) {
      m.put("file", "scorm12/" + slug + ".zip");
      m.put(
          "how",
          "Ajouter une activité ou une ressource › Paquetage SCORM, puis déposer le fichier.");
    } else {
      m.put("file", "mbz/" + slug + ".mbz");
      m.put(
          "how",
          "Dans le parcours : Plus › Réutilisation de cours › Restauration, déposer le fichier,"
              + " puis « Restaurer dans ce cours ».");
    }
    return m;
  }

  private static Template template() {
    try (InputStream in = ReportFormat.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FILE);
      }
      return Mustache.compiler()
          .defaultValue("")
          .compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
