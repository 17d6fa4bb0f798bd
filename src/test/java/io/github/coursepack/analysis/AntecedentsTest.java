package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AntecedentsTest {

  private final Discourse discourse = new Discourse(ActorCatalog.defaults());
  private final Antecedents antecedents = new Antecedents(discourse);

  /** Reads a sentence into what the discourse remembers. */
  private void said(String text) {
    Sentences s = Sentences.of(text);
    discourse.beginSentence(s.tokens(), s.mentions(), text);
    discourse.endSentence(text, s.tokens(), false);
  }

  @Test
  void aDemonstrativeNounPhraseBecomesTheNounPhraseItPointsBackTo() {
    said("La DRANE publie chaque année un guide académique de sécurité informatique.");
    Sentences s = Sentences.of("Le CPD numérique diffuse ce guide dans les écoles.");
    Map<String, String> subs = antecedents.demonstratives(s.text(), s.tokens());
    assertThat(subs).containsEntry("ce guide", "le guide académique de sécurité informatique");
    assertThat(Antecedents.substitute("Ce guide est diffusé dans les écoles", subs))
        .isEqualTo("Le guide académique de sécurité informatique est diffusé dans les écoles");
  }

  @Test
  void aPrepositionBeforeTheSubstitutedPhraseContractsWithItsArticle() {
    Map<String, String> singular = Map.of("ce règlement", "le règlement général");
    assertThat(Antecedents.substitute("contrôle le respect de ce règlement", singular))
        .isEqualTo("contrôle le respect du règlement général");
    assertThat(Antecedents.substitute("se conforme à ce règlement", singular))
        .isEqualTo("se conforme au règlement général");
    assertThat(Antecedents.substitute("De ce règlement naît une obligation", singular))
        .isEqualTo("Du règlement général naît une obligation");
    Map<String, String> plural = Map.of("ces outils", "les outils numériques");
    assertThat(Antecedents.substitute("le choix de ces outils et l'accès à ces outils", plural))
        .isEqualTo("le choix des outils numériques et l'accès aux outils numériques");
    // No preposition, or one that is only the end of a word: nothing to contract.
    assertThat(Antecedents.substitute("il étudie ce règlement", singular))
        .isEqualTo("il étudie le règlement général");
    assertThat(Antecedents.substitute("il garde ce règlement", singular))
        .isEqualTo("il garde le règlement général");
    assertThat(
            Antecedents.substitute("la portée de ce guide", Map.of("ce guide", "l'ancien guide")))
        .isEqualTo("la portée de l'ancien guide");
  }

  @Test
  void aDemonstrativeOfAnotherNumberOrNounIsLeftAlone() {
    said("La DRANE publie chaque année un guide académique de sécurité informatique.");
    Sentences plural = Sentences.of("Le CPD numérique diffuse ces guides dans les écoles.");
    assertThat(antecedents.demonstratives(plural.text(), plural.tokens())).isEmpty();
    Sentences other = Sentences.of("Le CPD numérique présente ce plan aux directeurs.");
    assertThat(antecedents.demonstratives(other.text(), other.tokens())).isEmpty();
  }

  @Test
  void pluralObjectIsWhatTheSentenceBeforeNamedAfterItsVerb() {
    said("L'IEN programme deux réunions consacrées au numérique pour les directeurs.");
    assertThat(antecedents.pluralObjectOfPreviousSentence())
        .contains("les deux réunions consacrées au numérique");
  }

  @Test
  void anIndefiniteQuantityGivesNoPluralObject() {
    said("L'IEN programme plusieurs réunions pour les directeurs.");
    assertThat(antecedents.pluralObjectOfPreviousSentence()).isEmpty();
  }

  @Test
  void nothingSaidBeforeGivesNoPluralObject() {
    assertThat(antecedents.pluralObjectOfPreviousSentence()).isEmpty();
  }
}
