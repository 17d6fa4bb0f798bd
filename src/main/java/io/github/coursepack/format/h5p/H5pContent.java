package io.github.coursepack.format.h5p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Credit;
import io.github.coursepack.model.Licence;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.Html;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code h5p.json} and {@code content/content.json} of a unit (FORMATS.md §3.2, 3.6–3.9): an
 * H5P.Column holding the description with a link to the video, the MP4 in an H5P.Video when there
 * is one, the transcript and the credits (H5P.AdvancedText), then the quiz as an H5P.QuestionSet of
 * MultiChoice and TrueFalse questions with the course's pass mark: the whole bank, of which H5P
 * draws {@code drawCount} per attempt ({@code poolSize}) when the quiz draws. An interactive video
 * has no pool: it asks the blueprint's questions ({@link io.github.coursepack.model.Quiz#drawn()}).
 * French labels are written into the content, so that the site's language does not matter.
 * Sub-content ids are UUIDs derived from the unit and the position, so that a rebuild gives the
 * same package.
 */
final class H5pContent {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The French labels of each library's interface ({@code labels-fr.json}: library, then the params
   * group that holds them, {@code ""} for the params themselves), written into the content so that
   * the site's language does not matter.
   */
  private static final JsonNode LABELS = readLabels();

  private static JsonNode readLabels() {
    try (java.io.InputStream in = H5pContent.class.getResourceAsStream("labels-fr.json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource labels-fr.json");
      }
      return JSON.readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Puts a library's French labels into its params. */
  private static void labels(ObjectNode params, H5pLibrary library) {
    JsonNode groups = LABELS.path(library.machineName());
    for (var g = groups.fields(); g.hasNext(); ) {
      var group = g.next();
      ObjectNode target =
          group.getKey().isEmpty()
              ? params
              : params.has(group.getKey())
                  ? (ObjectNode) params.get(group.getKey())
                  : params.putObject(group.getKey());
      group.getValue().fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue()));
    }
  }

  /** A local video's path inside the package. */
  static String videoPath(LocalMedia media) {
    return "videos/" + media.name();
  }

  private final Course course;
  private final Unit unit;
  private final Set<H5pLibrary> used = new LinkedHashSet<>();
  private final List<Message> notes = new ArrayList<>();

  private H5pContent(Course course, Unit unit) {
    this.course = course;
    this.unit = unit;
  }

  /** The package's two JSON files and what they need. */
  record Result(
      JsonNode h5pJson, JsonNode contentJson, List<H5pLibrary> libraries, List<Message> notes) {}

  static Result of(Course course, Unit unit) {
    H5pContent c = new H5pContent(course, unit);
    // The duration: read from a local MP4, else as the front matter gives it (videoDuration).
    OptionalDouble duration =
        unit.video()
            .flatMap(v -> v.local())
            .map(m -> Mp4Duration.of(m.source()))
            .filter(OptionalDouble::isPresent)
            .or(
                () ->
                    unit.video()
                        .flatMap(v -> v.duration())
                        .map(d -> OptionalDouble.of(d.toMillis() / 1000.0)))
            .orElse(OptionalDouble.empty());
    boolean mp4 =
        unit.video().map(v -> v.local().isPresent() || v.download().isPresent()).orElse(false);
    boolean interactive = mp4 && duration.isPresent() && c.hasTimedQuestions();
    H5pLibrary main = interactive ? H5pLibrary.INTERACTIVE_VIDEO : H5pLibrary.COLUMN;
    c.used.add(main);
    if (interactive) {
      c.used.add(H5pLibrary.VIDEO); // the video object of an interactive video is an H5P.Video
    }
    JsonNode content = interactive ? c.interactiveVideo(duration.getAsDouble()) : c.column();
    if (!interactive && mp4 && duration.isEmpty()) {
      c.notes.add(Message.of("h5p.note.columnNotInteractive"));
    }
    return new Result(c.h5pJson(main), content, List.copyOf(c.used), List.copyOf(c.notes));
  }

  private boolean hasTimedQuestions() {
    return unit.quiz().drawn().stream().anyMatch(q -> !(q instanceof Question.Matching));
  }

  // ---------------------------------------------------------------- interactive video

  /**
   * H5P.InteractiveVideo (FORMATS.md §3.7): the MP4 (in the package, or its address), the questions
   * as posters that pause the video in its last seconds, one after the other (no timing of the
   * sentences is known), an end screen to submit, and a summary of true and false statements when
   * the quiz has both. It has no question pool, so it asks the blueprint: the questions of a first
   * attempt, which cover the text's key roles, and a video that pauses only so many times.
   */
  private JsonNode interactiveVideo(double seconds) {
    ObjectNode params = JSON.createObjectNode();
    ObjectNode iv = params.putObject("interactiveVideo");
    ObjectNode video = iv.putObject("video");
    ObjectNode start = video.putObject("startScreenOptions");
    start.put("title", title(unit.title()));
    start.put("hideStartTitle", false);
    ObjectNode tracks = video.putObject("textTracks");
    tracks.putArray("videoTrack");
    tracks.put("defaultTrackLabel", "");
    Optional<LocalMedia> media = unit.video().get().local();
    ObjectNode file = video.putArray("files").addObject();
    file.put(
        "path",
        media
            .map(H5pContent::videoPath)
            .orElseGet(() -> unit.video().get().download().get().toString()));
    file.put("mime", media.map(LocalMedia::mimeType).orElse("video/mp4"));
    file.putObject("copyright").put("license", "U");
    ObjectNode assets = iv.putObject("assets");
    ArrayNode interactions = assets.putArray("interactions");
    List<Question> timed = new ArrayList<>();
    for (Question q : unit.quiz().drawn()) {
      if (q instanceof Question.Matching) {
        notes.add(Message.of("h5p.note.matchingLeftOutOfVideo"));
      } else {
        timed.add(q);
      }
    }
    double end = Math.max(1, Math.floor(seconds * 100) / 100);
    for (int i = 0; i < timed.size(); i++) {
      Question q = timed.get(i);
      double from = Math.max(0, round(end - (timed.size() - i) - 0.5));
      ObjectNode it = interactions.addObject();
      it.put("x", 10);
      it.put("y", 10);
      it.put("width", 32);
      it.put("height", 18);
      ObjectNode d = it.putObject("duration");
      d.put("from", from);
      d.put("to", Math.min(end, round(from + 1)));
      it.put("pause", true);
      it.put("displayType", "poster");
      it.put("buttonOnMobile", false);
      it.put(
          "libraryTitle",
          q instanceof Question.TrueFalse ? "True/False Question" : "Multiple Choice");
      it.put("label", "");
      it.set(
          "action",
          q instanceof Question.TrueFalse tf
              ? trueFalse(tf, i + 1)
              : multiChoice((Question.MultipleChoice) q, i + 1));
      ObjectNode adaptivity = it.putObject("adaptivity");
      adaptivity.putObject("correct").put("allowOptOut", false).put("message", "");
      adaptivity.putObject("wrong").put("allowOptOut", false).put("message", "");
      adaptivity.put("requireCompletion", false);
      ObjectNode visuals = it.putObject("visuals");
      visuals.put("backgroundColor", "rgb(255, 255, 255)");
      visuals.put("boxShadow", true);
    }
    assets.putArray("bookmarks");
    ObjectNode endscreen = assets.putArray("endscreens").addObject();
    endscreen.put("time", end);
    endscreen.put("label", "Fin");
    ObjectNode summary = summary();
    if (summary != null) {
      ObjectNode s = iv.putObject("summary");
      s.set("task", summary);
      s.put("displayAt", 3);
    }
    ObjectNode override = params.putObject("override");
    override.put("autoplay", false);
    override.put("loop", false);
    override.put("showBookmarksmenuOnLoad", false);
    override.put("showRewind10", true);
    override.put("preventSkippingMode", "none");
    override.put("deactivateSound", false);
    labels(params, H5pLibrary.INTERACTIVE_VIDEO);
    return params;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /**
   * H5P.Summary: sets of one true statement and one false one, from the true/false questions that
   * the interactive video asks (a statement the text affirms, and one it denies); null when there
   * is no pair.
   */
  private ObjectNode summary() {
    List<Question.TrueFalse> right = new ArrayList<>();
    List<Question.TrueFalse> wrong = new ArrayList<>();
    for (Question q : unit.quiz().drawn()) {
      if (q instanceof Question.TrueFalse tf) {
        (tf.answer() ? right : wrong).add(tf);
      }
    }
    int sets = Math.min(right.size(), wrong.size());
    if (sets == 0) {
      return null;
    }
    ObjectNode task = subContent(H5pLibrary.SUMMARY, "summary", "Summary", "Résumé");
    ObjectNode p = (ObjectNode) task.get("params");
    p.put("intro", "Choisissez l’affirmation juste.");
    ArrayNode summaries = p.putArray("summaries");
    for (int i = 0; i < sets; i++) {
      ObjectNode set = summaries.addObject();
      set.put("subContentId", uuid("summary/" + i));
      set.putArray("summary")
          .add(Html.paragraph(right.get(i).stem()))
          .add(Html.paragraph(wrong.get(i).stem()));
      set.put("tip", "");
    }
    ArrayNode overall = p.putArray("overallFeedback");
    ObjectNode f = overall.addObject();
    f.put("from", 0);
    f.put("to", 100);
    f.put("feedback", "");
    labels(p, H5pLibrary.SUMMARY);
    return task;
  }

  private String uuid(String what) {
    return UUID.nameUUIDFromBytes((unit.id() + "/" + what).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private ObjectNode subContent(H5pLibrary library, String key, String contentType, String title) {
    used.add(library);
    ObjectNode n = JSON.createObjectNode();
    n.put("library", library.toString());
    n.set("params", JSON.createObjectNode());
    n.put("subContentId", uuid(key));
    ObjectNode meta = n.putObject("metadata");
    meta.put("contentType", contentType);
    meta.put("license", "U");
    meta.put("title", title);
    return n;
  }

  private ObjectNode text(String key, String title, String html) {
    ObjectNode t = subContent(H5pLibrary.ADVANCED_TEXT, key, "Text", title);
    ((ObjectNode) t.get("params")).put("text", html);
    return t;
  }

  private JsonNode column() {
    ObjectNode params = JSON.createObjectNode();
    ArrayNode items = params.putArray("content");
    StringBuilder intro = new StringBuilder(Html.paragraph(unit.description()));
    unit.video()
        .flatMap(v -> v.embed())
        .filter(
            e -> unit.video().get().download().isEmpty() && unit.video().get().local().isEmpty())
        .ifPresent(
            e ->
                intro
                    .append("<p><a href=\"")
                    .append(Html.escape(watchUrl(e.toString())))
                    .append("\" target=\"_blank\">Regarder la vidéo (nouvel onglet)</a></p>"));
    if (intro.length() > 0) {
      add(items, text("intro", "Présentation", intro.toString()));
    }
    unit.video()
        .ifPresent(
            v -> {
              Optional<String> path =
                  v.local().map(H5pContent::videoPath).or(() -> v.download().map(Object::toString));
              path.ifPresent(
                  p ->
                      add(
                          items,
                          video(p, v.local().map(LocalMedia::mimeType).orElse("video/mp4"))));
            });
    if (!unit.transcript().isEmpty()) {
      add(items, text("transcript", unit.transcript().heading(), transcript()));
    }
    if (!unit.article().isEmpty()) {
      add(items, text("article", "Article", unit.article().html()));
    }
    String credits = credits();
    if (!credits.isEmpty()) {
      add(items, text("credits", "Crédits", credits));
    }
    if (!unit.quiz().isEmpty()) {
      ObjectNode set = questionSet();
      if (set != null) {
        add(items, set);
      }
    }
    return params;
  }

  private static void add(ArrayNode items, ObjectNode content) {
    ObjectNode item = items.addObject();
    item.set("content", content);
    item.put("useSeparator", "auto");
  }

  /** A PeerTube embed address made into its watch page, which opens outside the package. */
  static String watchUrl(String embed) {
    return embed.replaceFirst("/videos/embed/", "/w/");
  }

  private ObjectNode video(String path, String mime) {
    ObjectNode v = subContent(H5pLibrary.VIDEO, "video", "Video", unit.title());
    ObjectNode p = (ObjectNode) v.get("params");
    ArrayNode sources = p.putArray("sources");
    ObjectNode source = sources.addObject();
    source.put("path", path);
    source.put("mime", mime);
    source.putObject("copyright").put("license", "U");
    ObjectNode visuals = p.putObject("visuals");
    visuals.put("fit", true);
    visuals.put("controls", true);
    ObjectNode playback = p.putObject("playback");
    playback.put("autoplay", false);
    playback.put("loop", false);
    p.putArray("a11y");
    labels(p, H5pLibrary.VIDEO);
    return v;
  }

  private String transcript() {
    StringBuilder html = new StringBuilder();
    boolean inList = false;
    for (TextBlock block : unit.transcript().blocks()) {
      StringBuilder text = new StringBuilder();
      for (Sentence s : block.sentences()) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(Html.escape(s.text()));
      }
      boolean item = block.kind() == TextBlock.Kind.LIST_ITEM;
      if (item && !inList) {
        html.append("<ul>");
      } else if (!item && inList) {
        html.append("</ul>");
      }
      inList = item;
      html.append(
          item
              ? "<li>" + text + "</li>"
              : block.kind() == TextBlock.Kind.QUOTE
                  ? "<blockquote><p>" + text + "</p></blockquote>"
                  : block.kind() == TextBlock.Kind.HEADING
                      ? "<h3>" + text + "</h3>"
                      : "<p>" + text + "</p>");
    }
    if (inList) {
      html.append("</ul>");
    }
    return html.toString();
  }

  private String credits() {
    StringBuilder html = new StringBuilder();
    if (!unit.credits().entries().isEmpty()) {
      html.append("<ul>");
      for (Credit c : unit.credits().entries()) {
        html.append("<li><strong>")
            .append(Html.escape(c.role()))
            .append("</strong> : ")
            .append(Html.escape(c.value()))
            .append("</li>");
      }
      html.append("</ul>");
    }
    for (String note : unit.credits().notes()) {
      html.append(Html.paragraph(note));
    }
    course
        .licenceOf(unit)
        .ifPresent(l -> html.append("<p>Licence : ").append(Html.escape(l.name())).append("</p>"));
    return html.toString();
  }

  // ---------------------------------------------------------------- quiz

  private ObjectNode questionSet() {
    ObjectNode set = subContent(H5pLibrary.QUESTION_SET, "quiz", "Question Set", "Quiz");
    ObjectNode p = (ObjectNode) set.get("params");
    ObjectNode intro = p.putObject("introPage");
    intro.put("showIntroPage", false);
    intro.put("startButtonText", "Commencer le quiz");
    intro.put("introduction", "");
    p.put("progressType", "dots");
    p.put("passPercentage", course.passMark());
    ArrayNode questions = p.putArray("questions");
    int n = 0;
    for (Question q : unit.quiz().questions()) {
      n++;
      if (q instanceof Question.MultipleChoice mc) {
        questions.add(multiChoice(mc, n));
      } else if (q instanceof Question.TrueFalse tf) {
        questions.add(trueFalse(tf, n));
      } else {
        notes.add(Message.of("h5p.note.matchingLeftOutOfSet", n));
      }
    }
    if (questions.isEmpty()) {
      return null;
    }
    labels(p, H5pLibrary.QUESTION_SET);
    p.put("disableBackwardsNavigation", false);
    p.put("randomQuestions", false);
    // With a pool, H5P draws poolSize questions of the set at random for each attempt (and keeps
    // the draw in its saved state); a pool of the whole set only shuffles it, as before banks. A
    // quiz that does not draw has drawCount = its bank, which holds the set (matching questions
    // stay out of H5P), so the pool is then the whole set.
    p.put("poolSize", Math.min(unit.quiz().drawCount(), questions.size()));
    ObjectNode end = p.putObject("endGame");
    end.put("showResultPage", true);
    end.put("showSolutionButton", true);
    end.put("showRetryButton", true);
    end.put("noResultMessage", "Terminé");
    end.put("message", "Votre score :");
    end.put("scoreBarLabel", "Vous avez obtenu @score point(s) sur @total");
    ArrayNode feedback = end.putArray("overallFeedback");
    if (course.passMark() > 0) {
      ObjectNode low = feedback.addObject();
      low.put("from", 0);
      low.put("to", course.passMark() - 1);
      low.put(
          "feedback",
          "Pas encore : relisez la transcription et les explications, puis recommencez.");
    }
    ObjectNode high = feedback.addObject();
    high.put("from", course.passMark());
    high.put("to", 100);
    high.put("feedback", "Quiz réussi : vous savez qui fait quoi dans cette unité.");
    end.put("solutionButtonText", "Voir les solutions");
    end.put("retryButtonText", "Recommencer");
    end.put("finishButtonText", "Terminer");
    end.put("submitButtonText", "Envoyer");
    end.put("showAnimations", false);
    end.put("skippable", false);
    end.put("skipButtonText", "Passer la vidéo");
    ObjectNode override = p.putObject("override");
    override.put("checkButton", true);
    return set;
  }

  private ObjectNode multiChoice(Question.MultipleChoice q, int n) {
    ObjectNode mc =
        subContent(H5pLibrary.MULTI_CHOICE, "q" + n, "Multiple Choice", "Question " + n);
    ObjectNode p = (ObjectNode) mc.get("params");
    p.put("question", Html.paragraph(q.stem()));
    ArrayNode answers = p.putArray("answers");
    for (Choice c : q.choices()) {
      ObjectNode a = answers.addObject();
      a.put("text", "<div>" + Html.escape(c.text()) + "</div>");
      a.put("correct", c.correct());
      ObjectNode tips = a.putObject("tipsAndFeedback");
      tips.put("tip", "");
      tips.put("chosenFeedback", "");
      tips.put("notChosenFeedback", "");
    }
    ArrayNode overall = p.putArray("overallFeedback");
    ObjectNode f = overall.addObject();
    f.put("from", 0);
    f.put("to", 100);
    f.put("feedback", q.feedback());
    ObjectNode b = p.putObject("behaviour");
    b.put("enableRetry", true);
    b.put("enableSolutionsButton", true);
    b.put("enableCheckButton", true);
    b.put("type", "single");
    b.put("singlePoint", false);
    b.put("randomAnswers", false);
    b.put("showSolutionsRequiresInput", true);
    b.put("confirmCheckDialog", false);
    b.put("confirmRetryDialog", false);
    b.put("autoCheck", false);
    b.put("passPercentage", 100);
    b.put("showScorePoints", true);
    labels(p, H5pLibrary.MULTI_CHOICE);
    return mc;
  }

  private ObjectNode trueFalse(Question.TrueFalse q, int n) {
    ObjectNode tf =
        subContent(H5pLibrary.TRUE_FALSE, "q" + n, "True/False Question", "Question " + n);
    ObjectNode p = (ObjectNode) tf.get("params");
    p.put("question", Html.paragraph(q.stem()));
    p.put("correct", q.answer() ? "true" : "false");
    ObjectNode b = p.putObject("behaviour");
    b.put("enableRetry", true);
    b.put("enableSolutionsButton", true);
    b.put("enableCheckButton", true);
    b.put("confirmCheckDialog", false);
    b.put("confirmRetryDialog", false);
    b.put("autoCheck", false);
    b.put("feedbackOnCorrect", q.feedback());
    b.put("feedbackOnWrong", q.feedback());
    labels(p, H5pLibrary.TRUE_FALSE);
    return tf;
  }

  // ---------------------------------------------------------------- h5p.json

  private static final Pattern CC =
      Pattern.compile("^(CC (?:BY(?:-NC)?(?:-SA|-ND)?)) (\\d\\.\\d)$");

  private JsonNode h5pJson(H5pLibrary main) {
    ObjectNode h = JSON.createObjectNode();
    h.put("title", title(unit.title()));
    h.put("language", course.language().isBlank() ? "fr" : course.language());
    h.put("mainLibrary", main.machineName());
    h.putArray("embedTypes").add("iframe");
    Optional<Licence> licence = course.licenceOf(unit);
    String name = licence.map(Licence::name).orElse("");
    Matcher m = CC.matcher(name.strip());
    if (m.matches()) {
      h.put("license", m.group(1));
      h.put("licenseVersion", m.group(2));
    } else if (name.strip().equalsIgnoreCase("CC0 1.0") || name.strip().equalsIgnoreCase("CC0")) {
      h.put("license", "CC0 1.0");
    } else {
      h.put("license", "U");
      if (!name.isBlank()) {
        h.put("licenseExtras", name);
      }
    }
    if (!unit.credits().entries().isEmpty()) {
      ArrayNode authors = h.putArray("authors");
      for (Credit c : unit.credits().entries()) {
        ObjectNode a = authors.addObject();
        a.put("name", c.value() + " (" + c.role() + ")");
        a.put("role", "Author");
      }
    }
    ArrayNode deps = h.putArray("preloadedDependencies");
    for (H5pLibrary l : used) {
      ObjectNode d = deps.addObject();
      d.put("machineName", l.machineName());
      d.put("majorVersion", l.major());
      d.put("minorVersion", l.minor());
    }
    return h;
  }

  /** At most 255 bytes of UTF-8 on one line, cut on a character, as H5P's validator wants. */
  static String title(String title) {
    String t = title.replaceAll("\\s+", " ").strip();
    while (t.getBytes(StandardCharsets.UTF_8).length > 255) {
      t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
    }
    return t;
  }
}
