package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  private String get(URI base, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(base.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Waits until the command has printed its address. */
  private static URI address(StringWriter stdout) throws InterruptedException {
    Pattern url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    for (int i = 0; i < 600; i++) {
      Matcher m = url.matcher(stdout.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no address printed: " + stdout);
  }

  @Test
  void watchRebuildsAfterAnEditAndTheNewTitleIsServed() throws Exception {
    Path course = Files.createDirectories(dir.resolve("cours"));
    Path resource = course.resolve("a.md");
    Files.writeString(
        resource,
        "---\ntitle: Le CPD numérique\n---\n\n## Transcription\n\n"
            + "Le CPD numérique anime le réseau des eRUN du département.\n");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    Thread run =
        new Thread(
            () ->
                Main.run(
                    new PrintWriter(stdout, true),
                    new PrintWriter(stderr, true),
                    false,
                    "preview",
                    course.toString(),
                    "--port",
                    "0",
                    "--watch",
                    "--out",
                    dir.resolve("out").toString()));
    run.setDaemon(true);
    run.start();
    URI base = address(stdout);
    assertThat(stdout.toString())
        .contains("Preview of 1 unit at")
        .contains("rebuilt on every edit");
    assertThat(get(base, "/")).contains("Le CPD numérique");
    String version = get(base, "/_preview/version");

    Files.writeString(
        resource, Files.readString(resource).replace("title: Le CPD", "title: Un CPD"));
    for (int i = 0; i < 600 && get(base, "/_preview/version").equals(version); i++) {
      Thread.sleep(100);
    }
    assertThat(get(base, "/_preview/version")).isNotEqualTo(version);
    assertThat(get(base, "/")).contains("Un CPD numérique");
    assertThat(stdout.toString()).contains("rebuilt 1 unit in");
  }

  @Test
  void aPortAlreadyTakenIsAUsageError() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path outDir = Files.createDirectories(dir.resolve("out/scorm12"));
      StringWriter stderr = new StringWriter();
      int code =
          Main.run(
              new PrintWriter(new StringWriter()),
              new PrintWriter(stderr, true),
              false,
              "preview",
              outDir.getParent().toString(),
              "--port",
              String.valueOf(taken.getLocalPort()));
      assertThat(code).isEqualTo(Main.USAGE);
      assertThat(stderr.toString()).contains("is taken on 127.0.0.1; choose another with --port");
    }
  }

  @Test
  void aTakenPortIsSaidBeforeAnythingIsBuilt() throws Exception {
    Path course = Files.createDirectories(dir.resolve("cours"));
    Files.writeString(
        course.resolve("a.md"),
        "---\ntitle: Le CPD\n---\n\n## Transcription\n\nLe CPD anime le réseau.\n");
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      int code =
          Main.run(
              new PrintWriter(stdout, true),
              new PrintWriter(stderr, true),
              false,
              "preview",
              course.toString(),
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--out",
              dir.resolve("out").toString());
      assertThat(code).isEqualTo(Main.USAGE);
      assertThat(stderr.toString())
          .isEqualTo(
              "coursepack: port "
                  + taken.getLocalPort()
                  + " is taken on 127.0.0.1; choose another with --port"
                  + System.lineSeparator());
      assertThat(dir.resolve("out")).doesNotExist();
    }
  }
}
