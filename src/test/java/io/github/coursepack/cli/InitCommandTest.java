package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  @TempDir Path tmp;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(stdout), new PrintWriter(stderr), false, args);
  }

  @Test
  void initWritesACourseThatBuildsAsItIsWithAQuizAndNoDiagnostic() throws IOException {
    Path course = tmp.resolve("formation-erun");
    assertThat(run("init", course.toString())).isEqualTo(Main.OK);
    assertThat(course.resolve("course.yaml")).exists();
    assertThat(course.resolve("01-premiere-video.md")).exists();
    assertThat(Files.readString(course.resolve("course.yaml")))
        .contains("title: \"Formation erun\"")
        .contains("shortname: formation-erun");

    Path out = tmp.resolve("out");
    assertThat(run("build", course.toString(), "--out", out.toString())).isEqualTo(Main.OK);
    assertThat(stderr.toString()).doesNotContain("warning:").doesNotContain("error:");
    assertThat(stdout.toString()).contains("(0 errors, 0 warnings");
    assertThat(Validator.validate(out.resolve("mbz/formation-erun.mbz")).findings()).isEmpty();
    try (var quizzes = Files.list(out.resolve("quiz"))) {
      Path json = quizzes.findFirst().orElseThrow();
      JsonNode quiz = new ObjectMapper().readTree(json.toFile());
      assertThat(quiz.path("questions").size())
          .as("the sample transcript shows what a quiz looks like")
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void aTitleWithColonsAndQuotesIsKeptWhole() throws IOException {
    Path course = tmp.resolve("c");
    assertThat(run("init", course.toString(), "--title", "Le GAR : \"mode d'emploi\" # 1"))
        .isEqualTo(Main.OK);
    Path out = tmp.resolve("out");
    assertThat(run("build", course.toString(), "--out", out.toString(), "--format", "report"))
        .isEqualTo(Main.OK);
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("Le GAR : &quot;mode d&#39;emploi&quot; # 1");
  }

  @Test
  void initNeverWritesIntoAFolderThatHoldsFiles() throws IOException {
    Path course = tmp.resolve("mine");
    Files.createDirectories(course);
    Files.writeString(course.resolve("course.yaml"), "title: Le mien\n");
    assertThat(run("init", course.toString())).isEqualTo(Main.USAGE);
    assertThat(stderr.toString()).contains("already holds files");
    assertThat(Files.readString(course.resolve("course.yaml"))).isEqualTo("title: Le mien\n");
    assertThat(course.resolve("01-premiere-video.md")).doesNotExist();
  }

  @Test
  void initIntoAnEmptyFolderIsFine() {
    Path course = tmp.resolve("empty");
    assertThat(course.toFile().mkdirs()).isTrue();
    assertThat(run("init", course.toString())).isEqualTo(Main.OK);
    assertThat(course.resolve("course.yaml")).exists();
  }

  @Test
  void initAndTheQuizListingSpeakFrenchUnderLangFr() {
    Path course = tmp.resolve("parcours");
    assertThat(run("--lang", "fr", "init", course.toString())).isEqualTo(Main.OK);
    assertThat(stdout.toString())
        .contains(course + " créé : course.yaml, 01-premiere-video.md")
        .contains("ensuite : modifiez-les, puis lancez coursepack build " + course);
    assertThat(run("--lang", "fr", "init", course.toString())).isEqualTo(Main.USAGE);
    assertThat(stderr.toString()).contains("contient déjà des fichiers");

    assertThat(run("--lang", "fr", "quiz", course.toString(), "--all")).isEqualTo(Main.OK);
    assertThat(stdout.toString())
        .containsPattern(
            "== Qui accompagne les écoles dans le numérique \\? \\(01-premiere-video.md\\) : \\d+ questions")
        .contains("    réponse : ")
        .contains("    d’après : 01-premiere-video.md:")
        .doesNotContain("evidence:")
        .doesNotContain("answer:");
  }
}
