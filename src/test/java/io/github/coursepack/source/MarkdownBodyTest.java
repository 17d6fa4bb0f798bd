package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Credit;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.TextBlock;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownBodyTest {

  private final Path file = Path.of("r.md");
  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private MarkdownBody.Parts read(String body) {
    return MarkdownBody.read(file, body, 10, false, true, sink);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "## Transcription",
        "## Script",
        "## Transcript",
        "### **Transcription :**",
        "## TRANSCRIPTION",
        "# transcription de la vidéo"
      })
  void recognisesTheTranscriptHeadingWhateverItsSpelling(String heading) {
    MarkdownBody.Parts parts = read(heading + "\n\nLe CPD anime le réseau.\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly("Le CPD anime le réseau.");
    assertThat(parts.article().isEmpty()).isTrue();
  }

  @Test
  void aTranscriptWithoutFullStopsIsCutForTheAnalysisWithOneInfoLineAtItsStart() {
    String runOn =
        String.join(" ", java.util.Collections.nCopies(150, "le référent numérique aide"));
    MarkdownBody.Parts parts = read("## Transcription\n\nUne phrase.\n\n" + runOn + "\n");
    assertThat(parts.transcript().sentences()).hasSizeGreaterThan(6);
    assertThat(parts.transcript().sentences())
        .allSatisfy(s -> assertThat(s.text().split(" ").length).isLessThanOrEqualTo(100));
    assertThat(sink.list()).hasSize(1);
    assertThat(sink.list().get(0).toString())
        .contains("r.md:14:", "info", "without a full stop, cut into", "add the full stops");
  }

  @Test
  void sentencesKeepTheLineOfTheFileWhereTheyStart() {
    MarkdownBody.Parts parts =
        read(
            "## Transcription\n\nUne phrase. Une autre\nsur deux lignes.\n\n"
                + "Un second paragraphe.\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text, Sentence::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Une phrase.", 12),
            org.assertj.core.groups.Tuple.tuple("Une autre sur deux lignes.", 12),
            org.assertj.core.groups.Tuple.tuple("Un second paragraphe.", 15));
    assertThat(parts.transcript().sentences()).extracting(Sentence::index).containsExactly(0, 1, 2);
  }

  @Test
  void joinsAWordBrokenAtItsHyphenAcrossLines() {
    MarkdownBody.Parts parts =
        read("## Script\n\nUn professeur d’histoire-\ngéographie enseigne.\n");
    assertThat(parts.transcript().sentences().get(0).text())
        .isEqualTo("Un professeur d’histoire-géographie enseigne.");
  }

  @Test
  void joinsParagraphsCutInTheMiddleOfASentence() {
    MarkdownBody.Parts parts =
        read(
            "## Transcription\n\nUne enquête a permis de faire un point auprès\n\n"
                + "des RUPN et d'observer les besoins.\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly(
            "Une enquête a permis de faire un point auprès des RUPN et d'observer les besoins.");
    assertThat(sink.list())
        .anySatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.INFO);
              assertThat(d.line()).isEqualTo(14);
            });
  }

  @Test
  void dropsAPageFooterLeftByAPdfConversionWithAWarning() {
    MarkdownBody.Parts parts =
        read("## Script\n\nAvant.\n\nRéseau Canopé, 2022 - CC BY-NC-ND 4.0 2\n\n" + "Après.\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly("Avant.", "Après.");
    assertThat(sink.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(14);
            });
  }

  @Test
  void keepsListItemsAndQuotesAsTheirOwnBlocks() {
    MarkdownBody.Parts parts =
        read(
            "## Transcription\n\nDeux questions :\n\n- Qui le nomme ?\n"
                + "- Que fait-il ?\n\n> Une citation.\n");
    assertThat(parts.transcript().blocks())
        .extracting(TextBlock::kind)
        .containsExactly(
            TextBlock.Kind.PARAGRAPH,
            TextBlock.Kind.LIST_ITEM,
            TextBlock.Kind.LIST_ITEM,
            TextBlock.Kind.QUOTE);
  }

  @Test
  void readsCreditsLinesLicenceAndNotes() {
    MarkdownBody.Parts parts =
        read(
            "## Transcription\n\nTexte.\n\n## **Crédits**\n\n"
                + "- **Scénario** : Anne Durand, Paul Roux\n"
                + "- **Licence** : [CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/deed.fr)\n"
                + "Ressource produite avec le soutien du ministère\n");
    assertThat(parts.credits().entries())
        .containsExactly(new Credit("Scénario", "Anne Durand, Paul Roux"));
    assertThat(parts.credits().licence())
        .hasValueSatisfying(
            l -> {
              assertThat(l.name()).isEqualTo("CC BY-NC-ND 4.0");
              assertThat(l.url())
                  .contains(
                      URI.create("https://creativecommons.org/licenses/by-nc-nd/4.0/deed.fr"));
            });
    assertThat(parts.credits().notes())
        .containsExactly("Ressource produite avec le soutien du ministère");
  }

  @Test
  void namesOnlyInCreditsAreNotInTheTranscript() {
    MarkdownBody.Parts parts =
        read("## Transcription\n\nLe CPD forme.\n\n## Crédits\n\n- Production : Réseau Canopé\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly("Le CPD forme.");
  }

  @Test
  void givesALicenceItsCreativeCommonsAddressWhenOnlyItsNameIsWritten() {
    MarkdownBody.Parts parts = read("## Crédits\n\n- Licence : CC BY-SA 4.0\n");
    assertThat(parts.credits().licence().orElseThrow().url())
        .contains(URI.create("https://creativecommons.org/licenses/by-sa/4.0/deed.fr"));
  }

  @Test
  void removesScriptsEventHandlersAndJavascriptLinksWithAWarningEach() {
    MarkdownBody.Parts parts =
        read(
            "## Transcription\n\nLa DRANE coordonne.\n<script>alert('x')</script>\n"
                + "Elle forme <span onclick=\"steal()\">les enseignants</span>.\n\n"
                + "## Suite\n\nVoir [ceci](javascript:alert(1)).\n\n<div onmouseover=\"x()\">Bloc</div>\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly("La DRANE coordonne.", "Elle forme les enseignants.");
    assertThat(parts.article().html())
        .doesNotContain("script", "onclick", "onmouseover", "javascript");
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.WARNING)
        .extracting(Diagnostic::line)
        .containsExactlyInAnyOrder(13, 14, 18, 20);
  }

  @Test
  void linksToHashBecomePlainTextAndOutsideLinksOpenInANewTab() {
    MarkdownBody.Parts parts =
        read("## Ailleurs\n\n[Le guide](#) et [Éduscol](https://eduscol.education.fr/).\n");
    assertThat(parts.article().html())
        .contains("Le guide et ")
        .contains(
            "<a href=\"https://eduscol.education.fr/\" target=\"_blank\" rel=\"noopener noreferrer\">"
                + "Éduscol<span class=\"visually-hidden\"> (nouvel onglet)</span></a>");
    assertThat(sink.list())
        .singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void articleHeadingsStartAtLevelTwoBelowThePageTitle() {
    MarkdownBody.Parts parts =
        MarkdownBody.read(
            file,
            "## Mission RUPN\n\n### Descriptif :\n\nLes missions du RUPN.\n\n### Un accompagnement\n\nTexte.\n\n"
                + "## Documents joints\n\nRien.\n",
            1,
            true,
            false,
            sink);
    assertThat(parts.title()).contains("Mission RUPN");
    assertThat(parts.description()).contains("Les missions du RUPN.");
    assertThat(parts.article().html())
        .contains("<h2>Un accompagnement</h2>")
        .contains("<h2>Documents joints</h2>")
        .doesNotContain("Descriptif", "<h3>", "Mission RUPN");
  }

  @Test
  void withAVideoAndNoHeadingTheBodyIsTheTranscript() {
    MarkdownBody.Parts parts = read("Le texte sans titre. Il parle de l'IAN.\n");
    assertThat(parts.transcript().sentences()).hasSize(2);
    assertThat(parts.article().isEmpty()).isTrue();
  }

  @Test
  void aFaqsQuestionsStayInTheTranscriptAsHeadings() {
    MarkdownBody.Parts parts =
        read(
            "## Transcription\n\nUne introduction.\n\n### Qui répare les tablettes ?\n\n"
                + "C'est la commune.\n");
    assertThat(parts.transcript().blocks())
        .extracting(TextBlock::kind)
        .containsExactly(
            TextBlock.Kind.PARAGRAPH, TextBlock.Kind.HEADING, TextBlock.Kind.PARAGRAPH);
    assertThat(parts.transcript().blocks().get(1).text()).isEqualTo("Qui répare les tablettes ?");
  }

  @Test
  void anArticlesHeadingsAreBlocksOfItsText() {
    MarkdownBody.Parts parts =
        MarkdownBody.read(
            file, "# Titre\n\n## Qui affecte ?\n\nLe responsable.\n", 1, true, false, sink);
    assertThat(parts.article().blocks())
        .extracting(TextBlock::kind)
        .containsExactly(TextBlock.Kind.HEADING, TextBlock.Kind.PARAGRAPH);
  }

  @Test
  void scriptBulletsThatMarkdownDoesNotKnowBecomeListItems() {
    MarkdownBody.Parts parts =
        read(
            "## Script\n\nSes missions :\n– animer le réseau des référents ;\n"
                + "– piloter les projets d'envergure.\nVoix off : Une phrase.\n");
    assertThat(parts.transcript().blocks())
        .extracting(TextBlock::kind, TextBlock::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TextBlock.Kind.PARAGRAPH, "Ses missions :"),
            org.assertj.core.groups.Tuple.tuple(
                TextBlock.Kind.LIST_ITEM, "animer le réseau des référents ;"),
            org.assertj.core.groups.Tuple.tuple(
                TextBlock.Kind.LIST_ITEM, "piloter les projets d'envergure."),
            org.assertj.core.groups.Tuple.tuple(
                TextBlock.Kind.PARAGRAPH, "Voix off : Une phrase."));
    assertThat(parts.transcript().blocks().get(2).sentences().get(0).line()).isEqualTo(14);
  }

  @Test
  void aShortLineWithoutEndPunctuationBeforeACapitalIsATitleOfItsOwn() {
    MarkdownBody.Parts parts =
        read(
            "## Script\n\nDiapositive 2 – Le rôle de la DSI\nVoix off : La DSI gère les comptes.\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly(
            "Diapositive 2 – Le rôle de la DSI", "Voix off : La DSI gère les comptes.");
  }

  @Test
  void aLongLineBrokenBeforeACapitalStaysInItsSentence() {
    MarkdownBody.Parts parts =
        read(
            "## Transcription\n\nLe conseiller pédagogique départemental au numérique travaille"
                + " chaque semaine avec\nMarie, la directrice de l'école.\n");
    assertThat(parts.transcript().sentences()).hasSize(1);
  }

  @Test
  void aCreditsParagraphEndsTheScript() {
    MarkdownBody.Parts parts =
        read(
            "## Script\n\nVoix off : La DSI gère les comptes.\n\n"
                + "Crédits : conception, Jeanne Martin ; voix, Paul Morel.\n");
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly("Voix off : La DSI gère les comptes.");
    assertThat(parts.credits().notes()).anySatisfy(n -> assertThat(n).contains("Jeanne Martin"));
  }

  @Test
  void aDescriptionAndACreditsNoteStayWholeWhateverTheirLines() {
    // Script paragraphs split at short title lines; a description or a note is not a script.
    MarkdownBody.Parts parts =
        MarkdownBody.read(
            file,
            "## Mission RUPN\n\n### Descriptif :\n\nUne unité sur les rôles\n"
                + "Vous verrez qui fait quoi.\n\n### Un accompagnement\n\nTexte.\n\n"
                + "## Crédits\n\nRessource de la DRANE\nMise à jour en 2026.\n",
            1,
            true,
            false,
            sink);
    assertThat(parts.description()).contains("Une unité sur les rôles Vous verrez qui fait quoi.");
    assertThat(parts.credits().notes())
        .containsExactly("Ressource de la DRANE Mise à jour en 2026.");
  }

  @Test
  void thousandsOfNestedQuotesAreAnErrorAtTheirLineNotACrash() {
    MarkdownBody.Parts parts =
        read("## Transcription\n\nUne phrase.\n\n" + ">".repeat(5000) + " Trop profond.\n");
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(14);
              assertThat(d.message()).contains("nested more than 64 levels");
            });
    assertThat(parts.transcript().isEmpty()).isTrue();
  }

  @Test
  void deeplyNestedListsAndEmphasisAreAnErrorToo() {
    read("## Transcription\n\n" + "- ".repeat(5000) + "point\n");
    String emphasis = "*a ".repeat(2000) + "mot" + " a*".repeat(2000);
    read("## Transcription\n\n" + emphasis + "\n");
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.message()).contains("nested more than 64 levels"));
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    MarkdownBody.Parts parts = read("## Transcription\n\n" + ">".repeat(40) + " Assez profond.\n");
    assertThat(sink.list()).noneMatch(d -> d.severity() == Severity.ERROR);
    assertThat(parts.transcript().sentences())
        .extracting(Sentence::text)
        .containsExactly("Assez profond.");
  }

  @Test
  void deeplyNestedRawHtmlIsReadWithoutCrashing() {
    MarkdownBody.Parts parts =
        read(
            "# Article\n\n"
                + "<div>".repeat(5000)
                + "Texte."
                + "</div>".repeat(5000)
                + "\n\n## Transcription\n\nUne phrase.\n");
    assertThat(parts.transcript().sentences()).extracting(Sentence::text).contains("Une phrase.");
  }
}
