package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Actor;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Level;
import io.github.coursepack.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorCatalogTest {

  @Test
  void theDefaultCatalogueHasTheActorsOfTheSeedsAndTheirNeighbours() {
    ActorCatalog c = ActorCatalog.defaults();
    assertThat(c.actors())
        .extracting(Actor::id)
        .contains(
            "erun",
            "rupn",
            "cpd-numerique",
            "ien",
            "ien-numerique",
            "cpc",
            "drane",
            "dsi",
            "dne",
            "ian",
            "gar-responsable",
            "dpd",
            "dasen",
            "recteur",
            "chef-etablissement",
            "directeur-ecole",
            "collectivite",
            "commune",
            "departement",
            "region",
            "eafc",
            "canope",
            "inspection",
            "enseignant");
    assertThat(c.byId("dsi").orElseThrow().level()).isEqualTo(Level.ACADEMIE);
    assertThat(c.byId("gar").orElseThrow().service()).isTrue();
    assertThat(c.people()).noneMatch(Actor::service);
  }

  @Test
  void namesActorsWithTheRightArticle() {
    ActorCatalog c = ActorCatalog.defaults();
    assertThat(c.byId("cpd-numerique").orElseThrow().definite()).isEqualTo("le CPD numérique");
    assertThat(c.byId("dsi").orElseThrow().definite()).isEqualTo("la DSI");
    assertThat(c.byId("ien").orElseThrow().definite()).isEqualTo("l'IEN");
    assertThat(c.byId("erun").orElseThrow().definiteCapitalised()).isEqualTo("L'eRUN");
    assertThat(c.byId("canope").orElseThrow().definite()).isEqualTo("Réseau Canopé");
    assertThat(c.byId("cpd-numerique").orElseThrow().ofForm()).isEqualTo("du CPD numérique");
    assertThat(c.byId("dsi").orElseThrow().toForm()).isEqualTo("à la DSI");
    assertThat(c.byId("ian").orElseThrow().toForm()).isEqualTo("à l'IAN");
    assertThat(c.byId("collectivite").orElseThrow().definitePlural())
        .isEqualTo("les collectivités territoriales");
  }

  @Test
  void aCourseExtendsOverridesAndRemovesActors(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("actors.yaml"),
            """
        actors:
          - id: dsi
            label: DSI académique
          - id: canope
            disabled: true
          - id: referent-ent
            label: référent ENT
            gender: m
            level: établissement
            aliases: [référente ENT]
          - id: Bad Id
            label: x
          - id: sans-niveau
            label: quelqu'un
            level: partout
            couleur: bleu
        """);
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    ActorCatalog c = ActorCatalog.load(Optional.of(file), sink);
    assertThat(c.byId("dsi").orElseThrow().label()).isEqualTo("DSI académique");
    assertThat(c.byId("dsi").orElseThrow().acronyms()).containsExactly("DSI");
    assertThat(c.byId("canope")).isEmpty();
    assertThat(c.byId("referent-ent").orElseThrow().aliases()).containsExactly("référente ENT");
    assertThat(c.byId("sans-niveau")).isEmpty();
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .extracting(d -> d.line())
        .containsExactlyInAnyOrder(11, 15);
    assertThat(sink.list())
        .filteredOn(d -> d.severity() == Severity.WARNING)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("couleur"));
    assertThat(c.fingerprint()).isNotEqualTo(ActorCatalog.defaults().fingerprint());
  }
}
