package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Slugs;
import org.junit.jupiter.api.Test;

class QuestionIdsTest {

  private static final String LONGEST_SLUG = "a".repeat(Slugs.MAX_LENGTH);

  @Test
  void anIdThatFitsIsTheUnitIdAndTheTailAsBefore() {
    assertThat(QuestionIds.of("qfq-num-le-gar-en-pratique", "who-dne-8716ca6a"))
        .isEqualTo("qfq-num-le-gar-en-pratique-who-dne-8716ca6a");
  }

  @Test
  void everyIdFitsMoodlesHundredCharactersWhateverTheSlugsAndActors() {
    String unitId = LONGEST_SLUG + "-" + "les-acteurs-du-numerique-".repeat(4) + "fin";
    String tail = "truefalse-" + "chef-etablissement-".repeat(5) + "1819f30e-gar-responsable";
    String id = QuestionIds.of(unitId, tail);
    assertThat(id.length()).isLessThanOrEqualTo(QuestionIds.MAX);
    assertThat(id).startsWith(QuestionIds.prefix(unitId) + "-truefalse-chef-etablissement");
    assertThat(QuestionIds.prefix(unitId))
        .hasSizeLessThanOrEqualTo(QuestionIds.PREFIX_MAX)
        .matches("a+-[0-9a-f]{8}");
    assertThat(QuestionIds.bounded("x".repeat(500))).hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void aLongTailIsKeptWholeWhenTheUnitsPrefixLeavesItRoom() {
    String tail = "truefalse-gar-responsable-5d21f8c1-chef-etablissement";
    assertThat(QuestionIds.of("qfq-num-le-gar-en-pratique", tail))
        .isEqualTo("qfq-num-le-gar-en-pratique-" + tail);
    String longUnit = "qfq-num-le-conseiller-pedagogique-departemental-au-numerique";
    assertThat(QuestionIds.of(longUnit, tail))
        .hasSizeLessThanOrEqualTo(QuestionIds.MAX)
        .matches(longUnit + "-truefalse-gar-responsable-[0-9a-f]{8}");
  }

  @Test
  void shortenedIdsStayDerivedAndDistinct() {
    String unit =
        "parcours-de-formation-des-formateurs-academiques-au-numerique-le-gar-en-pratique";
    assertThat(QuestionIds.of(unit, "who-dne-8716ca6a"))
        .isEqualTo(QuestionIds.of(unit, "who-dne-8716ca6a"))
        .isNotEqualTo(QuestionIds.of(unit + "-2", "who-dne-8716ca6a"))
        .matches("parcours-de-formation-des-formateurs-academiques-[0-9a-f]{8}-who-dne-8716ca6a");
    assertThat(QuestionIds.bounded("a-b-" + "c".repeat(200)))
        .isNotEqualTo(QuestionIds.bounded("a-b-" + "c".repeat(201)));
  }
}
