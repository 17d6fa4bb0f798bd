package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

  private final Path file = Path.of("r.md");
  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  @Test
  void readsKeysWithTheirLinesAndWhereTheBodyStarts() {
    FrontMatter fm =
        FrontMatter.read(
                file, "---\ntitle: Les eRUN\narea: Domaine 1\n---\n\n## Transcription\n", sink)
            .orElseThrow();
    assertThat(fm.present()).isTrue();
    assertThat(fm.fields().get("title").text()).isEqualTo("Les eRUN");
    assertThat(fm.fields().get("area").line()).isEqualTo(3);
    assertThat(fm.bodyFirstLine()).isEqualTo(5);
    assertThat(fm.body()).isEqualTo("\n## Transcription\n");
    assertThat(sink.list()).isEmpty();
  }

  @Test
  void toleratesASpaceBeforeTheColon() {
    FrontMatter fm = FrontMatter.read(file, "---\narea : Domaine 1\n---\n", sink).orElseThrow();
    assertThat(fm.fields().get("area").trimmed()).isEqualTo("Domaine 1");
    assertThat(sink.list()).isEmpty();
  }

  @Test
  void anEmptyValueCountsAsAbsent() {
    FrontMatter fm =
        FrontMatter.read(file, "---\nvideoDownloadHref: \ntitle: T\n---\n", sink).orElseThrow();
    assertThat(fm.fields().get("videoDownloadHref").isEmpty()).isTrue();
  }

  @Test
  void valuesStayTextAndAreNotRetypedByYaml() {
    FrontMatter fm =
        FrontMatter.read(file, "---\ntitle: 1.10\nslug: 2024-01-02\n---\n", sink).orElseThrow();
    assertThat(fm.fields().get("title").text()).isEqualTo("1.10");
    assertThat(fm.fields().get("slug").text()).isEqualTo("2024-01-02");
  }

  @Test
  void readsFrenchColonsInValuesAsPlainLinesWithAWarningThatPointsAtTheColumn() {
    FrontMatter fm =
        FrontMatter.read(
                file, "---\ntitle: T\ndescription: Deux services : la DSI et le DPD\n---\n", sink)
            .orElseThrow();
    assertThat(fm.fields().get("description").text()).isEqualTo("Deux services : la DSI et le DPD");
    assertThat(sink.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.column()).isEqualTo(28);
              assertThat(d.message()).contains("quotes");
            });
  }

  @Test
  void aQuoteThatNeverClosesIsAnErrorWhereTheQuoteStarts() {
    assertThat(
            FrontMatter.read(
                file, "---\ntitle: \"Jamais fermé\nvideoEmbedSrc: [https://x\n---\n", sink))
        .isEmpty();
    Diagnostic d = sink.list().get(0);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(8);
  }

  @Test
  void frontMatterThatIsNeverClosedIsAnError() {
    assertThat(FrontMatter.read(file, "---\ntitle: T\n\n## Transcription\n", sink)).isEmpty();
    assertThat(sink.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.message()).contains("never closed");
            });
  }

  @Test
  void aFileWithoutFrontMatterIsAllBody() {
    FrontMatter fm = FrontMatter.read(file, "\n\n## Mission RUPN\n", sink).orElseThrow();
    assertThat(fm.present()).isFalse();
    assertThat(fm.bodyFirstLine()).isEqualTo(1);
  }

  @Test
  void aRepeatedKeyIsAWarningAndTheLastOneWins() {
    FrontMatter fm = FrontMatter.read(file, "---\ntitle: A\ntitle: B\n---\n", sink).orElseThrow();
    assertThat(fm.fields().get("title").text()).isEqualTo("B");
    assertThat(sink.list())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("given twice"));
  }

  @Test
  void manyAliasesAreRefused() {
    String bomb =
        "---\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n---\n";
    assertThat(FrontMatter.read(file, bomb, sink)).isEmpty();
    assertThat(sink.hasErrors()).isTrue();
  }

  private Diagnostic onlyError(String text) {
    assertThat(FrontMatter.read(file, text, sink)).isEmpty();
    return sink.list().stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error in " + sink.list()));
  }

  @Test
  void keyLinesClosedByALoneDashLineAreFrontMatterWithoutItsOpening() {
    Diagnostic d =
        onlyError(
            "title: Le CPD\nvideoEmbedSrc: https://v.example.org/videos/embed/x\n---\n\n"
                + "## Transcription\n\nLe CPD anime le réseau.\n");
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.message())
        .startsWith("front matter without its opening '---'")
        .contains("line 3")
        .contains("add a line '---' above this one");
  }

  @Test
  void aBodyThatMerelyHasAThematicBreakIsStillAllBody() {
    FrontMatter fm =
        FrontMatter.read(file, "Le CPD anime le réseau.\n\n---\n\nSuite.\n", sink).orElseThrow();
    assertThat(fm.present()).isFalse();
    assertThat(sink.list()).isEmpty();
  }

  @Test
  void typographicQuotesAroundAValueAreReadAsStraightOnesWithAWarning() {
    FrontMatter fm =
        FrontMatter.read(
                file, "---\ntitle: \"Le CPD numérique”\ndescription: “Deux services”\n---\n", sink)
            .orElseThrow();
    assertThat(fm.fields().get("title").text()).isEqualTo("Le CPD numérique");
    assertThat(fm.fields().get("description").text()).isEqualTo("Deux services");
    assertThat(sink.list())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING))
        .first()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.column()).isEqualTo(8);
              assertThat(d.message())
                  .contains("typographic quotes \"…” around a value are read as straight ones");
            });
  }

  private Diagnostic onlyWarning(String text) {
    assertThat(FrontMatter.read(file, text, sink)).isPresent();
    assertThat(sink.list()).singleElement();
    Diagnostic d = sink.list().get(0);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    return d;
  }

  @Test
  void anApostropheInsideTypographicSingleQuotesIsRead() {
    FrontMatter fm = FrontMatter.read(file, "---\ntitle: ‘L’école’\n---\n", sink).orElseThrow();
    assertThat(fm.fields().get("title").text()).isEqualTo("L’école");
    assertThat(sink.list()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(2));
  }

  @Test
  void anApostropheThatEndsASingleQuotedValueIsNamed() {
    Diagnostic d = onlyWarning("---\ntitle: 'L'école'\n---\n");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.message())
        .startsWith("not valid YAML, read as plain 'key: value' lines instead: ")
        .contains("write the apostrophe twice ('L''école')");
  }

  @Test
  void yamlErrorsAreSaidForATrainerWithTheirPlaceAndTheFix() {
    Diagnostic quote = onlyError("---\ntitle: \"Jamais fermé\nvideoEmbedSrc: [https://x\n---\n");
    assertThat(quote.line()).isEqualTo(2);
    assertThat(quote.column()).isEqualTo(8);
    assertThat(quote.message())
        .isEqualTo(
            "the quote \" opened here is never closed; end the value with the same straight"
                + " quote \" on this line (not a typographic ” or ’), or remove the quote");
  }

  @Test
  void aTabIndentIsNamed() {
    Diagnostic d = onlyWarning("---\ntitle: T\n\tarea: x\n---\n");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(1);
    assertThat(d.message()).contains("a tab character: YAML indents with spaces only");
  }

  @Test
  void anUnclosedBracketIsShownWhereItOpens() {
    Diagnostic d = onlyError("---\ntitle: T\narea: [Domaine 1\n  - y\nslug: s\n---\n");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(7);
    assertThat(d.message()).startsWith("the '[' opened here is never closed");
  }

  @Test
  void anAliasLikeValueIsNamed() {
    Diagnostic d = onlyError("---\ntitle: *important*\n---\n");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.message())
        .isEqualTo(
            "'*' at the start of a value names a YAML alias; put the whole value in double"
                + " quotes: key: \"…\"");
  }

  @Test
  void nestingBeyondTheLimitIsAnErrorAtItsLine() {
    Diagnostic d =
        onlyError("---\ntitle: T\nslug: " + "[".repeat(100) + "]".repeat(100) + "\n---\n");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.message()).contains("nested more than 64 levels deep");
  }
}
