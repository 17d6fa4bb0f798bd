package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.Golden;
import io.github.coursepack.Subprocess;
import io.github.coursepack.TestFiles;
import io.github.coursepack.i18n.Language;
import io.github.coursepack.model.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * coursepack speaks French when asked ({@code --lang fr}, {@code COURSEPACK_LANG}, a French locale)
 * and English otherwise, and only the words change: places, severity words, rule ids and exit codes
 * stay as they are for CI.
 */
class FrenchMessagesTest {

  @TempDir Path tmp;

  private record Run(int code, String stdout, String stderr) {}

  private static Run run(Map<String, String> env, Locale locale, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), false, env, locale, args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run run(String... args) {
    return run(Map.of(), Locale.ROOT, args);
  }

  private static final Pattern HEAD =
      Pattern.compile("^(\\S[^ ]*?: )?(error|warning|info): ", Pattern.MULTILINE);

  /** Each diagnostic's place and severity word, in order: what CI reads. */
  private static List<String> heads(String stderr) {
    Matcher m = HEAD.matcher(stderr);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private int copies;

  /**
   * A new copy of the quirks course for each build: a build records the units' slugs in the course
   * folder (.coursepack/ids.yaml), which would pin the slug collision that the course shows.
   */
  private Path quirks() {
    Path copy = tmp.resolve("quirks-" + ++copies);
    try (java.util.stream.Stream<Path> files = Files.list(TestFiles.fixtureCourse("quirks"))) {
      Files.createDirectories(copy);
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return copy;
  }

  /** The copies' folders as the fixture's, so that the output reads as the golden files say. */
  private String asFixture(String said) {
    String copies = Pattern.quote(tmp.toString().substring(1)) + "/quirks-\\d+";
    return said.replaceAll("(\\.\\./)*/?" + copies, QUIRKS);
  }

  private static final String QUIRKS = "src/test/resources/courses/quirks";

  private Run buildQuirks(String... lang) {
    Path out = tmp.resolve("out-" + lang.length);
    Run r = buildQuirks(out, lang);
    return new Run(
        r.code(),
        asFixture(r.stdout().replace(out.toString(), "OUT")),
        asFixture(r.stderr())
            .replaceAll("(\\.\\./)+" + Pattern.quote(out.toString().substring(1)), "OUT")
            .replace(out.toString(), "OUT"));
  }

  private Run buildQuirks(Path out, String... lang) {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(lang),
                java.util.stream.Stream.of(
                    "build", quirks().toString(), "-o", out.toString(), "--format", "scorm12,h5p"))
            .toArray(String[]::new);
    return run(args);
  }

  @Test
  void aBuildWithLangFrSaysEverythingInFrenchButPlacesSeverityWordsAndExitCode() {
    Run en = buildQuirks();
    Run fr = buildQuirks("--lang", "fr");

    assertThat(fr.code()).isEqualTo(en.code()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(heads(fr.stderr())).isNotEmpty().isEqualTo(heads(en.stderr()));
    assertThat(fr.stderr())
        .contains(
            "no-opening.md:1: error: en-tête sans sa ligne d'ouverture '---' : les lignes 'clé:"
                + " valeur' jusqu'au '---' de la ligne 3 seraient lues comme du texte ; ajoutez une"
                + " ligne '---' au-dessus de celle-ci")
        .contains("broken-yaml.md:2:8: error: le guillemet \" ouvert ici n'est jamais fermé ;")
        .contains(
            "http-video.md:4: warning: clé inconnue 'vidoeEmbedSrc' gardée comme métadonnée ;"
                + " vouliez-vous dire 'videoEmbedSrc' ?")
        .doesNotContain("front matter")
        .doesNotContain("did you mean");
    assertThat(en.stderr())
        .contains(
            "no-opening.md:1: error: front matter without its opening '---': the 'key: value'"
                + " lines down to the '---' of line 3 would be read as text; add a line '---'"
                + " above this one");
    assertThat(fr.stdout())
        .contains("scorm12   [1/9 clean.md] -> ")
        .containsPattern(
            "quirks : \\d+ archives à partir de 9 unités dans .* \\(5 erreurs, 12"
                + " avertissements, \\d+,\\d s\\)")
        .contains("rien à déposer sur M@gistère");
    assertThat(en.stdout()).containsPattern("\\(5 errors, 12 warnings, \\d+\\.\\d s\\)");
  }

  /**
   * The whole English and French output of a build of the quirks course, against golden files: the
   * English one was written by coursepack before its messages were translated, so any change to an
   * English message shows here; the French one is for review.
   */
  @Test
  void theQuirksBuildSaysWhatItsGoldenFilesSay() throws IOException {
    for (Language language : Language.values()) {
      Path out = tmp.resolve("golden-" + language.code());
      Run r =
          run(
              "--lang",
              language.code(),
              "build",
              quirks().toString(),
              "-o",
              out.toString(),
              "--format",
              "scorm12,h5p");
      String said =
          asFixture(r.stderr() + r.stdout())
              // The diagnostics show the folder relative to the working folder (../../tmp/…).
              .replaceAll("(\\.\\./)+" + Pattern.quote(out.toString().substring(1)), "OUT")
              .replace(out.toString(), "OUT")
              .replaceAll("\\d+[.,]\\d s\\)", "TIME s)");
      Path golden = Golden.path("i18n/quirks-build." + language.code() + ".txt");
      if (Boolean.getBoolean("coursepack.updateGolden")) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, said, StandardCharsets.UTF_8);
      }
      assertThat(said).as(golden.toString()).isEqualTo(Files.readString(golden));
    }
  }

  @Test
  void validateInFrenchKeepsPlacesSeverityWordsAndRuleIds() {
    String broken = TestFiles.project().resolve("src/test/resources/validate/broken").toString();
    Run en = run("validate", broken);
    Run fr = run("--lang", "fr", "validate", broken);
    assertThat(fr.code()).isEqualTo(en.code()).isEqualTo(Main.CONTENT_ERRORS);
    Pattern finding = Pattern.compile("^.*?: (error|warning): \\[[A-Z0-9-]+] ", Pattern.MULTILINE);
    List<String> enHeads = finding.matcher(en.stdout()).results().map(m -> m.group()).toList();
    List<String> frHeads = finding.matcher(fr.stdout()).results().map(m -> m.group()).toList();
    assertThat(frHeads).hasSizeGreaterThan(10).isEqualTo(enHeads);
    assertThat(fr.stdout())
        .contains(
            "absolute-path.zip!/tmp/evil.html: error: [ARCHIVE-UNSAFE-NAME] un chemin absolu ;"
                + " décompresser cette entrée pourrait écrire hors du dossier cible")
        .contains(
            "dangling-identifierref.zip : paquetage SCORM 1.2 : NON VALIDE (1 erreur, 0"
                + " avertissement)");
    assertThat(en.stdout())
        .contains("dangling-identifierref.zip: SCORM 1.2 package: INVALID (1 error, 0 warnings)");
  }

  @Test
  void aFrenchLocaleGivesFrenchWithoutLang() {
    Run byLang = run(Map.of("LANG", "fr_FR.UTF-8"), Locale.US, "check", quirks().toString());
    assertThat(byLang.stderr())
        .contains("unclosed.md:1: error: l'en-tête ouvert ici n'est jamais fermé ;");
    assertThat(byLang.stdout()).contains("quirks : lecture de 9 unités");

    Run byJvm = run(Map.of(), Locale.FRANCE, "build", tmp.resolve("nowhere").toString());
    assertThat(byJvm.code()).isEqualTo(Main.USAGE);
    assertThat(byJvm.stderr())
        .isEqualTo(
            "coursepack: "
                + tmp.resolve("nowhere")
                + " n'existe pas ; donnez le dossier qui contient les fichiers des ressources du"
                + " parcours"
                + System.lineSeparator());
  }

  @Test
  void anyOtherChoiceGivesEnglish() {
    String english = " does not exist; give the folder that holds the course's resource files";
    String missing = tmp.resolve("nowhere").toString();
    assertThat(run(Map.of("LANG", "de_DE.UTF-8"), Locale.GERMANY, "build", missing).stderr())
        .contains(english);
    assertThat(
            run(
                    Map.of("COURSEPACK_LANG", "en", "LANG", "fr_FR.UTF-8"),
                    Locale.FRANCE,
                    "build",
                    missing)
                .stderr())
        .as(
            "COURSEPACK_LANG before the locale: what keeps the test suite English on a French machine")
        .contains(english);
    assertThat(
            run(Map.of("COURSEPACK_LANG", "fr"), Locale.FRANCE, "--lang", "en", "build", missing)
                .stderr())
        .as("--lang first")
        .contains(english);
    assertThat(run(Map.of(), Locale.FRANCE, "build", missing, "--lang=en").stderr())
        .as("--lang after the command, in its = form")
        .contains(english);
  }

  @Test
  void anUnknownLanguageIsAUsageError() {
    Run r = run("--lang", "de", "build", tmp.toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.stderr()).contains("--lang");
  }

  @Test
  void aDiagnosticWithoutKeySaysItsEnglishInFrenchToo() {
    Diagnostic plain = Diagnostic.warning(Path.of("r.md"), 0, "a message not translated yet");
    StringWriter err = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(err), false, false, Language.FR).report(plain);
    assertThat(err.toString())
        .isEqualTo("r.md: warning: a message not translated yet" + System.lineSeparator());
    assertThat(plain.text().keyed()).isFalse();
  }

  @Test
  void anInternalErrorSaysWhatWasBeingDoneInFrench() {
    Diagnostic bug =
        Diagnostic.internalError(
            Path.of("r.md"),
            io.github.coursepack.i18n.Message.of("doing.readingResource"),
            new IllegalStateException("x"));
    StringWriter err = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(err), false, false, Language.FR).report(bug);
    assertThat(err.toString())
        .startsWith(
            "r.md: error: erreur interne pendant la lecture de cette ressource :"
                + " java.lang.IllegalStateException: x ; merci de la signaler");
    assertThat(bug.message())
        .isEqualTo(
            "internal error while reading this resource: java.lang.IllegalStateException: x;"
                + " please report it");
  }

  /**
   * The real process: the language comes from the environment the JVM was started with, as on a
   * trainer's machine (here without the fr_FR locale installed, which the JVM then ignores).
   */
  @Test
  void theProgramReadsTheLocaleOfItsEnvironment() throws Exception {
    String missing = tmp.resolve("nowhere").toString();
    ProcessBuilder french = java("build", missing);
    french.environment().remove("COURSEPACK_LANG");
    french.environment().remove("LC_ALL");
    french.environment().remove("LC_MESSAGES");
    french.environment().put("LANG", "fr_FR.UTF-8");
    Subprocess.Result fr = Subprocess.run(french, Duration.ofSeconds(60));
    assertThat(fr.exitCode()).isEqualTo(Main.USAGE);
    assertThat(fr.output()).contains(" n'existe pas ; donnez le dossier qui contient");

    ProcessBuilder forcedEnglish = java("build", missing);
    forcedEnglish.environment().put("LANG", "fr_FR.UTF-8");
    forcedEnglish.environment().put("COURSEPACK_LANG", "en");
    Subprocess.Result en = Subprocess.run(forcedEnglish, Duration.ofSeconds(60));
    assertThat(en.output()).contains(" does not exist; give the folder that holds");
  }

  private static ProcessBuilder java(String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
