package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coursepack.TestFiles;
import io.github.coursepack.io.SafeXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit's identity is fixed on its first build ({@code .coursepack/ids.yaml}), and a question has
 * one id everywhere: these tests build a copy of the example course with the command line.
 */
class StableIdsTest {

  private static final String GAR = "04-le-gar-en-pratique.txt";

  @TempDir Path course;
  @TempDir Path out;

  private StringWriter stdout = new StringWriter();
  private StringWriter stderr = new StringWriter();

  @BeforeEach
  void copyExample() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.example())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, course.resolve(f.getFileName()));
      }
    }
  }

  private int run(String... args) {
    stdout = new StringWriter();
    stderr = new StringWriter();
    return Main.run(new PrintWriter(stdout), new PrintWriter(stderr), false, args);
  }

  private int build(String... formats) {
    List<String> args =
        new ArrayList<>(List.of("build", course.toString(), "--out", out.toString()));
    if (formats.length > 0) {
      args.add("--format");
      args.add(String.join(",", formats));
    }
    return run(args.toArray(String[]::new));
  }

  private Path ids() {
    return course.resolve(".coursepack/ids.yaml");
  }

  /** Each unit's quiz JSON: its file name, then its unit id and question ids. */
  private Map<String, List<String>> quizIds() throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(this.out.resolve("quiz"))) {
      for (Path f : files.sorted().toList()) {
        JsonNode unit = new ObjectMapper().readTree(f.toFile());
        List<String> ids = new ArrayList<>();
        ids.add(unit.get("unit").asText());
        unit.get("questions").forEach(q -> ids.add(q.get("id").asText()));
        out.put(f.getFileName().toString(), ids);
      }
    }
    return out;
  }

  private JsonNode garQuiz() throws IOException {
    return new ObjectMapper().readTree(out.resolve("quiz/le-gar-en-pratique.json").toFile());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aTitleChangeRenamesNothingAndTheOverridesStillApply() throws IOException {
    assertThat(build("scorm12", "quizjson")).as(stderr.toString()).isZero();
    List<String> archives = names(out.resolve("scorm12"));
    Map<String, List<String>> before = quizIds();
    List<String> gar = before.get("le-gar-en-pratique.json");
    String unitId = gar.get(0);
    String dropped = gar.get(1);
    String edited = gar.get(2);
    // A question the quiz leaves out, to pin: one of the candidates that `quiz --all` lists.
    assertThat(run("quiz", course.toString(), "--out", out.toString(), "--all")).isZero();
    Matcher leftOut =
        Pattern.compile("\\(left out\\) \\[[a-z]+\\] .*\\n    id: (\\S+)")
            .matcher(stdout.toString());
    List<String> pinnable = new ArrayList<>();
    while (leftOut.find()) {
      if (leftOut.group(1).startsWith(unitId + "-")) {
        pinnable.add(leftOut.group(1));
      }
    }
    assertThat(pinnable).isNotEmpty();
    String pinned = pinnable.get(0);
    Files.writeString(
        course.resolve("04-le-gar-en-pratique.quiz.yaml"),
        "drop: ["
            + dropped
            + "]\npin: ["
            + pinned
            + "]\nedit:\n  "
            + edited
            + ":\n    stem: Énoncé réécrit par la formatrice.\n");
    assertThat(build("scorm12", "quizjson")).as(stderr.toString()).isZero();

    Path gar04 = course.resolve(GAR);
    String text = Files.readString(gar04);
    assertThat(text).contains("## Le GAR en pratique");
    Files.writeString(gar04, text.replace("## Le GAR en pratique", "## Le GAR au quotidien"));
    assertThat(build("scorm12", "quizjson")).as(stderr.toString()).isZero();

    assertThat(stderr.toString()).doesNotContain("no generated question");
    assertThat(names(out.resolve("scorm12"))).isEqualTo(archives);
    JsonNode quiz = garQuiz();
    assertThat(quiz.get("unit").asText()).isEqualTo(unitId);
    List<String> now = new ArrayList<>();
    Map<String, String> stems = new LinkedHashMap<>();
    quiz.get("questions")
        .forEach(
            q -> {
              now.add(q.get("id").asText());
              stems.put(q.get("id").asText(), q.get("stem").asText());
            });
    assertThat(now).doesNotContain(dropped).contains(pinned, edited);
    assertThat(stems.get(edited)).isEqualTo("Énoncé réécrit par la formatrice.");
    assertThat(quizIds().keySet()).isEqualTo(before.keySet());
    assertThat(Files.readString(ids()))
        .contains("À committer")
        .contains("Commit this file")
        .contains(GAR + ": le-gar-en-pratique\n")
        .doesNotContain("le-gar-au-quotidien");
  }

  @Test
  void theQuizIdIsTheIdnumberOfMoodleXmlGiftAndTheBackupAndFitsMoodle() throws Exception {
    // A long shortname and title: ids must still fit Moodle's 100-character idnumber.
    Files.writeString(
        course.resolve("course.yaml"),
        Files.readString(course.resolve("course.yaml"))
            .replaceAll(
                "(?m)^shortname:.*$",
                "shortname: parcours-de-formation-des-formateurs-academiques-au-numerique-educatif"));
    assertThat(build("quizjson", "moodlexml", "gift", "mbz")).as(stderr.toString()).isZero();

    TreeSet<String> quizIds = new TreeSet<>();
    quizIds().values().forEach(ids -> quizIds.addAll(ids.subList(1, ids.size())));
    assertThat(quizIds)
        .isNotEmpty()
        .allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(100));
    assertThat(quizIds)
        .as("a long unit id is shortened with a hash")
        .anyMatch(
            id -> id.matches(".*-[0-9a-f]{8}-(who|role|truefalse|scenario|acronym|matching)-.*"));

    String slug = names(out.resolve("questions")).get(0).replaceAll("\\.[a-z]+$", "");
    SafeXml.Element xml =
        SafeXml.parse(Files.readAllBytes(out.resolve("questions/" + slug + ".xml")));
    TreeSet<String> xmlIds = new TreeSet<>();
    xml.children("question").stream()
        .filter(q -> !"category".equals(q.attr("type")))
        .forEach(q -> xmlIds.add(q.child("idnumber").text()));
    assertThat(xmlIds).isEqualTo(quizIds);

    String gift = Files.readString(out.resolve("questions/" + slug + ".gift"));
    TreeSet<String> giftIds = new TreeSet<>();
    // Moodle's GIFT importer reads « [id:…] » in the comment before a question as its idnumber
    // (qformat_gift::extract_idnumber_and_tags_from_comment).
    Matcher m = Pattern.compile("(?m)^// \\[id:([^\\]]+)\\]\\n::").matcher(gift);
    while (m.find()) {
      giftIds.add(m.group(1));
    }
    assertThat(giftIds).isEqualTo(quizIds);

    Map<String, byte[]> mbz = TestFiles.untar(out.resolve("mbz/" + slug + ".mbz"));
    SafeXml.Element bank = SafeXml.parse(mbz.get("questions.xml"));
    TreeSet<String> mbzIds = new TreeSet<>();
    bank.descendants("question_bank_entry").forEach(e -> mbzIds.add(e.child("idnumber").text()));
    assertThat(mbzIds).isEqualTo(quizIds);
  }

  @Test
  void checkAndQuizReadTheIdentityFileButNeverWriteIt() throws IOException {
    assertThat(run("check", course.toString())).isZero();
    assertThat(run("quiz", course.toString(), "--out", out.toString())).isZero();
    assertThat(ids()).doesNotExist();
    Files.createDirectories(ids().getParent());
    Files.writeString(ids(), GAR + ": mon-unite-gar\n");
    assertThat(run("quiz", course.toString(), "--out", out.toString())).isZero();
    assertThat(stdout.toString()).contains("id: qfq-num-mon-unite-gar-");
    assertThat(Files.readString(ids())).isEqualTo(GAR + ": mon-unite-gar\n");
    // A build adds the other resources at the end and keeps the line written by hand.
    assertThat(build("quizjson")).as(stderr.toString()).isZero();
    assertThat(Files.readString(ids()))
        .startsWith(GAR + ": mon-unite-gar\n01-le-cpd-numerique.md: ")
        .contains("03-referent-numerique-college.md: le-referent-numerique-au-college\n");
    assertThat(out.resolve("quiz/mon-unite-gar.json")).exists();
    byte[] written = Files.readAllBytes(ids());
    assertThat(build("quizjson")).isZero();
    assertThat(Files.readAllBytes(ids())).isEqualTo(written);
  }

  @Test
  void aDamagedIdentityFileIsAnErrorAtItsLineAndIsNeverOverwritten() throws IOException {
    Files.createDirectories(ids().getParent());
    String damaged =
        "# à committer\n01-le-cpd-numerique.md: cpd\n02-la-dsi-et-le-dpd.md: \"dsi-dpd\n";
    Files.writeString(ids(), damaged);
    assertThat(build("quizjson")).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr.toString())
        .containsPattern("ids\\.yaml:3:\\d+: error: .*fix this line of \\.coursepack/ids\\.yaml")
        .doesNotContain("Exception");
    assertThat(Files.readString(ids())).isEqualTo(damaged);
    assertThat(run("check", course.toString())).isEqualTo(Main.CONTENT_ERRORS);
  }

  @Test
  void aValueThatIsNoSlugIsAnErrorAtItsLineAndTheRestIsUsed() throws IOException {
    Files.createDirectories(ids().getParent());
    String written = "01-le-cpd-numerique.md: cpd\n02-la-dsi-et-le-dpd: [a, b]\n";
    Files.writeString(ids(), written);
    assertThat(build("quizjson")).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr.toString()).containsPattern("ids\\.yaml:2: error: expected a resource file");
    assertThat(out.resolve("quiz/cpd.json")).exists();
    assertThat(Files.readString(ids())).isEqualTo(written);
  }

  @Test
  void twoResourcesGivenTheSameSlugAreDiagnosedAtTheLine() throws IOException {
    Files.createDirectories(ids().getParent());
    Files.writeString(ids(), "01-le-cpd-numerique.md: acteurs\n02-la-dsi-et-le-dpd.md: acteurs\n");
    assertThat(build("quizjson")).isZero();
    assertThat(stderr.toString())
        .contains(
            "ids.yaml:2: warning: slug 'acteurs' is also the slug of 01-le-cpd-numerique.md, and"
                + " two units cannot share one: 02-la-dsi-et-le-dpd.md is named 'acteurs-2'");
    assertThat(out.resolve("quiz/acteurs.json")).exists();
    assertThat(out.resolve("quiz/acteurs-2.json")).exists();
  }

  @Test
  void anEntryWhoseFileIsGoneIsKeptAndServesItWhenItComesBack() throws IOException {
    assertThat(build("quizjson")).isZero();
    Path away = out.resolveSibling(out.getFileName() + "-away.txt");
    Files.move(course.resolve(GAR), away);
    assertThat(build("quizjson")).isZero();
    assertThat(Files.readString(ids())).contains(GAR + ": le-gar-en-pratique\n");
    String text = Files.readString(away);
    Files.writeString(course.resolve(GAR), text.replace("## Le GAR en pratique", "## Autre titre"));
    assertThat(build("quizjson")).isZero();
    assertThat(out.resolve("quiz/le-gar-en-pratique.json")).exists();
    Files.delete(away);
  }

  @Test
  void skeletonWritesAReadyToEditOverrideFileThatNeverOverwrites() throws IOException {
    assertThat(run("quiz", course.toString(), "--out", out.toString(), "--all")).isZero();
    String listing = stdout.toString();
    String garListing = listing.substring(listing.indexOf("(" + GAR + ")"));
    List<String> garIds = new ArrayList<>();
    Matcher id = Pattern.compile("id: (\\S+)").matcher(garListing);
    while (id.find()) {
      garIds.add(id.group(1));
    }

    assertThat(
            run(
                "quiz",
                course.toString(),
                "--out",
                out.toString(),
                "--skeleton",
                "le-gar-en-pratique"))
        .as(stderr.toString())
        .isZero();
    Path file = course.resolve("04-le-gar-en-pratique.quiz.yaml");
    String skeleton = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(skeleton)
        .startsWith("# Modifications du quiz de l'unité « Le GAR en pratique » (" + GAR + ")")
        .contains("\ndrop:\n", "\npin:\n", "\nedit:\n", "\nadd:\n", "## source : " + GAR + ":");
    garIds.forEach(i -> assertThat(skeleton).contains("  # - " + i + "  ## ", "  # " + i + ":\n"));

    // As written, it changes nothing.
    assertThat(run("quiz", course.toString(), "--out", out.toString())).isZero();
    assertThat(stderr.toString()).doesNotContain(file.getFileName().toString());

    // Uncomment one edit block and change its stem: it applies.
    String target = garIds.get(0);
    StringBuilder edited = new StringBuilder();
    boolean inBlock = false;
    for (String line : skeleton.split("\n", -1)) {
      if (line.equals("  # " + target + ":")) {
        inBlock = true;
      } else if (inBlock && !line.startsWith("  #   ")) {
        inBlock = false;
      }
      String l = inBlock ? "  " + line.substring(4) : line;
      if (inBlock && l.startsWith("    stem: ")) {
        l = "    stem: \"Qui, d'après le texte, fait cela ?\"";
      }
      edited.append(l).append('\n');
    }
    Files.writeString(file, edited.toString());
    assertThat(run("quiz", course.toString(), "--out", out.toString()))
        .as(stderr.toString())
        .isZero();
    assertThat(stderr.toString()).doesNotContain(file.getFileName().toString());
    assertThat(stdout.toString())
        .contains("] Qui, d'après le texte, fait cela ?\n    id: " + target);

    // A second skeleton leaves the trainer's file as it is.
    byte[] mine = Files.readAllBytes(file);
    assertThat(run("quiz", course.toString(), "--out", out.toString(), "--skeleton", GAR))
        .isEqualTo(Main.CONTENT_ERRORS);
    assertThat(stderr.toString()).contains("already exists and is left as it is");
    assertThat(Files.readAllBytes(file)).isEqualTo(mine);

    assertThat(run("quiz", course.toString(), "--skeleton", "pas-une-unite")).isEqualTo(Main.USAGE);
    assertThat(stderr.toString())
        .contains("no unit 'pas-une-unite'")
        .contains("le-gar-en-pratique (" + GAR + ")");
  }
}
