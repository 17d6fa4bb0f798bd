package io.github.coursepack.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.format.scorm.Scorm12Format;
import io.github.coursepack.format.scorm.Scorm2004Format;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Unit;
import io.github.coursepack.source.CourseReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {

  @TempDir Path out;

  private Course course;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void buildTheExample() {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    course = CourseReader.read(TestFiles.example(), sink).course();
    new Scorm12Format().write(course, TestFiles.context(out, sink));
  }

  private HttpResponse<String> get(PreviewServer s, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(s.address().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listensOnLoopbackOnlyAndListsTheUnitsInCourseOrder() throws Exception {
    try (PreviewServer s = PreviewServer.start(out, 0, false)) {
      assertThat(s.address().getHost()).isEqualTo("127.0.0.1");
      assertThat(s.units()).isEqualTo(course.units().size());
      String index = get(s, "/").body();
      int last = -1;
      for (Unit u : course.units()) {
        int at = index.indexOf("href=\"/unit/" + u.slug() + "/\"");
        assertThat(at).as(u.slug()).isGreaterThan(last);
        last = at;
      }
      assertThat(index).doesNotContain("/unit/qfq-num/").contains("lang=\"fr\"");
    }
  }

  @Test
  void thePlayerFramesTheUnitUnderTheLmsStandIn() throws Exception {
    Unit unit = course.units().get(0);
    try (PreviewServer s = PreviewServer.start(out, 0, false)) {
      String player = get(s, "/unit/" + unit.slug() + "/").body();
      assertThat(player)
          .contains(
              "<script src=\"/_preview/lms-standin.js\" data-unit=\""
                  + unit.slug()
                  + "\" data-edition=\"1.2\">")
          .contains("<iframe id=\"sco\" class=\"sco\" src=\"/sco/" + unit.slug() + "/index.html\"")
          .contains(unit.title());
      HttpResponse<String> page = get(s, "/sco/" + unit.slug() + "/index.html");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
      assertThat(page.body()).contains("assets/scorm12.js");
      HttpResponse<String> js = get(s, "/sco/" + unit.slug() + "/assets/scorm12.js");
      assertThat(js.headers().firstValue("Content-Type"))
          .contains("text/javascript; charset=utf-8");
      assertThat(get(s, "/_preview/lms-standin.js").body())
          .contains("window.API = api12;", "window.API_1484_11 = api2004;");
      assertThat(get(s, "/unit/" + unit.slug()).statusCode()).isEqualTo(301);
    }
  }

  @Test
  void aUnitWithASecondPackageInScorm2004IsPlayedAtItsOwnAddressUnderThe2004StandIn(
      @TempDir Path only2004) throws Exception {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    new Scorm2004Format().write(course, TestFiles.context(out, sink));
    Unit unit = course.units().get(0);
    try (PreviewServer s = PreviewServer.start(out, 0, false)) {
      assertThat(s.units()).isEqualTo(course.units().size());
      assertThat(get(s, "/").body())
          .contains(
              "href=\"/unit/" + unit.slug() + "/\"", "href=\"/unit2004/" + unit.slug() + "/\"");
      String player = get(s, "/unit2004/" + unit.slug() + "/").body();
      assertThat(player)
          .contains("data-edition=\"2004\"")
          .contains("src=\"/sco2004/" + unit.slug() + "/index.html\"");
      assertThat(get(s, "/sco2004/" + unit.slug() + "/index.html").body())
          .contains("assets/scorm2004.js");
      assertThat(get(s, "/unit/" + unit.slug() + "/").body()).contains("data-edition=\"1.2\"");
    }
    // A folder with SCORM 2004 packages only: they are the units, played at /unit/<slug>/.
    new Scorm2004Format().write(course, TestFiles.context(only2004, sink));
    assertThat(PreviewServer.isOutputFolder(only2004)).isTrue();
    try (PreviewServer s = PreviewServer.start(only2004, 0, false)) {
      assertThat(s.units()).isEqualTo(course.units().size());
      assertThat(get(s, "/unit/" + unit.slug() + "/").body())
          .contains("data-edition=\"2004\"", "src=\"/sco/" + unit.slug() + "/index.html\"");
      assertThat(get(s, "/sco/" + unit.slug() + "/index.html").body())
          .contains("assets/scorm2004.js");
    }
  }

  @Test
  void theCourseReportIsLinkedFromTheIndexWhenTheBuildWroteOne() throws Exception {
    try (PreviewServer s = PreviewServer.start(out, 0, false)) {
      assertThat(get(s, "/").body()).doesNotContain("/report.html");
      assertThat(get(s, "/report.html").statusCode()).isEqualTo(404);
    }
    new io.github.coursepack.format.report.ReportFormat()
        .write(course, TestFiles.context(out, DiagnosticSink.collecting()));
    try (PreviewServer s = PreviewServer.start(out, 0, false)) {
      assertThat(get(s, "/").body()).contains("href=\"/report.html\"", "Bilan du parcours");
      HttpResponse<String> report = get(s, "/report.html");
      assertThat(report.statusCode()).isEqualTo(200);
      assertThat(report.body()).contains("<h1>" + course.title().replace("'", "&#39;"));
    }
  }

  @Test
  void nothingOutsideTheUnitPackagesIsServed() throws Exception {
    Unit unit = course.units().get(0);
    try (PreviewServer s = PreviewServer.start(out, 0, false)) {
      for (String path :
          List.of(
              "/sco/" + unit.slug() + "/../../etc/passwd",
              "/sco/" + unit.slug() + "/%2e%2e/%2e%2e/etc/passwd",
              "/sco/" + unit.slug() + "/imsmanifest.xm",
              "/sco/nothing/index.html",
              "/unit/nothing/",
              "/_preview/../pom.xml",
              "/_preview/index.html")) {
        assertThat(get(s, path).statusCode()).as(path).isEqualTo(404);
      }
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(s.address().resolve("/"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void aReloadBumpsTheVersionThatWatchingPagesPoll() throws Exception {
    try (PreviewServer s = PreviewServer.start(out, 0, true)) {
      String before = get(s, "/_preview/version").body();
      assertThat(get(s, "/").body()).contains("data-watch");
      s.reload();
      assertThat(get(s, "/_preview/version").body()).isNotEqualTo(before);
      assertThat(URI.create(s.address().toString()).getPort()).isPositive();
    }
  }

  @Test
  void rangeRequestsGetTheBytesAskedForSoThatVideosCanSeek() throws Exception {
    Unit unit = course.units().get(0);
    try (PreviewServer s = PreviewServer.start(out, 0, false)) {
      URI css = s.address().resolve("/sco/" + unit.slug() + "/assets/unit.css");
      byte[] whole =
          http.send(HttpRequest.newBuilder(css).build(), HttpResponse.BodyHandlers.ofByteArray())
              .body();
      HttpResponse<byte[]> part =
          http.send(
              HttpRequest.newBuilder(css).header("Range", "bytes=10-19").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(part.statusCode()).isEqualTo(206);
      assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 10, 20));
      assertThat(part.headers().firstValue("Content-Range"))
          .contains("bytes 10-19/" + whole.length);
      HttpResponse<byte[]> tail =
          http.send(
              HttpRequest.newBuilder(css).header("Range", "bytes=-5").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(tail.body())
          .isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 5, whole.length));
      HttpResponse<byte[]> beyond =
          http.send(
              HttpRequest.newBuilder(css).header("Range", "bytes=999999-").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(beyond.statusCode()).isEqualTo(416);
    }
    assertThat(PreviewServer.range(null, 100)).containsExactly(0, 99);
    assertThat(PreviewServer.range("bytes=0-0,5-9", 100)).containsExactly(0, 99);
  }
}
