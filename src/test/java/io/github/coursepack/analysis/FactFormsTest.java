package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Polarity;
import org.junit.jupiter.api.Test;

class FactFormsTest {

  private final FactForms forms = new FactForms(SharedNlp.get());
  private final ActorCatalog catalog = ActorCatalog.defaults();

  @Test
  void theWhoFormPutsAPluralVerbInTheSingular() {
    Sentences s = Sentences.of("valorisent les projets innovants de leur discipline");
    assertThat(forms.whoForm(s.tokens(), 0, s.text(), false))
        .contains("valorise les projets innovants de leur discipline");
  }

  @Test
  void theWhoFormLeavesDiscourseWordsOut() {
    Sentences s = Sentences.of("anime aussi le réseau des référents");
    assertThat(forms.whoForm(s.tokens(), 0, s.text(), false))
        .contains("anime le réseau des référents");
  }

  @Test
  void theRoleFormIsAnInfinitiveEvenAfterAModalOrEstChargeDe() {
    Sentences modal = Sentences.of("peut accompagner les équipes");
    assertThat(forms.roleForm(modal.tokens(), 0, modal.text())).contains("accompagner les équipes");
    Sentences charge = Sentences.of("est chargé de déployer les applications");
    assertThat(forms.roleForm(charge.tokens(), 0, charge.text()))
        .contains("déployer les applications");
  }

  @Test
  void aVerbThatMakesNoRoleGivesNoRoleForm() {
    Sentences s = Sentences.of("est très présent dans les écoles");
    assertThat(forms.roleForm(s.tokens(), 0, s.text())).isEmpty();
  }

  @Test
  void theStatementOfANegationDropsItsNegationAndAgreesWithTheActor() {
    Sentences s = Sentences.of("n'est pas chargée de la maintenance");
    assertThat(
            forms.statement(
                s.tokens(),
                s.indexOf("est"),
                s.text(),
                catalog.byId("rupn").orElseThrow(),
                false,
                Polarity.NEGATIVE,
                false))
        .contains("Le référent numérique est chargé de la maintenance.");
  }

  @Test
  void aNegationWithRienHasNoSafeStatement() {
    Sentences s = Sentences.of("ne décide rien");
    assertThat(
            forms.statement(
                s.tokens(),
                s.indexOf("décide"),
                s.text(),
                catalog.byId("dsi").orElseThrow(),
                false,
                Polarity.NEGATIVE,
                false))
        .isEmpty();
  }
}
