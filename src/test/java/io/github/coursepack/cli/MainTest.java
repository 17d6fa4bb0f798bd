package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.Subprocess;
import io.github.coursepack.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(stdout), new PrintWriter(stderr), false, args);
  }

  private List<String> zipNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void buildWritesTheArchivesAndExitsZeroWithWarnings() throws IOException {
    int code = run("build", TestFiles.example().toString(), "--out", out.toString());
    assertThat(code).isEqualTo(Main.OK);
    assertThat(zipNames(out.resolve("scorm12"))).hasSize(5).contains("qfq-num.zip");
    assertThat(zipNames(out.resolve("questions"))).containsExactly("qfq-num.gift", "qfq-num.xml");
    assertThat(zipNames(out.resolve("quiz"))).hasSize(4);
    assertThat(zipNames(out.resolve("mbz"))).containsExactly("qfq-num.mbz");
    assertThat(zipNames(out.resolve("cc"))).containsExactly("qfq-num.imscc");
    assertThat(stdout.toString())
        .contains("[1/4 01-le-cpd-numerique.md]")
        .contains("23 archives from 4 units")
        .contains("upload to M@gistère: " + out.resolve("mbz/qfq-num.mbz"))
        .contains("  how: in the course, Plus › Réutilisation de cours › Restauration");
    assertThat(stdout.toString().strip().lines().toList())
        .as("the summary ends with the file to upload and how")
        .last()
        .asString()
        .startsWith("  how: ");
    assertThat(stderr.toString()).contains("02-la-dsi-et-le-dpd.md:3:52: warning: not valid YAML");
  }

  @Test
  void mbzScormAddsAScormActivityPerUnitToTheBackupOnly() throws IOException {
    int code =
        run(
            "build",
            TestFiles.example().toString(),
            "--out",
            out.toString(),
            "--format",
            "mbz",
            "--mbz-scorm");
    assertThat(code).isEqualTo(Main.OK);
    assertThat(zipNames(out)).doesNotContain("scorm12");
    Path mbz = out.resolve("mbz/qfq-num.mbz");
    assertThat(TestFiles.untar(mbz).keySet().stream().filter(n -> n.endsWith("/scorm.xml")))
        .hasSize(4);
    assertThat(io.github.coursepack.format.moodle.MbzCheck.check(mbz)).isEmpty();
  }

  @Test
  void validateExitsZeroOnWhatBuildWroteOneOnABrokenArchiveTwoOnAMissingPath() throws IOException {
    assertThat(run("build", TestFiles.example().toString(), "--out", out.toString())).isZero();
    stdout.getBuffer().setLength(0);
    assertThat(run("validate", out.toString())).isEqualTo(Main.OK);
    assertThat(stdout.toString())
        .contains("qfq-num.mbz: Moodle course backup: valid")
        .contains("qfq-num.gift: GIFT questions: valid")
        .doesNotContain("/quiz/");
    Path broken =
        TestFiles.project()
            .resolve("src/test/resources/validate/broken/dangling-identifierref.zip");
    assertThat(run("validate", out.resolve("mbz").toString(), broken.toString()))
        .isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stdout.toString()).contains("[SCORM12-IDREF-DANGLING]");
    assertThat(run("validate", out.resolve("nothing-here.zip").toString())).isEqualTo(Main.USAGE);
  }

  @Test
  void validateWritesAJunitReportToAFileAndStillPrintsTheSummary() throws IOException {
    Path broken = TestFiles.project().resolve("src/test/resources/validate/broken/zip-slip.zip");
    Path report = out.resolve("reports/validate.xml");
    int code =
        run("validate", broken.toString(), "--format", "junit", "--report", report.toString());
    assertThat(code).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(Files.readString(report)).contains("<failure type=\"ARCHIVE-UNSAFE-NAME\"");
    assertThat(stdout.toString()).contains("zip-slip.zip: SCORM 1.2 package: INVALID");
    assertThat(run("validate", broken.toString(), "--format", "yaml")).isEqualTo(Main.USAGE);
  }

  @Test
  void theGitlabCiExampleRunsCommandsThatExistAndPublishesTheReportItWrites() throws IOException {
    Path file = TestFiles.project().resolve("examples/ci/.gitlab-ci.yml");
    Map<String, Object> ci = new org.yaml.snakeyaml.Yaml().load(Files.readString(file));
    @SuppressWarnings("unchecked")
    Map<String, Object> job = (Map<String, Object>) ci.get("course");
    @SuppressWarnings("unchecked")
    List<String> script = (List<String>) job.get("script");
    List<String> coursepack =
        script.stream().filter(l -> l.contains("coursepack.jar ")).map(String::strip).toList();
    assertThat(coursepack).hasSize(2);
    for (String line : coursepack) {
      String[] args =
          line.substring(line.indexOf("coursepack.jar ") + 15).replace("\"", "").split("\\s+");
      // Parsing is enough: the options exist and take the values given.
      new picocli.CommandLine(new CoursepackCommand(false)).parseArgs(args);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> reports =
        (Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports");
    assertThat(coursepack.get(1)).contains("--report " + reports.get("junit"));
  }

  @Test
  void strictTurnsWarningsIntoExitCodeOne() {
    assertThat(run("build", TestFiles.example().toString(), "--out", out.toString(), "--strict"))
        .isEqualTo(Main.CONTENT_ERRORS);
  }

  @Test
  void contentErrorsGiveExitCodeOneAndTheOtherResourcesAreBuilt(@TempDir Path course)
      throws IOException {
    // A copy: a build records the units' slugs in the course folder (.coursepack/ids.yaml).
    try (Stream<Path> files = Files.list(TestFiles.fixtureCourse("quirks"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, course.resolve(f.getFileName()));
      }
    }
    int code = run("build", course.toString(), "--out", out.toString());
    assertThat(code).isEqualTo(Main.CONTENT_ERRORS);
    // The 9 good units; the course package is not written while a resource has an error.
    assertThat(zipNames(out.resolve("scorm12"))).hasSize(9).doesNotContain("quirks.zip");
    assertThat(stdout.toString())
        .contains("not written because of the errors above")
        .contains("scorm12/quirks.zip");
    assertThat(stderr.toString())
        .contains("broken-yaml.md:2:8: error: the quote \" opened here is never closed")
        .contains("    title: \"Titre jamais fermé")
        .contains("           ^");
  }

  /** The example course, copied where a test may change it. */
  private static Path exampleCopy(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.example())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private static Map<Path, byte[]> bytes(List<Path> files) throws IOException {
    Map<Path, byte[]> out = new java.util.LinkedHashMap<>();
    for (Path f : files) {
      out.put(f, Files.readAllBytes(f));
    }
    return out;
  }

  @Test
  void aResourceWithAnErrorLeavesTheCourseArchivesAsTheyWereAndTheGoodUnitsAreWritten(
      @TempDir Path dir) throws IOException {
    Path course = exampleCopy(dir);
    assertThat(run("build", course.toString(), "--out", out.toString())).isEqualTo(Main.OK);
    List<Path> courseArchives =
        List.of(
            out.resolve("scorm12/qfq-num.zip"),
            out.resolve("mbz/qfq-num.mbz"),
            out.resolve("questions/qfq-num.xml"),
            out.resolve("questions/qfq-num.gift"));
    Map<Path, byte[]> before = bytes(courseArchives);
    try (Stream<Path> units = Files.list(out.resolve("scorm12"))) {
      for (Path unit : units.filter(p -> !p.endsWith("qfq-num.zip")).toList()) {
        Files.delete(unit);
      }
    }
    Path broken = course.resolve("03-referent-numerique-college.md");
    Files.writeString(
        broken,
        Files.readString(broken)
            .replace("area: Domaine 1\n", "area: Domaine 1\nvideoFile: absente.mp4\n"));
    stdout.getBuffer().setLength(0);

    assertThat(run("build", course.toString(), "--out", out.toString()))
        .isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr.toString()).contains("03-referent-numerique-college.md:5: error: videoFile");
    for (Path archive : courseArchives) {
      assertThat(Files.readAllBytes(archive)).as(archive.toString()).isEqualTo(before.get(archive));
    }
    assertThat(zipNames(out.resolve("scorm12"))).hasSize(4).contains("qfq-num.zip");
    assertThat(stdout.toString())
        .containsOnlyOnce("not written because of the errors above")
        .contains(
            "scorm12/qfq-num.zip, scorm2004/qfq-num.zip, mbz/qfq-num.mbz, questions/qfq-num.xml,"
                + " questions/qfq-num.gift;")
        .contains("--allow-partial")
        .contains(
            "upload to M@gistère: "
                + out.resolve("mbz/qfq-num.mbz")
                + " (FROM THE PREVIOUS BUILD: this build's errors left it as it was");

    stdout.getBuffer().setLength(0);
    assertThat(run("build", course.toString(), "--out", out.toString(), "--allow-partial"))
        .isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stdout.toString()).doesNotContain("not written because");
    for (Path archive : courseArchives) {
      assertThat(Files.readAllBytes(archive))
          .as(archive.toString())
          .isNotEqualTo(before.get(archive));
    }
    String manifest =
        new String(
            TestFiles.unzip(out.resolve("scorm12/qfq-num.zip")).get("imsmanifest.xml"),
            StandardCharsets.UTF_8);
    assertThat(manifest)
        .contains("Le conseiller pédagogique départemental au numérique")
        .doesNotContain("Le référent numérique au collège");
    assertThat(TestFiles.untar(out.resolve("mbz/qfq-num.mbz")).values())
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .anyMatch(x -> x.contains("Le conseiller pédagogique départemental au numérique"))
        .noneMatch(x -> x.contains("Le référent numérique au collège"));
  }

  @Test
  void theTargetOfCourseYamlChoosesTheFileToUpload(@TempDir Path dir) throws IOException {
    Path course = exampleCopy(dir);
    Files.writeString(
        course.resolve("course.yaml"),
        Files.readString(course.resolve("course.yaml")) + "target: scorm-only\n");
    assertThat(run("build", course.toString(), "--out", out.toString(), "--format", "scorm12,mbz"))
        .isZero();
    assertThat(stdout.toString())
        .contains("upload to the platform (SCORM only): " + out.resolve("scorm12/qfq-num.zip"))
        .contains("  how: Mode édition › Ajouter une activité ou une ressource › Paquetage SCORM");
  }

  /** The question ids of a unit's quiz JSON. */
  private static java.util.Set<String> questionIds(Path json) throws IOException {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json.toFile())
        .path("questions")
        .forEach(q -> ids.add(q.path("id").asText()));
    return ids;
  }

  @Test
  void aRebuildAfterAnEditCountsTheQuizChangesAndQuizDiffListsThem(@TempDir Path dir)
      throws IOException {
    Path course = exampleCopy(dir);
    Path json = out.resolve("quiz/le-gar-en-pratique.json");
    assertThat(run("build", course.toString(), "--out", out.toString(), "--format", "quizjson"))
        .isZero();
    assertThat(stdout.toString()).as("a first build").doesNotContain("quiz changes");
    java.util.Set<String> before = questionIds(json);

    Path gar = course.resolve("04-le-gar-en-pratique.txt");
    String sentence =
        " Le délégué à la protection des données conseille le chef d'établissement sur les"
            + " traitements liés au GAR.";
    String text = Files.readString(gar);
    String anchor = "auprès des établissements.";
    assertThat(text).contains(anchor);
    Files.writeString(gar, text.replace(anchor, anchor + sentence));
    // Without quizjson: the comparison does not depend on the quiz JSON being built.
    stdout.getBuffer().setLength(0);
    assertThat(run("build", course.toString(), "--out", out.toString(), "--format", "mbz"))
        .isZero();
    String summary = stdout.toString();

    stdout.getBuffer().setLength(0);
    assertThat(run("build", course.toString(), "--out", out.toString(), "--format", "quizjson"))
        .isZero();
    assertThat(stdout.toString()).as("nothing changed since").doesNotContain("quiz changes");
    java.util.Set<String> after = questionIds(json);
    List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
    List<String> removed = before.stream().filter(id -> !after.contains(id)).toList();
    assertThat(added)
        .as("the new sentence asks who advises the head")
        .anyMatch(id -> id.contains("-who-dpd-"));
    StringBuilder counts = new StringBuilder("le-gar-en-pratique +" + added.size());
    if (!removed.isEmpty()) {
      counts.append(" -").append(removed.size());
    }
    assertThat(summary)
        .contains("quiz changes since the last build: " + counts)
        .contains("other units unchanged");

    stdout.getBuffer().setLength(0);
    assertThat(run("quiz", course.toString(), "--out", out.toString(), "--diff")).isZero();
    String diff = stdout.toString();
    assertThat(diff)
        .contains("Changes of the last build that changed it")
        .contains("== Le GAR en pratique (04-le-gar-en-pratique.txt): +" + added.size())
        .contains("qui conseille le chef d'établissement sur les traitements liés au GAR ?")
        .contains("3 other units unchanged.")
        .doesNotContain("== Le conseiller");
    for (String id : added) {
      assertThat(diff).contains("  + [").contains("id: " + id);
    }
    for (String id : removed) {
      assertThat(diff).contains("  - [").contains("id: " + id);
    }

    // An edit not built yet is what --diff lists first.
    Files.writeString(gar, Files.readString(gar).replace(sentence, ""));
    stdout.getBuffer().setLength(0);
    assertThat(run("quiz", course.toString(), "--out", out.toString(), "--diff")).isZero();
    assertThat(stdout.toString())
        .contains("Quiz changes since the last build (not built yet):")
        .contains("  - [");
  }

  @Test
  void aResourceNestedThousandsOfLevelsDeepIsAnErrorAtItsLineAndTheOthersAreBuilt(@TempDir Path dir)
      throws IOException {
    Path course = exampleCopy(dir);
    Files.writeString(
        course.resolve("05-profond.md"),
        "---\ntitle: Profond\n---\n\n## Transcription\n\n"
            + ">".repeat(5000)
            + " Trop profond.\n\n"
            + "- ".repeat(3000)
            + "point\n");
    int code = run("build", course.toString(), "--out", out.toString(), "--format", "scorm12");
    assertThat(code).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr.toString())
        .contains("05-profond.md:7: error: Markdown nested more than 64 levels deep")
        .doesNotContain("StackOverflowError")
        .doesNotContain("internal error");
    assertThat(zipNames(out.resolve("scorm12"))).hasSize(4).doesNotContain("qfq-num.zip");
    assertThat(stdout.toString()).contains("4 archives from 4 units");
  }

  @Test
  void helpNamesEveryExitCodeAndDebugIsAcceptedByTheCommands() {
    assertThat(run("--help")).isEqualTo(Main.OK);
    assertThat(stdout.toString()).contains("3 internal error outside any resource");
    assertThat(run("check", TestFiles.fixtureCourse("quiz").toString(), "--debug"))
        .isEqualTo(Main.OK);
  }

  /** A command that fails the way a bug outside any resource does. */
  @picocli.CommandLine.Command(name = "fail")
  static final class Failing implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Parameters String how;

    @Override
    public Integer call() {
      if (how.equals("error")) {
        throw new StackOverflowError("deep");
      }
      throw new IllegalStateException("bug");
    }
  }

  @Test
  void aFailureOutsideAnyResourceExitsWithThreeAndAStackTraceEvenForAnError() {
    for (String how : List.of("exception", "error")) {
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new picocli.CommandLine(new Failing()),
              new PrintWriter(stdout),
              new PrintWriter(err),
              how);
      assertThat(code).as(how).isEqualTo(Main.INTERNAL_ERROR);
      assertThat(err.toString())
          .as(how)
          .startsWith("coursepack: internal error: java.lang.")
          .contains("please report it")
          .contains("\tat io.github.coursepack.cli.MainTest$Failing.call");
    }
  }

  @Test
  void checkReadsAndWritesNothing() throws IOException {
    int code = run("check", TestFiles.example().toString());
    assertThat(code).isEqualTo(Main.OK);
    assertThat(stdout.toString()).contains("qfq-num: 4 units read, formats scorm12");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void quietHidesNotesButKeepsWarnings() {
    run("check", TestFiles.example().toString(), "--quiet");
    assertThat(stderr.toString()).contains("warning:").doesNotContain("info:");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("build", out.resolve("nowhere").toString())).isEqualTo(Main.USAGE);
    assertThat(stderr.toString()).contains("nowhere does not exist");
    assertThat(run("build", TestFiles.example().toString(), "--format", "scorm12,pdf"))
        .isEqualTo(Main.USAGE);
    assertThat(stderr.toString()).contains("unknown format pdf");
    assertThat(run("build", TestFiles.example().toString(), "--nope")).isEqualTo(Main.USAGE);
    assertThat(run("build")).isEqualTo(Main.USAGE);
    assertThat(
            run("build", TestFiles.example().toString(), "--out", TestFiles.example().toString()))
        .isEqualTo(Main.USAGE);
  }

  @Test
  void everyCommandSaysAMissingPathDoesNotExistAndAFileIsNotAFolder() throws IOException {
    String missing = out.resolve("nonexistent").toString();
    for (String command : List.of("build", "check", "quiz", "preview", "validate")) {
      stderr.getBuffer().setLength(0);
      assertThat(run(command, missing)).as(command).isEqualTo(Main.USAGE);
      assertThat(stderr.toString()).as(command).contains(missing + " does not exist");
    }
    Path file = Files.writeString(out.resolve("a.md"), "# Titre\n");
    for (String command : List.of("build", "check", "quiz", "preview")) {
      stderr.getBuffer().setLength(0);
      assertThat(run(command, file.toString())).as(command).isEqualTo(Main.USAGE);
      assertThat(stderr.toString())
          .as(command)
          .contains(file + " is not a folder; give the folder");
    }
  }

  @Test
  void helpAndVersionExitWithZero() {
    assertThat(run("--help")).isEqualTo(Main.OK);
    assertThat(stdout.toString()).contains("build").contains("check").contains("Exit codes");
    assertThat(run("--version")).isEqualTo(Main.OK);
    assertThat(stdout.toString()).containsPattern("coursepack \\d+\\.\\d+");
    assertThat(run("build", "--help")).isEqualTo(Main.OK);
    assertThat(stdout.toString()).contains("--strict").contains("scorm12");
  }

  @Test
  void quizPrintsEachQuestionWithItsIdAnswerAndEvidence() {
    int code =
        run("quiz", TestFiles.fixtureCourse("quiz").toString(), "--out", out.toString(), "--all");
    assertThat(code).isEqualTo(Main.OK);
    assertThat(stdout.toString())
        .contains("== Qui fait quoi dans le département (01-roles.md):")
        .contains("[x] La DSI")
        .contains("evidence: 01-roles.md:10 « La DSI déploie les applications académiques")
        .contains("id: quiz-qui-fait-quoi-dans-le-departement-");
  }

  @Test
  void actorsListsTheCatalogueAsATableOrJson() {
    assertThat(run("actors")).isEqualTo(Main.OK);
    assertThat(stdout.toString()).contains("cpd-numerique").contains("le CPD numérique");
    StringWriter json = new StringWriter();
    assertThat(Main.run(new PrintWriter(json), new PrintWriter(stderr), false, "actors", "--json"))
        .isEqualTo(Main.OK);
    assertThat(json.toString()).contains("\"id\" : \"dsi\"").contains("\"level\" : \"académie\"");
  }

  /** The real main, in its own process: default output folder and the process exit code. */
  @Test
  void theProgramWritesToOutputCourseSlugInTheWorkingFolder(@TempDir Path cwd) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.coursepack.cli.Main",
                "build",
                TestFiles.example().toString()));
    Subprocess.Result r =
        Subprocess.run(
            new ProcessBuilder(command).directory(cwd.toFile()), java.time.Duration.ofSeconds(90));
    String output = r.output();
    assertThat(r.exitCode()).as(output).isZero();
    assertThat(cwd.resolve("output/qfq-num/scorm12/qfq-num.zip")).isRegularFile();
    assertThat(output).contains("-> output/qfq-num/scorm12/");
  }

  /** Every archive and quiz file under a build's output folder, by path, with its bytes. */
  private static java.util.Map<String, byte[]> archives(Path dir) throws IOException {
    java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        // The cache and the lock hold run-specific data (the lock names the process).
        if (!name.startsWith(".coursepack")) {
          out.put(name, Files.readAllBytes(f));
        }
      }
    }
    return out;
  }

  @Test
  void theArchivesAndMessagesAreTheSameWhateverTheNumberOfJobs(
      @TempDir Path one, @TempDir Path three) throws IOException {
    // Every format: units are analysed and packaged in parallel.
    String formats = "scorm12,scorm2004,mbz,h5p,cc,moodlexml,gift,quizjson,report";
    assertThat(
            run(
                "build",
                TestFiles.example().toString(),
                "--out",
                one.toString(),
                "--format",
                formats,
                "--jobs",
                "1"))
        .isEqualTo(Main.OK);
    String messagesOne = stderr.toString().replace(one.toString(), "OUT");
    stderr.getBuffer().setLength(0);
    assertThat(
            run(
                "build",
                TestFiles.example().toString(),
                "--out",
                three.toString(),
                "--format",
                formats,
                "-j",
                "3"))
        .isEqualTo(Main.OK);
    assertThat(stderr.toString().replace(three.toString(), "OUT")).isEqualTo(messagesOne);
    java.util.Map<String, byte[]> a = archives(one);
    java.util.Map<String, byte[]> b = archives(three);
    assertThat(b.keySet()).isEqualTo(a.keySet()).hasSizeGreaterThan(20);
    for (String name : a.keySet()) {
      assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
    }
    assertThat(Files.readAllBytes(three.resolve(".coursepack/outputs.json")))
        .isEqualTo(Files.readAllBytes(one.resolve(".coursepack/outputs.json")));
    assertThat(run("build", TestFiles.example().toString(), "--jobs", "0")).isEqualTo(Main.USAGE);
    assertThat(stderr.toString()).contains("--jobs must be at least 1");
  }

  @Test
  void aSecondBuildSaysHowManyUnitsWereUnchanged(@TempDir Path out) {
    String[] build = {"build", TestFiles.example().toString(), "--out", out.toString()};
    assertThat(run(build)).isEqualTo(Main.OK);
    assertThat(stdout.toString()).doesNotContain("unchanged");
    stdout.getBuffer().setLength(0);
    assertThat(run(build)).isEqualTo(Main.OK);
    assertThat(stdout.toString())
        .containsPattern(
            "qfq-num: (\\d+) archives from 4 units in .* \\(4 units unchanged, \\1 of the"
                + " archives left as they were; 0 errors");
  }
}
