package io.github.coursepack.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Article;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Credits;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Transcript;
import io.github.coursepack.model.Unit;
import io.github.coursepack.model.Video;
import io.github.coursepack.source.CourseReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitPageTest {

  private static final UnitPage.Options OPTIONS =
      new UnitPage.Options("", List.of("assets/scorm12.js"));

  private final Course course =
      CourseReader.read(TestFiles.example(), DiagnosticSink.collecting()).course();

  private Document page(Unit unit) {
    return Jsoup.parse(UnitPage.render(UnitTemplate.defaults(), course, unit, OPTIONS));
  }

  @Test
  void isAFrenchPageWithLandmarksAndTheUnitTitle() {
    Unit unit = course.units().get(0);
    Document doc = page(unit);
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("fr");
    assertThat(doc.title()).isEqualTo(unit.title());
    assertThat(doc.select("h1")).singleElement().extracting(Element::text).isEqualTo(unit.title());
    assertThat(doc.select("header")).hasSize(1);
    assertThat(doc.select("main#contenu")).hasSize(1);
    assertThat(doc.select("footer")).hasSize(1);
    assertThat(doc.selectFirst("a.skip-link").attr("href")).isEqualTo("#contenu");
  }

  @Test
  void embedsThePeerTubeVideoWithFullscreenAllowed() {
    Element iframe = page(course.units().get(0)).selectFirst("iframe");
    assertThat(iframe.attr("src"))
        .isEqualTo(course.units().get(0).video().orElseThrow().embed().orElseThrow().toString());
    assertThat(iframe.hasAttr("allowfullscreen")).isTrue();
    assertThat(iframe.attr("allow")).isEqualTo("fullscreen");
    assertThat(iframe.attr("title")).startsWith("Vidéo : ");
  }

  @Test
  void showsEveryTranscriptSentenceWithItsLineAndALabelledSearch() {
    Unit unit = course.units().get(0);
    Document doc = page(unit);
    List<Sentence> sentences = unit.transcript().sentences();
    assertThat(doc.select(".transcript .sentence")).hasSize(sentences.size());
    Element first = doc.selectFirst("#s0");
    assertThat(first.text()).isEqualTo(sentences.get(0).text());
    assertThat(first.attr("data-line")).isEqualTo(String.valueOf(sentences.get(0).line()));
    Element input = doc.selectFirst("input[type=search]");
    assertThat(doc.select("label[for=" + input.id() + "]")).hasSize(1);
    assertThat(doc.selectFirst(".transcript .toggle").attr("aria-controls"))
        .isEqualTo("transcript-body");
  }

  @Test
  void loadsNothingFromTheNetworkButTheVideo() {
    for (Unit unit : course.units()) {
      Document doc = page(unit);
      assertThat(doc.select("script[src], link[href], img[src], source[src]"))
          .allSatisfy(e -> assertThat(e.attr("src") + e.attr("href")).doesNotContain("//"));
      assertThat(doc.select("iframe"))
          .allSatisfy(
              e ->
                  assertThat(e.attr("src"))
                      .startsWith("https://peertube.example.org/videos/embed/"));
      assertThat(doc.select("script[src]"))
          .extracting(e -> e.attr("src"))
          .containsExactly("assets/scorm12.js", "assets/unit.js");
    }
  }

  @Test
  void showsCreditsAndTheCourseLicenceWhenTheUnitNamesNone() {
    Unit article = course.units().get(3);
    assertThat(article.credits().licence()).isEmpty();
    Element licence = page(article).selectFirst(".licence a");
    assertThat(licence.attr("href"))
        .isEqualTo("https://creativecommons.org/licenses/by-sa/4.0/deed.fr");
    Document first = page(course.units().get(0));
    assertThat(first.select(".credits dt")).extracting(Element::text).contains("Scénario");
  }

  @Test
  void escapesTitlesAndTextButKeepsTheSanitisedArticleHtml() {
    Unit unit =
        new Unit(
            "c-u",
            "u",
            "u.md",
            "Le <b> & « Qui fait quoi ? »",
            "Desc \"ok\"",
            "",
            Optional.empty(),
            new Transcript(
                "Transcription",
                List.of(
                    new TextBlock(
                        TextBlock.Kind.PARAGRAPH,
                        List.of(new Sentence(0, "Un <script>alert(1)</script> texte.", 3))))),
            new Article("<p>Un <strong>article</strong></p>", List.of()),
            Credits.NONE,
            Map.of(),
            Quiz.NONE);
    String html = UnitPage.render(UnitTemplate.defaults(), course, unit, OPTIONS);
    Document doc = Jsoup.parse(html);
    assertThat(doc.selectFirst("h1").text()).isEqualTo("Le <b> & « Qui fait quoi ? »");
    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;");
    assertThat(doc.select(".article strong")).hasSize(1);
  }

  @Test
  void playsALocalVideoWithAnHtml5Player(@TempDir Path dir) throws Exception {
    Path mp4 = Files.write(dir.resolve("intro.mp4"), new byte[] {0, 0, 0, 24});
    Unit base = course.units().get(0);
    Unit unit =
        new Unit(
            base.id(),
            base.slug(),
            base.sourceName(),
            base.title(),
            "",
            "",
            Optional.of(
                new Video(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(URI.create("https://x.example.org/v.mp4")),
                    Optional.of(new LocalMedia("u-intro.mp4", mp4, "video/mp4")))),
            base.transcript(),
            Article.NONE,
            Credits.NONE,
            Map.of(),
            Quiz.NONE);
    Document doc =
        Jsoup.parse(
            UnitPage.render(
                UnitTemplate.defaults(), course, unit, new UnitPage.Options("../../", List.of())));
    assertThat(doc.select("iframe")).isEmpty();
    assertThat(doc.selectFirst("video source").attr("src")).isEqualTo("../../media/u-intro.mp4");
    assertThat(doc.selectFirst("video source").attr("type")).isEqualTo("video/mp4");
    assertThat(doc.selectFirst("link[rel=stylesheet]").attr("href"))
        .isEqualTo("../../assets/unit.css");
  }

  @Test
  void aCourseTemplateOverridesTheDefaultFileByFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("assets"));
    Files.writeString(dir.resolve("assets/unit.css"), "body { color: #000; }");
    Files.writeString(dir.resolve("assets/logo.txt"), "académie");
    Files.writeString(dir.resolve("assets/.DS_Store"), "junk");
    UnitTemplate t = UnitTemplate.load(Optional.of(dir), DiagnosticSink.collecting());
    assertThat(t.assets())
        .containsKeys("assets/unit.css", "assets/unit.js", "assets/logo.txt")
        .doesNotContainKey("assets/.DS_Store");
    assertThat(new String(t.assets().get("assets/unit.css"))).isEqualTo("body { color: #000; }");
  }

  @Test
  void aTemplateThatDoesNotCompileIsAnErrorAndTheDefaultPageIsUsed(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("unit.html"), "<h1>{{#title}}</h1>");
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    UnitTemplate t = UnitTemplate.load(Optional.of(dir), sink);
    assertThat(sink.hasErrors()).isTrue();
    assertThat(
            Jsoup.parse(UnitPage.render(t, course, course.units().get(0), OPTIONS)).select("main"))
        .hasSize(1);
  }

  @Test
  void aQuestionOfAFaqIsAHeadingOfTheTranscriptAndParagraphsAreNone() {
    Unit base = course.units().get(0);
    Transcript transcript =
        new Transcript(
            "Transcription",
            List.of(
                new TextBlock(
                    TextBlock.Kind.HEADING,
                    List.of(new Sentence(0, "Qui répare les tablettes ?", 8))),
                new TextBlock(
                    TextBlock.Kind.PARAGRAPH, List.of(new Sentence(1, "C'est la commune.", 10)))));
    Unit unit =
        new Unit(
            base.id(),
            base.slug(),
            base.sourceName(),
            base.title(),
            base.description(),
            base.area(),
            base.video(),
            transcript,
            Article.NONE,
            Credits.NONE,
            Map.of(),
            Quiz.NONE);
    Document doc = page(unit);
    assertThat(doc.select(".transcript-text h3"))
        .singleElement()
        .extracting(Element::text)
        .isEqualTo("Qui répare les tablettes ?");
    assertThat(doc.select(".transcript-text p"))
        .singleElement()
        .extracting(Element::text)
        .isEqualTo("C'est la commune.");
  }
}
