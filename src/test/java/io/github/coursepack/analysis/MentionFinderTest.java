package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionFinderTest {

  private final MentionFinder finder = new MentionFinder(ActorCatalog.defaults());

  private List<String> ids(String text) {
    return finder.find(text).stream().filter(m -> !m.subjectOnly()).map(Mention::actorId).toList();
  }

  @Test
  void theLongestFormWins() {
    assertThat(
            ids("Le CPD assiste l'IEN chargé de la mission numérique et l'IEN de circonscription."))
        .containsExactly("cpd-numerique", "ien-numerique", "ien");
    assertThat(finder.find("l’IEN chargé de la mission numérique").get(0).text())
        .isEqualTo("IEN chargé de la mission numérique");
  }

  @Test
  void acronymsKeepTheirCaseAndWordBoundaries() {
    assertThat(ids("La DSI et la dsi, les DSIs, le GARage et le GAR."))
        .containsExactly("dsi", "gar");
    assertThat(ids("Un eRUN et des ERUN.")).containsExactly("erun", "erun");
  }

  @Test
  void readsFullNamesVariantsAndInclusiveWriting() {
    assertThat(ids("la Délégation régionale au numérique pour l’éducation"))
        .containsExactly("drane");
    assertThat(ids("Les référent.e.s pour les usages pédagogiques numériques (RUPN)"))
        .containsExactly("rupn", "rupn");
    assertThat(ids("le DRAN(E) de l'académie")).containsExactly("drane");
    assertThat(ids("les interlocuteurs   académiques pour le numérique")).containsExactly("ian");
  }

  @Test
  void subjectOnlyFormsAreMarked() {
    assertThat(finder.find("Le département équipe les collèges."))
        .singleElement()
        .satisfies(m -> assertThat(m.subjectOnly()).isTrue());
  }
}
