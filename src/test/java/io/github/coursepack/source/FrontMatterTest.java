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
}
