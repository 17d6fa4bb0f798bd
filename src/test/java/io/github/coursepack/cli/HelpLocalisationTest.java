package io.github.coursepack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.i18n.Language;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --help} in French and in English; {@code --version} the same in both. */
class HelpLocalisationTest {

  private static String run(Language language, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--lang";
    all[1] = language.code();
    System.arraycopy(args, 0, all, 2, args.length);
    Main.run(new PrintWriter(out), new PrintWriter(err), false, Map.of(), Locale.ROOT, all);
    return out.toString() + err;
  }

  private static CommandLine cli(Language language) {
    CommandLine cli = new CommandLine(new CoursepackCommand(false, language));
    Help.localise(cli, language);
    return cli;
  }

  @Test
  void everyCommandOptionAndParameterHasItsFrenchDescription() {
    List<String> english = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    walk(cli(Language.EN), english, null);
    walk(cli(Language.FR), english, untranslated);
    assertThat(english).isNotEmpty();
    assertThat(untranslated).as("descriptions still in English under --lang fr").isEmpty();
  }

  /** Lists descriptions ({@code untranslated} null) or those found in {@code english} again. */
  private static void walk(CommandLine cli, List<String> english, List<String> untranslated) {
    CommandSpec spec = cli.getCommandSpec();
    List<String> texts = new ArrayList<>();
    texts.add(spec.qualifiedName() + ": " + String.join(" ", spec.usageMessage().description()));
    texts.add(spec.qualifiedName() + " footer: " + String.join(" ", spec.usageMessage().footer()));
    for (ArgSpec arg : spec.args()) {
      texts.add(
          spec.qualifiedName()
              + " "
              + (arg.isOption()
                  ? ((CommandLine.Model.OptionSpec) arg).longestName()
                  : arg.paramLabel())
              + ": "
              + String.join(" ", arg.description()));
    }
    for (String t : texts) {
      if (t.endsWith(": ") || t.endsWith("footer: ")) {
        continue; // nothing to translate
      }
      if (untranslated == null) {
        english.add(t);
      } else if (english.contains(t)) {
        untranslated.add(t);
      }
    }
    cli.getSubcommands().values().forEach(sub -> walk(sub, english, untranslated));
  }

  @Test
  void theTopHelpIsInTheLanguageAsked() {
    String fr = run(Language.FR, "--help");
    assertThat(fr)
        .startsWith("Utilisation\u00a0: coursepack ")
        .contains("Commandes\u00a0:")
        .contains("Construit les archives du parcours")
        .contains("Codes de sortie\u00a0: 0 tout va bien")
        .contains("Affiche cette aide, puis s'arrête.")
        .doesNotContain("Usage:")
        .doesNotContain("Build the course's archives");
    String en = run(Language.EN, "--help");
    assertThat(en)
        .startsWith("Usage: coursepack ")
        .contains("Build the course's archives")
        .contains("Exit codes: 0 ok")
        .doesNotContain("Utilisation");
  }

  @Test
  void aCommandsHelpIsInTheLanguageAsked() {
    String fr = run(Language.FR, "build", "--help");
    assertThat(fr)
        .startsWith("Utilisation\u00a0: coursepack build ")
        .contains("Dossier de sortie (par défaut\u00a0:")
        .contains("connus\u00a0: scorm12, scorm2004")
        .contains("le nombre de cœurs, ici ")
        .doesNotContain("Output folder");
    assertThat(run(Language.EN, "build", "--help"))
        .contains("Output folder (default: output/<course-slug> in the");
  }

  @Test
  void frenchHelpNeverBreaksALineBeforeAColonOrASemicolon() {
    for (String command : List.of("build", "check", "quiz", "actors", "validate", "preview")) {
      for (String line : run(Language.FR, command, "--help").split("\n")) {
        assertThat(line.strip()).as(command).doesNotStartWith(":").doesNotStartWith(";");
      }
    }
  }

  @Test
  void theVersionIsTheSameInBothLanguages() {
    assertThat(run(Language.FR, "--version")).isEqualTo(run(Language.EN, "--version"));
    assertThat(Arrays.asList(run(Language.FR, "--version").split("\n")))
        .first()
        .asString()
        .startsWith("coursepack ");
  }
}
