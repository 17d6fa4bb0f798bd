package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscourseTest {

  private final ActorCatalog catalog = ActorCatalog.defaults();
  private final Discourse discourse = new Discourse(catalog);
  private final PersonBinder binder = new PersonBinder(catalog, discourse);
  private final SubjectFinder finder = new SubjectFinder(discourse);

  /** Reads a sentence as the extractor does and resolves its first subject. */
  private Optional<Referent> read(String text) {
    Sentences s = Sentences.of(text);
    discourse.beginSentence(s.tokens(), s.mentions(), text);
    binder.bind(s.tokens(), s.mentions(), text);
    discourse.noteNamed(s.tokens(), s.mentions(), binder);
    Optional<Referent> out = Optional.empty();
    for (int i = 0; i < s.tokens().size() && out.isEmpty(); i++) {
      Optional<Subject> subject =
          finder.subjectAt(s.tokens(), s.mentions(), i, 0, s.tokens().size());
      if (subject.isPresent()) {
        out = discourse.resolve(subject.get(), s.tokens());
        discourse.lastSubject = out.orElse(null);
      }
    }
    discourse.endSentence();
    return out;
  }

  @Test
  void aPronounRefersToTheLastSubjectOfItsGender() {
    read("La DSI déploie les applications académiques.");
    assertThat(read("Elle gère aussi les comptes.")).map(Referent::actorId).contains("dsi");
  }

  @Test
  void aPronounOfTheOtherGenderDoesNotReferToTheLastSubject() {
    read("La DSI déploie les applications académiques.");
    assertThat(read("Il gère aussi les comptes.")).isEmpty();
  }

  @Test
  void twoAgreeingActorsOfThePreviousSentenceLeaveAPronounUnresolved() {
    read("Le projet associe la DSI et la DRANE.");
    assertThat(read("Elle pilote le déploiement.")).isEmpty();
  }

  @Test
  void aDemonstrativeRefersToTheLastActorMentionedWithItsGender() {
    read("Le CPD numérique travaille avec la DRANE.");
    assertThat(read("Celle-ci propose des parcours.")).map(Referent::actorId).contains("drane");
  }

  @Test
  void aMentionAfterADemonstrativeDeterminerRefersBackToTheActorNamedBefore() {
    read("L'IEN chargé de la mission numérique réunit les eRUN.");
    assertThat(read("Cet inspecteur fixe les priorités."))
        .map(Referent::actorId)
        .contains("ien-numerique");
  }

  @Test
  void theDeterminerGivesAnAcronymItsNumber() {
    Sentences s = Sentences.of("Les IAN valorisent les projets.");
    Referent r = discourse.referent(s.mentions().get(0), s.tokens());
    assertThat(r.plural()).isTrue();
  }
}
