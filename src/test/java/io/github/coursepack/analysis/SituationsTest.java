package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SituationsTest {

  @Test
  void aQuestionThatOpensOnItsSubjectDescribesASituation() {
    Sentences s = Sentences.of("Une enseignante ne retrouve plus ses fichiers sur le serveur ?");
    assertThat(Situations.isSituation(s.tokens())).isTrue();
    assertThat(Situations.situationText(s.text()))
        .isEqualTo("Une enseignante ne retrouve plus ses fichiers sur le serveur.");
  }

  @Test
  void aQuestionWithAnInterrogativeOrAnInvertedSubjectIsNoSituation() {
    assertThat(Situations.isSituation(Sentences.of("Qui installe les tablettes ?").tokens()))
        .isFalse();
    assertThat(Situations.isSituation(Sentences.of("En quoi consiste votre mission ?").tokens()))
        .isFalse();
    assertThat(
            Situations.isSituation(Sentences.of("Peut-on emprunter la classe mobile ?").tokens()))
        .isFalse();
  }

  @Test
  void aSpeakersLabelIsNotPartOfTheSituation() {
    Sentences s = Sentences.of("Narratrice : Votre classe prépare un podcast ?");
    assertThat(Situations.isSituation(s.tokens())).isTrue();
    assertThat(Situations.situationText(s.text())).isEqualTo("Votre classe prépare un podcast.");
  }

  @Test
  void aLeadingConditionEndsAtItsCommaAndBecomesASituation() {
    Sentences s =
        Sentences.of(
            "Si la tablette d'un élève ne démarre plus, le référent numérique la signale.");
    int comma = Situations.conditionEnd(s.tokens());
    assertThat(s.tokens().get(comma).text()).isEqualTo(",");
    assertThat(Situations.situationOf(s.tokens(), s.text(), comma))
        .contains("La tablette d'un élève ne démarre plus.");
  }

  @Test
  void aConditionThatNeedsTheSentenceBeforeGivesNoSituation() {
    Sentences pronoun = Sentences.of("Si elle ne démarre plus, le référent numérique la signale.");
    int comma = Situations.conditionEnd(pronoun.tokens());
    assertThat(comma).isPositive();
    assertThat(Situations.situationOf(pronoun.tokens(), pronoun.text(), comma)).isEmpty();
    Sentences elided = Sentences.of("S'il est en panne, le référent numérique le signale.");
    int c2 = Situations.conditionEnd(elided.tokens());
    assertThat(Situations.situationOf(elided.tokens(), elided.text(), c2)).isEmpty();
  }

  @Test
  void aSentenceWithoutAConditionHasNoConditionEnd() {
    assertThat(
            Situations.conditionEnd(
                Sentences.of("Le référent numérique, en lien avec la DSI, signale la panne.")
                    .tokens()))
        .isEqualTo(-1);
  }
}
