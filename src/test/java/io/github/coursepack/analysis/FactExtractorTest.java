package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Unit;
import io.github.coursepack.source.CourseReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Role facts from sentences written for each case (src/test/resources/courses/quiz). */
class FactExtractorTest {

  private static List<RoleFact> facts;

  @BeforeAll
  static void analyse() {
    Unit unit =
        CourseReader.read(
                TestFiles.fixtureCourse("quiz"),
                io.github.coursepack.model.DiagnosticSink.collecting())
            .course()
            .units()
            .get(0);
    facts = new FactExtractor(ActorCatalog.defaults(), SharedNlp.get()).extract(unit.textBlocks());
  }

  private static List<RoleFact> of(String actor) {
    return facts.stream().filter(f -> f.actorId().equals(actor)).toList();
  }

  private static List<RoleFact> read(String... sentences) {
    List<Sentence> list = new ArrayList<>();
    for (int i = 0; i < sentences.length; i++) {
      list.add(new Sentence(i, sentences[i], i + 1));
    }
    return new FactExtractor(ActorCatalog.defaults(), SharedNlp.get())
        .extract(List.of(new TextBlock(TextBlock.Kind.PARAGRAPH, list)));
  }

  @Test
  void aNamedSubjectGivesAFactWithItsQuestionForms() {
    RoleFact f = of("dsi").get(0);
    assertThat(f.polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(f.who())
        .contains("déploie les applications académiques utilisées par les personnels");
    assertThat(f.role())
        .contains("déployer les applications académiques utilisées par les personnels");
    assertThat(f.statement())
        .contains("La DSI déploie les applications académiques utilisées par les personnels.");
    assertThat(f.evidence().line()).isEqualTo(10);
  }

  @Test
  void aNegationIsNeverTurnedIntoAnAffirmationThatIsTrue() {
    List<RoleFact> rupn =
        of("rupn").stream().filter(f -> f.polarity() == Polarity.NEGATIVE).toList();
    assertThat(rupn)
        .hasSize(2)
        .allSatisfy(
            f -> {
              assertThat(f.who()).isEmpty();
              assertThat(f.role()).isEmpty();
              assertThat(f.polarity()).isEqualTo(Polarity.NEGATIVE);
            });
    assertThat(rupn)
        .extracting(f -> f.statement().orElseThrow())
        .containsExactly(
            "Le référent numérique assure la maintenance du parc informatique.",
            "Le référent numérique a l'accès administrateur du réseau.");
  }

  @Test
  void aRestrictionIsAskedAsWrittenButNeverSaidOfAnotherActor() {
    assertThat(of("dpd"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.polarity()).isEqualTo(Polarity.POSITIVE);
              assertThat(f.who())
                  .contains(
                      "ne fait que conseiller le chef d'établissement sur les traitements de"
                          + " données");
              assertThat(f.claim()).isEmpty();
            });
  }

  @Test
  void aPronounRefersToTheLastActorInSubjectPosition() {
    assertThat(of("cpd-numerique"))
        .extracting(RoleFact::via)
        .contains(RoleFact.Via.NAMED, RoleFact.Via.PRONOUN);
    assertThat(of("cpd-numerique"))
        .anySatisfy(
            f ->
                assertThat(f.who())
                    .contains("conçoit des formations pour les directeurs d'école du département"));
  }

  @Test
  void aDemonstrativeRefersToTheLastActorNamedWithItsGender() {
    assertThat(of("drane"))
        .anySatisfy(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.PRONOUN);
              assertThat(f.predicate()).startsWith("propose des parcours de formation");
            });
  }

  @Test
  void aPersonIntroducedAsAnActorStandsForIt() {
    assertThat(of("cpd-numerique"))
        .anySatisfy(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.PERSON);
              assertThat(f.statement())
                  .contains(
                      "Le CPD numérique rencontre les élus de la commune pour"
                          + " préparer le plan d'équipement des écoles.");
            });
  }

  @Test
  void cleftAndRelativeSentencesGiveFacts() {
    assertThat(of("chef-etablissement"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.CLEFT);
              assertThat(f.who()).contains("nomme le référent numérique par une lettre de mission");
            });
    assertThat(of("drane"))
        .anySatisfy(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.RELATIVE);
              assertThat(f.who())
                  .contains("anime le réseau des référents numériques de l'académie");
            });
  }

  @Test
  void aPluralSubjectGivesASingularQuestionForm() {
    assertThat(of("ian"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.who())
                  .contains("valorise les projets pédagogiques innovants de sa discipline");
              assertThat(f.statement())
                  .contains(
                      "Les IAN valorisent les projets pédagogiques innovants de leur discipline.");
            });
  }

  @Test
  void namesThatOnlyCreditsGiveAreNotActors() {
    assertThat(of("canope")).isEmpty();
  }

  @Test
  void aPronounWithoutAnAgreeingAntecedentGivesNothing() {
    List<RoleFact> f =
        read("Le rôle de la réunion est important.", "Elle forme les enseignants du collège.");
    assertThat(f).isEmpty();
  }

  @Test
  void coordinatedVerbsAreAllConjugatedAndPutInTheInfinitive() {
    List<RoleFact> f =
        read("Les IAN diffusent des ressources et repèrent des pratiques intéressantes.");
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.who())
                  .contains("diffuse des ressources et repère des pratiques intéressantes");
              assertThat(x.role())
                  .contains("diffuser des ressources et repérer des pratiques intéressantes");
            });
  }

  @Test
  void aMissionListGivesFactsOnItsActor() {
    List<Sentence> intro =
        List.of(new Sentence(0, "Les missions des référents numériques (RUPN) sont :", 1));
    List<Sentence> item =
        List.of(
            new Sentence(1, "▶ 1. Conseiller l'équipe de direction sur le projet numérique.", 2));
    List<RoleFact> f =
        new FactExtractor(ActorCatalog.defaults(), SharedNlp.get())
            .extract(
                List.of(
                    new TextBlock(TextBlock.Kind.PARAGRAPH, intro),
                    new TextBlock(TextBlock.Kind.LIST_ITEM, item)));
    assertThat(f)
        .filteredOn(x -> x.evidence().line() == 2)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.actorId()).isEqualTo("rupn");
              assertThat(x.who())
                  .contains(
                      "a pour mission de conseiller l'équipe de direction sur le projet numérique");
            });
  }

  @Test
  void idsDependOnTheActorAndTheWordsNotOnTheLine() {
    List<RoleFact> a = read("La DSI déploie les applications académiques.");
    List<RoleFact> b = read("Une phrase avant.", "La DSI déploie les applications académiques.");
    assertThat(b)
        .extracting(RoleFact::id)
        .containsExactlyElementsOf(a.stream().map(RoleFact::id).toList());
    assertThat(Optional.of(a.get(0).id()))
        .hasValueSatisfying(id -> assertThat(id).startsWith("dsi-"));
  }

  private static List<TextBlock> paragraph(String... sentences) {
    List<Sentence> list = new ArrayList<>();
    for (int i = 0; i < sentences.length; i++) {
      list.add(new Sentence(i, sentences[i], i + 1));
    }
    return List.of(new TextBlock(TextBlock.Kind.PARAGRAPH, list));
  }

  @Test
  void aUnitReadsTheSameWhicheverUnitTheExtractorReadBefore() {
    // The analysis cache keys a unit on its own title and text: nothing of the unit read before
    // may change its facts (here, a person named in the last sentence of the other unit).
    String title = "Une journée avec Karim, directeur d'école";
    List<TextBlock> unit =
        paragraph(
            "Ce dernier signale les pannes du matériel au service informatique de la mairie.");
    List<RoleFact> fresh =
        new FactExtractor(ActorCatalog.defaults(), SharedNlp.get()).extract(title, unit);
    FactExtractor used = new FactExtractor(ActorCatalog.defaults(), SharedNlp.get());
    used.extract("", paragraph("Sa candidature arrive chez son principal, M. Okafor."));
    assertThat(used.extract(title, unit)).isEqualTo(fresh);
  }
}
