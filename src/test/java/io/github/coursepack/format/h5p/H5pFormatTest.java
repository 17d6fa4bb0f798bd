package io.github.coursepack.format.h5p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.TestFiles;
import io.github.coursepack.format.FormatContext;
import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.ExportFixtures;
import io.github.coursepack.quiz.QuizFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H5pFormatTest {

  @TempDir Path out;

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
  private static Course example;

  private Course example() {
    if (example == null) {
      example = QuizFixtures.quizzes(TestFiles.example(), DiagnosticSink.collecting()).course();
    }
    return example;
  }

  private List<Path> build(Course course, Path to, Optional<Path> libraries) {
    return new H5pFormat()
        .write(course, TestFiles.context(to, sink, new FormatContext.Options(false, libraries)));
  }

  private static JsonNode json(Map<String, byte[]> files, String name) throws IOException {
    return new ObjectMapper().readTree(files.get(name));
  }

  @Test
  void eachUnitGivesAPackageWithItsTextVideoAndQuestionsThatPassesTheCheck() throws IOException {
    List<Path> packages = build(example(), out, Optional.empty());
    assertThat(packages).hasSize(example().units().size());
    for (Path p : packages) {
      List<PackageFinding> findings = H5pCheck.check(p);
      assertThat(findings).extracting(PackageFinding::rule).containsOnly("H5P-LIBRARY-NOT-BUNDLED");
      Map<String, byte[]> files = TestFiles.unzip(p);
      assertThat(files.keySet()).containsExactly("content/content.json", "h5p.json");
      JsonNode h5p = json(files, "h5p.json");
      assertThat(h5p.path("language").asText()).isEqualTo("fr");
      Quiz quiz = unitOf(p).quiz();
      if (h5p.path("mainLibrary").asText().equals("H5P.InteractiveVideo")) {
        // The unit whose front matter gives the video's duration (durée : 4 min 30): no pool, the
        // blueprint's questions only.
        JsonNode iv = json(files, "content/content.json").path("interactiveVideo");
        assertThat(iv.path("assets").path("interactions").size())
            .isPositive()
            .isEqualTo(notMatching(quiz.drawn()));
        assertThat(iv.path("assets").path("endscreens").get(0).path("time").asDouble())
            .isEqualTo(270.0);
        continue;
      }
      assertThat(h5p.path("mainLibrary").asText()).isEqualTo("H5P.Column");
      assertThat(h5p.path("language").asText()).isEqualTo("fr");
      assertThat(h5p.path("preloadedDependencies").get(0).path("minorVersion").isInt()).isTrue();
      JsonNode items = json(files, "content/content.json").path("content");
      List<String> libraries = new ArrayList<>();
      items.forEach(i -> libraries.add(i.path("content").path("library").asText()));
      assertThat(libraries).contains("H5P.AdvancedText 1.1", "H5P.QuestionSet 1.20");
      JsonNode set = items.get(items.size() - 1).path("content").path("params");
      assertThat(set.path("passPercentage").asInt()).isEqualTo(example().passMark());
      // The whole bank (but matching questions), of which each attempt asks drawCount.
      int inSet = notMatching(quiz.questions());
      assertThat(set.path("questions").size()).isEqualTo(inSet);
      assertThat(set.path("poolSize").asInt())
          .isEqualTo(quiz.draws() ? Math.min(quiz.drawCount(), inSet) : inSet);
      set.path("questions")
          .forEach(
              q ->
                  assertThat(q.path("subContentId").asText())
                      .matches("[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}"));
    }
    assertThat(sink.list())
        .anySatisfy(
            d ->
                assertThat(d.message())
                    .contains("the site must have H5P.Column 1.18", "H5P.QuestionSet 1.20"));
  }

  private Unit unitOf(Path p) {
    return example().units().stream()
        .filter(u -> p.getFileName().toString().equals(u.slug() + ".h5p"))
        .findFirst()
        .orElseThrow();
  }

  private static int notMatching(List<Question> questions) {
    return (int) questions.stream().filter(q -> !(q instanceof Question.Matching)).count();
  }

  /** True-or-false statements written for the test, not by the generator. */
  private static List<Question> statements(int count) {
    List<Question> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(
          new Question.TrueFalse(
              "c-u-truefalse-s" + i,
              "Affirmation " + i + ".",
              i % 2 == 0,
              "dsi",
              "Dit.",
              List.of(),
              Polarity.POSITIVE));
    }
    return list;
  }

  /** The fields of H5P.QuestionSet 1.20.8's semantics.json that hold the questions and the pool. */
  private static final String QUESTION_SET_SEMANTICS =
      "[{\"name\": \"passPercentage\", \"type\": \"number\", \"min\": 0, \"max\": 100,"
          + " \"step\": 1, \"default\": 50},"
          + " {\"name\": \"questions\", \"type\": \"list\", \"min\": 1, \"field\":"
          + " {\"name\": \"question\", \"type\": \"library\", \"options\":"
          + " [\"H5P.MultiChoice 1.16\", \"H5P.TrueFalse 1.8\"]}},"
          + " {\"name\": \"randomQuestions\", \"type\": \"boolean\", \"default\": false},"
          + " {\"name\": \"poolSize\", \"type\": \"number\", \"min\": 1,"
          + " \"optional\": true}]";

  @Test
  void aDrawingQuizPutsItsWholeBankInTheQuestionSetWithAPoolOfDrawCount() throws IOException {
    Course fixture = ExportFixtures.course();
    Unit unit = fixture.units().get(0);
    List<Question> bank = new ArrayList<>(unit.quiz().questions()); // who, true/false, matching
    bank.addAll(statements(4));
    Course drawing =
        fixture.withUnits(List.of(unit.withQuiz(new Quiz(bank, fixture.passMark(), 3))));
    Path p = build(drawing, out, Optional.empty()).get(0);
    assertThat(H5pCheck.check(p))
        .extracting(PackageFinding::rule)
        .containsOnly("H5P-LIBRARY-NOT-BUNDLED");
    JsonNode items = json(TestFiles.unzip(p), "content/content.json").path("content");
    JsonNode set = items.get(items.size() - 1).path("content").path("params");
    assertThat(set.path("questions")).hasSize(6); // the bank but its matching question
    assertThat(set.path("questions").get(5).path("params").path("question").asText())
        .isEqualTo("<p>Affirmation 3.</p>");
    assertThat(set.path("poolSize").asInt()).isEqualTo(3);
    // The field as H5P.QuestionSet's semantics define it: a number of at least 1.
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> semantics =
        Map.of("H5P.QuestionSet 1.20", mapper.readTree(QUESTION_SET_SEMANTICS));
    List<PackageFinding> findings = new ArrayList<>();
    H5pSemantics checker = new H5pSemantics(semantics, findings, "content/content.json");
    assertThat(checker.check("H5P.QuestionSet 1.20", set, "")).isTrue();
    assertThat(findings).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) set).put("poolSize", 0);
    checker.check("H5P.QuestionSet 1.20", set, "");
    assertThat(findings)
        .extracting(PackageFinding::message)
        .containsExactly("/poolSize: 0 is below the minimum 1");
    // A quiz that asks its whole bank: a pool of the whole set, as before banks.
    Path all = build(fixture, out.resolve("all"), Optional.empty()).get(0);
    JsonNode allItems = json(TestFiles.unzip(all), "content/content.json").path("content");
    JsonNode allSet = allItems.get(allItems.size() - 1).path("content").path("params");
    assertThat(allSet.path("poolSize").asInt()).isEqualTo(allSet.path("questions").size());
  }

  @Test
  void anInteractiveVideoAsksTheBlueprintOnly(@TempDir Path dir) throws IOException {
    Course course = localVideoCourse(dir);
    Unit unit = course.units().get(0);
    Course drawing =
        course.withUnits(List.of(unit.withQuiz(new Quiz(statements(6), course.passMark(), 2))));
    Path p = build(drawing, out, Optional.empty()).get(0);
    JsonNode iv = json(TestFiles.unzip(p), "content/content.json").path("interactiveVideo");
    JsonNode interactions = iv.path("assets").path("interactions");
    assertThat(interactions).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(interactions.get(i).path("action").path("params").path("question").asText())
          .isEqualTo("<p>Affirmation " + i + ".</p>");
    }
    // The summary pairs the statements asked: the first true and the first false one.
    JsonNode summaries = iv.path("summary").path("task").path("params").path("summaries");
    assertThat(summaries).hasSize(1);
    assertThat(summaries.get(0).path("summary").get(1).asText()).isEqualTo("<p>Affirmation 1.</p>");
  }

  @Test
  void anMp4BecomesAnInteractiveVideoWhenTimedAnH5pVideoOtherwiseAndAnEmbedALink()
      throws IOException {
    for (Path p : build(example(), out, Optional.empty())) {
      String content =
          new String(TestFiles.unzip(p).get("content/content.json"), StandardCharsets.UTF_8);
      var video =
          example().units().stream()
              .filter(u -> p.getFileName().toString().equals(u.slug() + ".h5p"))
              .findFirst()
              .orElseThrow()
              .video();
      if (video.flatMap(v -> v.duration()).isPresent()) {
        // A remote MP4 whose duration the front matter gives: an interactive video.
        assertThat(content)
            .startsWith("{\"interactiveVideo\"")
            .contains("\"path\":\"" + video.get().download().get() + "\"");
      } else if (video.flatMap(v -> v.download()).isPresent()) {
        assertThat(content)
            .contains("\"library\":\"H5P.Video 1.6\"")
            .contains("\"mime\":\"video/mp4\"");
      } else if (video.isPresent()) {
        assertThat(content).doesNotContain("H5P.Video").contains("Regarder la vidéo");
      } else {
        assertThat(content).doesNotContain("H5P.Video").doesNotContain("Regarder la vidéo");
      }
    }
  }

  @Test
  void theSameCourseGivesTheSameBytes(@TempDir Path other) throws IOException {
    List<Path> a = build(example(), out, Optional.empty());
    List<Path> b = build(example(), other, Optional.empty());
    for (int i = 0; i < a.size(); i++) {
      assertThat(Files.mismatch(a.get(i), b.get(i))).isEqualTo(-1L);
    }
  }

  @Test
  void frenchTextAndMarkupCharactersAreEscapedInHtmlFields() throws IOException {
    Path p = build(ExportFixtures.course(), out, Optional.empty()).get(0);
    Map<String, byte[]> files = TestFiles.unzip(p);
    assertThat(json(files, "h5p.json").path("title").asText())
        .isEqualTo("Unité 1/2 : la DSI & le DPD");
    JsonNode items = json(files, "content/content.json").path("content");
    assertThat(items.get(0).path("content").path("params").path("text").asText())
        .isEqualTo("<p>Une &lt;description&gt;.</p>");
    JsonNode questions =
        items.get(items.size() - 1).path("content").path("params").path("questions");
    assertThat(questions).hasSize(2);
    JsonNode mc = questions.get(0).path("params");
    assertThat(mc.path("question").asText())
        .isEqualTo("<p>D'après la vidéo, qui gère la messagerie : {académique} ~ = # \\ ?</p>");
    assertThat(mc.path("answers").get(1).path("text").asText())
        .isEqualTo("<div>Le DPD &lt;expert&gt;</div>");
    assertThat(questions.get(1).path("params").path("correct").asText()).isEqualTo("false");
    assertThat(sink.list())
        .anySatisfy(d -> assertThat(d.message()).contains("(matching) is left out"));
  }

  @Test
  void aTitleIsCutToH5ps255BytesOnACharacter() {
    String t = H5pContent.title("é".repeat(200));
    assertThat(t.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    assertThat(t).isEqualTo("é".repeat(127));
  }

  /** A small library set: each library.json names its dependencies, one an editor library. */
  private Path libraries(boolean withEditor) throws IOException {
    Path dir = Files.createDirectories(out.resolve("libs"));
    for (H5pLibrary l : H5pLibrary.DEFAULTS) {
      String deps =
          l.equals(H5pLibrary.COLUMN)
              ? ", \"preloadedDependencies\": [{\"machineName\": \"H5P.Transition\","
                  + " \"majorVersion\": 1, \"minorVersion\": 0}], \"editorDependencies\":"
                  + " [{\"machineName\": \"H5PEditor.VerticalTabs\", \"majorVersion\": 1,"
                  + " \"minorVersion\": 3}]"
              : "";
      library(dir, l, deps);
    }
    library(dir, new H5pLibrary("H5P.Transition", 1, 0), "");
    if (withEditor) {
      library(dir, new H5pLibrary("H5PEditor.VerticalTabs", 1, 3), "");
    }
    library(dir, new H5pLibrary("H5P.Unused", 2, 0), "");
    return dir;
  }

  private static void library(Path dir, H5pLibrary l, String deps) throws IOException {
    Path f = Files.createDirectories(dir.resolve(l.folder()));
    Files.writeString(
        f.resolve("library.json"),
        "{\"title\": \""
            + l.machineName()
            + "\", \"machineName\": \""
            + l.machineName()
            + "\", \"majorVersion\": "
            + l.major()
            + ", \"minorVersion\": "
            + l.minor()
            + ", \"patchVersion\": 3, \"runnable\": 1, \"coreApi\": {\"majorVersion\": 1,"
            + " \"minorVersion\": 24}, \"preloadedJs\": [{\"path\": \"lib.js\"}]"
            + deps
            + "}");
    Files.writeString(f.resolve("lib.js"), "/* " + l + " */");
  }

  @Test
  void librariesAreBundledWithTheirWholeClosureFromAFolderOrAnH5p() throws Exception {
    Path dir = libraries(true);
    Path p = build(ExportFixtures.course(), out.resolve("a"), Optional.of(dir)).get(0);
    assertThat(H5pCheck.check(p)).isEmpty();
    Map<String, byte[]> files = TestFiles.unzip(p);
    assertThat(files.keySet())
        .contains(
            "H5P.Column-1.18/library.json",
            "H5P.Transition-1.0/lib.js",
            "H5PEditor.VerticalTabs-1.3/library.json",
            "H5P.MultiChoice-1.16/lib.js")
        .noneMatch(n -> n.startsWith("H5P.Unused"))
        .noneMatch(n -> n.startsWith("H5P.Video-"));
    // The same libraries inside an .h5p, as a content bank exports them.
    Path h5p = out.resolve("libs.h5p");
    Map<String, byte[]> all = new java.util.TreeMap<>(files);
    TestFiles.zip(h5p, all);
    Path q = build(ExportFixtures.course(), out.resolve("b"), Optional.of(h5p)).get(0);
    assertThat(TestFiles.unzip(q).keySet()).isEqualTo(files.keySet());
  }

  @Test
  void aLibraryMissingFromTheSourceIsAnErrorThatNamesIt() throws Exception {
    Path dir = libraries(false);
    List<Path> written = build(ExportFixtures.course(), out.resolve("c"), Optional.of(dir));
    assertThat(written).isEmpty();
    assertThat(sink.list())
        .anySatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.message())
                  .contains("H5PEditor.VerticalTabs 1.3 (needed by H5P.Column 1.18)");
            });
  }

  /** A minimal MP4: ftyp, moov/mvhd (timescale 1000, the given duration), and an mdat. */
  static byte[] mp4(long millis) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + 8 + 108 + 8 + 1000);
    b.putInt(16).put("ftyp".getBytes()).put("isom".getBytes()).putInt(512);
    b.putInt(8 + 108).put("moov".getBytes());
    b.putInt(108).put("mvhd".getBytes());
    b.put((byte) 0).put(new byte[3]).putInt(0).putInt(0).putInt(1000).putInt((int) millis);
    b.put(new byte[108 - 8 - 20]);
    b.putInt(8 + 1000).put("mdat".getBytes()).put(new byte[1000]);
    return b.array();
  }

  private Course localVideoCourse(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("videos"));
    Files.write(dir.resolve("videos/cpd.mp4"), mp4(95_000));
    Files.writeString(
        dir.resolve("a.md"),
        "---\ntitle: Le CPD numérique\nvideoFile: videos/cpd.mp4\n---\n\n## Transcription\n\n"
            + "Le CPD numérique anime le réseau des eRUN du département. La DSI déploie les"
            + " applications académiques. Le DPD conseille le chef d'établissement. Le référent"
            + " numérique n'assure pas la maintenance du parc. Les IAN valorisent les projets"
            + " pédagogiques de leur discipline.\n");
    return QuizFixtures.quizzes(dir, DiagnosticSink.collecting()).course();
  }

  @Test
  void theDurationOfAnMp4IsReadFromItsMovieHeader(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("v.mp4"), mp4(95_500));
    assertThat(Mp4Duration.of(f)).hasValue(95.5);
    assertThat(Mp4Duration.of(Files.write(dir.resolve("x.mp4"), new byte[100]))).isEmpty();
  }

  @Test
  void aLocalMp4GivesAnInteractiveVideoWithTheQuestionsAtItsEnd(@TempDir Path dir)
      throws IOException {
    Course course = localVideoCourse(dir);
    Path p = build(course, out, Optional.empty()).get(0);
    assertThat(H5pCheck.check(p))
        .extracting(PackageFinding::rule)
        .containsOnly("H5P-LIBRARY-NOT-BUNDLED");
    Map<String, byte[]> files = TestFiles.unzip(p);
    assertThat(files).containsKey("content/videos/le-cpd-numerique-cpd.mp4");
    JsonNode h5p = json(files, "h5p.json");
    assertThat(h5p.path("mainLibrary").asText()).isEqualTo("H5P.InteractiveVideo");
    JsonNode iv = json(files, "content/content.json").path("interactiveVideo");
    assertThat(iv.path("video").path("files").get(0).path("path").asText())
        .isEqualTo("videos/le-cpd-numerique-cpd.mp4");
    JsonNode interactions = iv.path("assets").path("interactions");
    assertThat(interactions.size()).isPositive();
    double last = -1;
    for (JsonNode i : interactions) {
      double from = i.path("duration").path("from").asDouble();
      assertThat(from).isGreaterThan(last).isGreaterThan(95 - interactions.size() - 1.0);
      assertThat(i.path("duration").path("to").asDouble()).isLessThanOrEqualTo(95.0);
      assertThat(i.path("pause").asBoolean()).isTrue();
      last = from;
    }
    assertThat(iv.path("assets").path("endscreens").get(0).path("time").asDouble()).isEqualTo(95.0);
  }

  @Test
  void aRealMoodleDeploysThePackagesWithTheirLibraries(@TempDir Path dir) throws Exception {
    Path script = io.github.coursepack.MoodleLab.script("h5p-check.sh");
    String libs = System.getenv("H5P_LIBRARIES");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        libs != null && Files.exists(Path.of(libs)),
        "skipped: H5P_LIBRARIES names no library folder or .h5p (real H5P libraries)");
    List<Path> packages =
        new ArrayList<>(build(example(), out.resolve("column"), Optional.of(Path.of(libs))));
    packages.addAll(build(localVideoCourse(dir), out.resolve("iv"), Optional.of(Path.of(libs))));
    assertThat(packages).hasSize(example().units().size() + 1);
    // With the libraries' semantics in the packages, H5pCheck checked content.json against them.
    assertThat(sink.hasErrors()).as(sink.list().toString()).isFalse();
    for (Path p : packages) {
      assertThat(H5pCheck.check(p))
          .noneMatch(f -> f.severity() == io.github.coursepack.model.Severity.ERROR);
      String output =
          io.github.coursepack.MoodleLab.run(script, p.toString(), "--fresh-libs", "--delete");
      assertThat(output).as(p.toString()).contains("H5P OK");
    }
  }
}
