package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Severity;
import io.github.coursepack.model.Unit;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real resources of ../shared/seeds, read as a course folder as they are. */
class SeedsReadingTest {

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
  private Course course;
  private Map<String, Unit> units;

  @BeforeEach
  void read() {
    course = CourseReader.read(TestFiles.shared("seeds"), sink).course();
    units =
        course.units().stream()
            .collect(Collectors.toMap(u -> u.sourceName().substring(0, 3), Function.identity()));
  }

  @Test
  void everySeedBecomesAUnitWithoutError() {
    assertThat(sink.hasErrors()).isFalse();
    assertThat(course.units()).hasSize(5);
    assertThat(course.units()).extracting(Unit::slug).doesNotHaveDuplicates();
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.WARNING)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("page footer"));
  }

  @Test
  void seed000HasItsTitleVideoTranscriptAndCredits() {
    Unit u = units.get("000");
    assertThat(u.title()).isEqualTo("Les eRUN, acteurs du numérique éducatif");
    assertThat(u.area()).isEqualTo("Domaine 1");
    assertThat(u.video().orElseThrow().embed())
        .contains(
            URI.create(
                "https://tube.reseau-canope.fr/videos/embed/8e1c457b-4bc8-44b2-b6e6-cbac4f611442"));
    assertThat(u.video().orElseThrow().peerTube().orElseThrow().id())
        .isEqualTo("8e1c457b-4bc8-44b2-b6e6-cbac4f611442");
    assertThat(u.video().orElseThrow().download().orElseThrow().toString())
        .endsWith("-1080-fragmented.mp4");
    assertThat(u.transcript().sentences()).hasSize(29);
    assertThat(u.transcript().sentences().get(0))
        .isEqualTo(new Sentence(0, "Elle, c’est Sarah.", 11));
    // A line broken after a comma inside a sentence is joined (line 15 → 16 of the file).
    assertThat(u.transcript().sentences().get(9).text())
        .contains("avec l’inspecteur, la secrétaire de circonscription");
    assertThat(u.credits().entries()).hasSize(4);
    assertThat(u.credits().licence().orElseThrow().name()).isEqualTo("CC BY-NC-ND 4.0");
    assertThat(u.credits().notes()).singleElement().asString().startsWith("Ressource produite");
  }

  @Test
  void seed001HasAnEmptyDownloadAddressWhichIsAbsent() {
    Unit u = units.get("001");
    assertThat(u.title())
        .isEqualTo("Les acteurs institutionnels du numérique éducatif dans le 1er degré");
    assertThat(u.video().orElseThrow().download()).isEmpty();
    assertThat(u.credits().licence()).isEmpty();
    assertThat(u.credits().entries())
        .extracting(c -> c.role())
        .containsExactly("Scénario", "Direction de publication", "Production", "Partenariat");
    assertThat(u.transcript().sentences())
        .extracting(Sentence::text)
        .contains(
            "Le CPD assiste l'IEN chargé de la mission numérique dans l'animation du réseau"
                + " des eRUN et fait le lien avec les instances comme la DRANE ou la DSI.");
  }

  @Test
  void seed002ReadsTheSpacedAreaKeyTheAliasAndTheNegation() {
    Unit u = units.get("002");
    assertThat(u.area()).isEqualTo("Domaine 1");
    assertThat(u.video().orElseThrow().download()).isPresent();
    assertThat(u.transcript().sentences())
        .extracting(Sentence::text, Sentence::line)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "Donc attention aux confusions : le référent numérique"
                    + " n’assure pas la maintenance de la salle informatique, ni du parc informatique de"
                    + " l’établissement.",
                59),
            org.assertj.core.groups.Tuple.tuple(
                "« J’ai l’honneur de vous nommer référent. Voici votre lettre de mission. »", 23));
  }

  @Test
  void seed003ReadsTheScriptSectionWithoutItsPageFooter() {
    Unit u = units.get("003");
    assertThat(u.transcript().heading()).isEqualTo("Script");
    assertThat(u.transcript().sentences())
        .extracting(Sentence::text)
        .noneMatch(s -> s.contains("CC BY-NC-ND"))
        .contains(
            "Par exemple, un professeur d’histoire-géographie veut réaliser une promenade"
                + " interactive sur le Paris de la Commune.");
  }

  @Test
  void seed004IsAnArticleTitledByItsHeadingAndDescribedByItsDescriptif() {
    Unit u = units.get("004");
    assertThat(u.title()).isEqualTo("Mission RUPN");
    assertThat(u.video()).isEmpty();
    assertThat(u.description()).startsWith("Les missions et activités du référent");
    assertThat(u.transcript().isEmpty()).isTrue();
    assertThat(u.article().html()).doesNotContain("href=\"#\"", "Descriptif");
    assertThat(u.article().sentences())
        .extracting(Sentence::text)
        .contains(
            "Dans l'académie de Poitiers, une enquête en ligne a permis pendant plusieurs années de"
                + " faire un point en fin d'année auprès des RUPN et d'observer les besoins"
                + " d'accompagnement.");
  }
}
