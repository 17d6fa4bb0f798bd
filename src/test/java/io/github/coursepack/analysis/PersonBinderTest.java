package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonBinderTest {

  private final ActorCatalog catalog = ActorCatalog.defaults();
  private final Discourse discourse = new Discourse(catalog);
  private final PersonBinder binder = new PersonBinder(catalog, discourse);

  private void read(String text) {
    Sentences s = Sentences.of(text);
    discourse.beginSentence(s.tokens(), s.mentions(), text);
    binder.bind(s.tokens(), s.mentions(), text);
    discourse.endSentence();
  }

  @Test
  void aNameWithItsRoleInAppositionIsBoundToThatActor() {
    read("Nadia, conseillère pédagogique départementale au numérique, anime le réseau.");
    assertThat(discourse.persons.get("Nadia").actorId()).isEqualTo("cpd-numerique");
  }

  @Test
  void enTantQueBindsTheNameThatFollows() {
    read("En tant qu'eRUN, Aurélie accompagne les écoles.");
    assertThat(discourse.persons.get("Aurélie").actorId()).isEqualTo("erun");
  }

  @Test
  void aPronounAfterCEstNameIsBoundByTheNextSentence() {
    read("Elle, c'est Sarah.");
    read("Elle est eRUN dans le département.");
    assertThat(discourse.persons.get("Sarah").actorId()).isEqualTo("erun");
  }

  @Test
  void aPersonKeepsTheFirstRoleTheTextGives() {
    read("Nadia, conseillère pédagogique départementale au numérique, anime le réseau.");
    read("Nadia, référente numérique du collège, arrive.");
    assertThat(discourse.persons.get("Nadia").actorId()).isEqualTo("cpd-numerique");
  }

  @Test
  void aNameWithoutARoleIsRememberedAsAPersonOnly() {
    read("Karim ouvre le portail de l'école.");
    assertThat(discourse.persons).doesNotContainKey("Karim");
    assertThat(discourse.lastNamedPerson.person()).isEqualTo("Karim");
  }
}
