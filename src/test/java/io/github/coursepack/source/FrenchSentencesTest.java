package io.github.coursepack.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrenchSentencesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "plain sentences",
            "Le CPD anime le réseau. Il forme les eRUN.",
            List.of("Le CPD anime le réseau.", "Il forme les eRUN.")),
        Arguments.of(
            "French spacing before ? and !",
            "Quel est le rôle du DRAN ? De la DSI ! Voyons.",
            List.of("Quel est le rôle du DRAN ?", "De la DSI !", "Voyons.")),
        Arguments.of(
            "a cluster ?! ends one sentence", "Vraiment ?! Oui.", List.of("Vraiment ?!", "Oui.")),
        Arguments.of(
            "ellipsis of three dots and the … character",
            "eRUN, CPD, DRAN... Ils sont nombreux. Et puis… Voilà.",
            List.of("eRUN, CPD, DRAN...", "Ils sont nombreux.", "Et puis…", "Voilà.")),
        Arguments.of(
            "quoted speech stays one sentence with its quote",
            "« J’ai l’honneur de vous nommer. Voici votre lettre. » C’est le chef qui nomme.",
            List.of(
                "« J’ai l’honneur de vous nommer. Voici votre lettre. »",
                "C’est le chef qui nomme.")),
        Arguments.of(
            "a sentence ending inside a quote ends after the closing guillemet",
            "Il participe au salon « Éducation et numérique ». Et voilà.",
            List.of("Il participe au salon « Éducation et numérique ».", "Et voilà.")),
        Arguments.of(
            "abbreviations and initials do not end sentences",
            "M. Martin et Mme Durand, cf. p. 12, ont vu J. Dupont. Fin.",
            List.of("M. Martin et Mme Durand, cf. p. 12, ont vu J. Dupont.", "Fin.")),
        Arguments.of(
            "a sentence may start with eRUN, a name with a capital inside",
            "Elle dépend de l’IEN. eRUN et CPD travaillent ensemble.",
            List.of("Elle dépend de l’IEN.", "eRUN et CPD travaillent ensemble.")),
        Arguments.of(
            "a small letter after a dot is not a new sentence",
            "Le site apps.education.fr. propose des outils.",
            List.of("Le site apps.education.fr. propose des outils.")),
        Arguments.of(
            "dots inside addresses and numbers never split",
            "Voir apps.education.fr et la version 3.5 du guide. Merci.",
            List.of("Voir apps.education.fr et la version 3.5 du guide.", "Merci.")),
        Arguments.of(
            "a number may start a sentence",
            "Elle est référente. 200 enseignants l’attendent.",
            List.of("Elle est référente.", "200 enseignants l’attendent.")),
        Arguments.of(
            "a list number at the start is not a sentence",
            "▶ 1. Développer les usages. Puis coordonner.",
            List.of("▶ 1. Développer les usages.", "Puis coordonner.")),
        Arguments.of(
            "text without final punctuation is one sentence",
            "Un accompagnement de proximité",
            List.of("Un accompagnement de proximité")),
        Arguments.of(
            "closing bracket belongs to the sentence",
            "Il informe (voir le site.) Ensuite il forme.",
            List.of("Il informe (voir le site.)", "Ensuite il forme.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsFrenchTextIntoSentences(String why, String text, List<String> expected) {
    assertThat(FrenchSentences.sentences(text)).containsExactlyElementsOf(expected);
  }

  private static String words(int n, String word) {
    return String.join(" ", java.util.Collections.nCopies(n, word));
  }

  @org.junit.jupiter.api.Test
  void aSentenceOfAHundredWordsStaysWhole() {
    String text = words(99, "mot") + " fin.";
    assertThat(FrenchSentences.sentences(text)).containsExactly(text);
    assertThat(FrenchSentences.split(text).get(0)[2]).isZero();
  }

  @org.junit.jupiter.api.Test
  void runOnTextWithoutFullStopsIsCutIntoPiecesOfAtMostAHundredWordsBeforeAClauseWord() {
    // 70 words, then « et » starts a clause, then 180 more: the first cut is before « et ».
    String text = words(70, "mot") + " et " + words(180, "suite");
    List<String> pieces = FrenchSentences.sentences(text);
    assertThat(pieces).hasSizeGreaterThan(2);
    assertThat(pieces.get(0)).isEqualTo(words(70, "mot"));
    assertThat(pieces.get(1)).startsWith("et suite");
    for (String piece : pieces) {
      assertThat(piece.split(" ")).hasSizeLessThanOrEqualTo(FrenchSentences.MAX_WORDS);
    }
    assertThat(String.join(" ", pieces)).isEqualTo(text);
    assertThat(FrenchSentences.split(text)).allSatisfy(r -> assertThat(r[2]).isEqualTo(1));
  }

  @org.junit.jupiter.api.Test
  void aRunOnTextWithoutAClauseWordIsCutEveryHundredWords() {
    String text = words(250, "mot");
    List<String> pieces = FrenchSentences.sentences(text);
    assertThat(pieces).extracting(p -> p.split(" ").length).containsExactly(100, 100, 50);
  }

  @org.junit.jupiter.api.Test
  void cuttingRunOnTextIsLinear() {
    // 500 KB without a full stop: splitting takes well under a second (a loose bound, no timing
    // claim: the benchmark measures; this guards against a quadratic walk).
    String text = words(60_000, "sousTitre");
    long start = System.nanoTime();
    List<int[]> ranges = FrenchSentences.split(text);
    assertThat(ranges).hasSize(600);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}
