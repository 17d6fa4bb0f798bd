package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ways French says who does what out of the subject position, and what the analysis keeps
 * around a fact (scope, situation, contrast, salience), each on sentences written for it.
 */
class FactConstructionsTest {

  private static final ActorCatalog CATALOG = ActorCatalog.defaults();

  /** Paragraphs of one sentence or more; a paragraph starting with "# " is a heading. */
  private static List<RoleFact> read(String... paragraphs) {
    return readWithTitle("", paragraphs);
  }

  private static List<RoleFact> readWithTitle(String title, String... paragraphs) {
    List<TextBlock> blocks = new ArrayList<>();
    int index = 0;
    for (String p : paragraphs) {
      boolean heading = p.startsWith("# ");
      String text = heading ? p.substring(2) : p;
      List<Sentence> sentences = new ArrayList<>();
      for (String s : text.split("(?<=[.?!])\\s+")) {
        sentences.add(new Sentence(index++, s, index));
      }
      blocks.add(
          new TextBlock(heading ? TextBlock.Kind.HEADING : TextBlock.Kind.PARAGRAPH, sentences));
    }
    return new FactExtractor(CATALOG, SharedNlp.get()).extract(title, blocks);
  }

  private static List<RoleFact> of(List<RoleFact> facts, String actor) {
    return facts.stream().filter(f -> f.actorId().equals(actor)).toList();
  }

  @Test
  void aContrastCreditsOneActorAndGivesAFalseStatementOnTheOther() {
    List<RoleFact> facts =
        read(
            "Ce n'est pas le référent numérique mais la région qui remplace les tablettes des"
                + " lycées de l'académie.");
    assertThat(of(facts, "region"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.polarity()).isEqualTo(Polarity.POSITIVE);
              assertThat(f.who()).contains("remplace les tablettes des lycées de l'académie");
              assertThat(f.contrast()).contains("rupn");
            });
    assertThat(of(facts, "rupn"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.polarity()).isEqualTo(Polarity.NEGATIVE);
              assertThat(f.statement())
                  .contains(
                      "Le référent numérique remplace les tablettes des lycées de l'académie.");
              assertThat(f.contrast()).contains("region");
            });
  }

  @Test
  void afterAContrastAndAColonThePronounIsTheCreditedActor() {
    List<RoleFact> facts =
        read("Ce n'est pas la commune mais la DSI : elle ouvre les comptes de messagerie.");
    assertThat(of(facts, "dsi"))
        .anySatisfy(f -> assertThat(f.who()).contains("ouvre les comptes de messagerie"));
    assertThat(of(facts, "commune"))
        .allSatisfy(f -> assertThat(f.polarity()).isEqualTo(Polarity.NEGATIVE));
  }

  @Test
  void aDutyAsksWhoMustDoIt() {
    List<RoleFact> facts =
        read("C'est à l'administrateur ENT de réinitialiser les mots de passe des élèves.");
    assertThat(of(facts, "administrateur-ent"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.who()).contains("doit réinitialiser les mots de passe des élèves"));
  }

  @Test
  void aShareAsksToWhomItFalls() {
    List<RoleFact> facts = read("Le choix des tablettes revient au conseil départemental.");
    assertThat(of(facts, "departement"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.asked()).isEqualTo(RoleFact.Asked.TO);
              assertThat(f.who()).contains("revient le choix des tablettes");
            });
  }

  @Test
  void anAuthorityIsAFactOnWhoHoldsIt() {
    List<RoleFact> facts = read("Les eRUN relèvent de l'autorité de l'IEN de circonscription.");
    assertThat(of(facts, "ien"))
        .singleElement()
        .satisfies(f -> assertThat(f.who()).contains("a autorité sur les eRUN"));
    assertThat(of(facts, "erun")).isEmpty();
  }

  @Test
  void aPassiveGivesItsFactToTheAgentNotToTheSubject() {
    List<RoleFact> facts = read("Le référent numérique est désigné par le chef d'établissement.");
    assertThat(of(facts, "chef-etablissement"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.PASSIVE);
              assertThat(f.who()).contains("désigne le référent numérique");
            });
    assertThat(of(facts, "rupn")).isEmpty();
  }

  @Test
  void aPassiveWithAThingAsSubjectNamesTheThingAsTheObject() {
    List<RoleFact> facts =
        read("Le plan de formation a été mis au point par l'EAFC, puis validé par le recteur.");
    assertThat(of(facts, "eafc"))
        .singleElement()
        .satisfies(f -> assertThat(f.who()).contains("a mis au point le plan de formation"));
    assertThat(of(facts, "recteur"))
        .singleElement()
        .satisfies(f -> assertThat(f.who()).contains("a validé le plan de formation"));
  }

  @Test
  void aParticipleInAppositionGivesItsAgentAFact() {
    List<RoleFact> facts =
        read("Chaque collège a son référent numérique, désigné par le chef d'établissement.");
    assertThat(of(facts, "chef-etablissement"))
        .anySatisfy(f -> assertThat(f.who()).contains("désigne le référent numérique"));
  }

  @Test
  void aLimitingQualifierInFrontIsKeptAsTheScope() {
    List<RoleFact> facts =
        read("Au collège, c'est le conseil départemental qui finance les ordinateurs.");
    assertThat(of(facts, "departement"))
        .singleElement()
        .satisfies(f -> assertThat(f.scope()).contains("au collège"));
  }

  @Test
  void aQualifierThatNeedsTheContextLeavesNoQuestionForm() {
    List<RoleFact> facts = read("Dans ce collège, la DSI installe les logiciels de vie scolaire.");
    assertThat(of(facts, "dsi")).allSatisfy(f -> assertThat(f.who()).isEmpty());
  }

  @Test
  void aTimeMarkerMakesNarrationThatScoresBelowARole() {
    RoleFact story =
        of(read("Ce matin, la DSI arrive au collège avec un technicien."), "dsi").get(0);
    RoleFact role = of(read("La DSI déploie les applications académiques."), "dsi").get(0);
    assertThat(story.salience()).isLessThan(1);
    assertThat(role.salience()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void anImpersonalIlIsNoActor() {
    List<RoleFact> facts =
        read(
            "Le CPD numérique anime le réseau des eRUN.",
            "Il faut signaler les pannes au plus vite.");
    assertThat(of(facts, "cpd-numerique")).hasSize(1);
  }

  @Test
  void theSpeakerOfAnInterviewIsTheActorTheySayTheyAre() {
    List<RoleFact> facts =
        read(
            "Je suis DPD académique depuis 2018. Je conseille les chefs d'établissement sur"
                + " les traitements de données. Je ne signe pas les contrats.");
    assertThat(of(facts, "dpd"))
        .anySatisfy(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.SPEAKER);
              assertThat(f.who())
                  .contains("conseille les chefs d'établissement sur les traitements de données");
            })
        .anySatisfy(
            f -> {
              assertThat(f.polarity()).isEqualTo(Polarity.NEGATIVE);
              assertThat(f.statement()).contains("Le DPD signe les contrats.");
            });
  }

  @Test
  void aQuestionOfTheTextIsAnsweredByTheNextSentence() {
    List<RoleFact> facts =
        read("# Qui signe les contrats avec les éditeurs ?", "C'est le chef d'établissement.");
    assertThat(of(facts, "chef-etablissement"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.ANSWER);
              assertThat(f.who()).contains("signe les contrats avec les éditeurs");
            });
  }

  @Test
  void aConditionIsTheSituationThatWhomToTurnToSolves() {
    List<RoleFact> facts =
        read("Si un élève a perdu son mot de passe, il faut prévenir l'administrateur ENT.");
    assertThat(of(facts, "administrateur-ent"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.CONTACT);
              assertThat(f.situation()).contains("Un élève a perdu son mot de passe.");
              assertThat(f.who()).contains("faut-il prévenir");
            });
  }

  @Test
  void whomToTurnToWithoutASituationGivesNothing() {
    assertThat(read("Il faut prévenir l'administrateur ENT.")).isEmpty();
  }

  @Test
  void aSituationAskedAsAQuestionIsSolvedByTheNextSentence() {
    List<RoleFact> facts =
        read(
            "Un enseignant ne trouve plus son manuel numérique ?",
            "Contactez le responsable d'affectation.");
    assertThat(of(facts, "gar-responsable"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.situation())
                    .contains("Un enseignant ne trouve plus son manuel numérique."));
  }

  @Test
  void aDemonstrativeTakesTheWordsOfWhatItPointsBackTo() {
    List<RoleFact> facts =
        read(
            "L'IEN présente le plan numérique départemental.",
            "Le CPD numérique met en œuvre ce plan dans les écoles.");
    assertThat(of(facts, "cpd-numerique"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.who())
                    .contains("met en œuvre le plan numérique départemental dans les écoles"));
  }

  @Test
  void aNegatedSecondVerbIsAFactOfItsOwn() {
    List<RoleFact> facts =
        read(
            "Le prestataire intervient pour le compte de la collectivité et ne répond pas aux"
                + " demandes des enseignants.");
    assertThat(of(facts, "prestataire"))
        .extracting(RoleFact::polarity)
        .containsExactly(Polarity.POSITIVE, Polarity.NEGATIVE);
    assertThat(of(facts, "prestataire").get(0).who())
        .contains("intervient pour le compte de la collectivité");
  }

  @Test
  void twoActorsSaidToBeOneGiveNoQuestion() {
    List<RoleFact> facts = read("Le responsable de traitement est le chef d'établissement.");
    assertThat(facts).allSatisfy(f -> assertThat(f.who()).isEmpty());
  }

  @Test
  void theTitleIntroducesItsPeople() {
    List<RoleFact> facts =
        readWithTitle(
            "Une journée avec Karim, directeur d'école",
            "Karim transmet les demandes de réparation à la commune.");
    assertThat(facts)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.actorId()).isEqualTo("directeur-ecole");
              assertThat(f.via()).isEqualTo(RoleFact.Via.PERSON);
            });
  }

  @Test
  void aCleftOnAPersonIsAFactOnTheirActor() {
    List<RoleFact> facts =
        read(
            "Nadia, conseillère pédagogique départementale au numérique, arrive.",
            "C'est Nadia qui prépare les animations pédagogiques du mercredi.");
    assertThat(of(facts, "cpd-numerique"))
        .anySatisfy(
            f -> {
              assertThat(f.via()).isEqualTo(RoleFact.Via.CLEFT);
              assertThat(f.who()).contains("prépare les animations pédagogiques du mercredi");
            });
  }

  @Test
  void aPronounObjectOfAPersonVerbIsTheSubjectOfTheClauseBefore() {
    List<RoleFact> facts =
        read(
            "Je suis DPD académique.",
            "Le principal m'appelle : je l'aide à rédiger la notification de la violation.");
    assertThat(of(facts, "dpd"))
        .anySatisfy(
            f ->
                assertThat(f.who())
                    .contains(
                        "aide le chef d'établissement à rédiger la notification de la violation"));
  }

  @Test
  void theDeterminerTellsWhetherALabelIsFeminineForTheClaim() {
    RoleFact f =
        of(read("La DSI est chargée de la sécurité des réseaux académiques."), "dsi").get(0);
    Actor rupn = CATALOG.byId("rupn").orElseThrow();
    assertThat(f.claim())
        .hasValueSatisfying(
            c -> assertThat(c.of(rupn)).startsWith("Le référent numérique est chargé de"));
  }

  @Test
  void anObjectRelativeGivesItsActorTheNounPhraseBeforeIt() {
    List<RoleFact> facts =
        read(
            "Les pannes se signalent par un formulaire, que chaque enseignant remplit lui-même"
                + " sur le portail académique.");
    assertThat(of(facts, "enseignant"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.who()).contains("remplit un formulaire sur le portail académique"));
  }

  @Test
  void aConditionThatCannotBeSaidLeavesItsFactWithoutQuestions() {
    List<RoleFact> facts =
        read(
            "Si c'est tout le réseau qui est en panne, l'incident est pris en charge par le"
                + " prestataire.");
    assertThat(facts).allSatisfy(f -> assertThat(f.who()).isEmpty());
  }

  @Test
  void aNegationOfTwoThingsGivesOneClaim() {
    List<RoleFact> facts =
        read(
            "Le référent numérique n'est ni technicien de maintenance ni administrateur du réseau.");
    assertThat(of(facts, "rupn"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.statement())
                    .contains("Le référent numérique est technicien de maintenance."));
  }

  @Test
  void aCleftOnAStressedPronounIsAFactOnWhatThePronounStandsFor() {
    List<RoleFact> facts =
        read(
            "La principale réunit le conseil pédagogique chaque mois.",
            "C'est elle qui signe les conventions avec les partenaires du collège.");
    assertThat(of(facts, "chef-etablissement"))
        .anySatisfy(
            f ->
                assertThat(f.who())
                    .contains("signe les conventions avec les partenaires du collège"));
  }

  @Test
  void anAdjectiveAfterTheActorsNameBelongsToIt() {
    List<RoleFact> facts =
        read("Le DPD académique vérifie les applications choisies par le collège.");
    assertThat(of(facts, "dpd"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.who()).contains("vérifie les applications choisies par le collège"));
  }

  @Test
  void aConditionAfterAColonIsTheSituationOfItsClause() {
    List<RoleFact> facts =
        read(
            "Ce n'est pas mon rôle : quand un poste tombe en panne, c'est la région qui envoie un"
                + " technicien.");
    assertThat(of(facts, "region"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.situation()).contains("Un poste tombe en panne.");
              assertThat(f.who()).contains("envoie un technicien");
            });
  }

  @Test
  void aShareWhoseThingIsSaidBeforeGivesNothing() {
    assertThat(read("Leur maintenance revient au conseil départemental.")).isEmpty();
  }

  @Test
  void aRelativeOnAnotherActorIsNoPartOfTheQuestion() {
    List<RoleFact> facts =
        read(
            "Le référent numérique travaille avec la DRANE, qui organise des rencontres entre"
                + " référents de l'académie.");
    assertThat(of(facts, "rupn"))
        .allSatisfy(f -> assertThat(f.who().orElse("")).doesNotContain("organise"));
    assertThat(of(facts, "drane"))
        .anySatisfy(
            f ->
                assertThat(f.who())
                    .contains("organise des rencontres entre référents de l'académie"));
  }

  @Test
  void aTimeMarkerOpeningTheSentenceLowersAFactWhoseObjectPronounWasPutBack() {
    // « les » is put back as « les trois animations… »; the time marker is the sentence's, not
    // the clause's, and is read in the sentence as written.
    String before = "L'IEN programme trois animations consacrées au numérique.";
    String clause = " l'eRUN les prépare pour les enseignants de cycle 3.";
    RoleFact general = of(read(before + " L'IEN réunit les directeurs ;" + clause), "erun").get(0);
    RoleFact dated =
        of(read(before + " Ce matin, l'IEN réunit les directeurs ;" + clause), "erun").get(0);
    assertThat(general.who())
        .contains(
            "prépare les trois animations consacrées au numérique pour les enseignants"
                + " de cycle 3");
    assertThat(general.salience()).isGreaterThanOrEqualTo(1);
    assertThat(dated.salience()).isLessThan(1);
  }

  @Test
  void aSecondSubjectAfterEtStartsAClauseOfItsOwn() {
    List<RoleFact> facts =
        read(
            "L'IEN programme trois animations consacrées au numérique.",
            "L'IEN réunit les directeurs de la circonscription et l'eRUN les prépare pour les"
                + " enseignants de cycle 3.");
    assertThat(of(facts, "ien"))
        .extracting(RoleFact::predicate)
        .contains("réunit les directeurs de la circonscription");
    assertThat(of(facts, "erun"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.who())
                    .contains(
                        "prépare les trois animations consacrées au numérique pour les"
                            + " enseignants de cycle 3"));
  }

  @Test
  void twoSubjectsSharingAVerbAfterQueStayInOneClause() {
    List<RoleFact> facts =
        read(
            "Le référent numérique s'assure que les élèves et les parents parviennent à se"
                + " connecter à l'ENT.");
    assertThat(of(facts, "rupn"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.who())
                    .contains(
                        "s'assure que les élèves et les parents parviennent à se connecter à"
                            + " l'ENT"));
  }
}
