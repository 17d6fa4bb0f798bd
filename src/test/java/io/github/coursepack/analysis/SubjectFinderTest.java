package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.RoleFact;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectFinderTest {

  private final SubjectFinder finder = new SubjectFinder(new Discourse(ActorCatalog.defaults()));

  private Optional<Subject> firstSubject(Sentences s) {
    for (int i = 0; i < s.tokens().size(); i++) {
      Optional<Subject> found = finder.subjectAt(s.tokens(), s.mentions(), i, 0, s.tokens().size());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  @Test
  void aCommaFollowedByASubjectAndItsVerbOpensAClause() {
    Sentences s = Sentences.of("La DSI déploie les applications, la DRANE anime le réseau.");
    List<int[]> clauses = finder.clauses(s.tokens(), s.mentions());
    assertThat(clauses).hasSize(2);
    assertThat(s.tokens().get(clauses.get(1)[0]).text()).isEqualTo("la");
  }

  @Test
  void aCommaBeforeAListIsNoClauseBoundary() {
    Sentences s = Sentences.of("La DSI déploie les applications, les comptes et les réseaux.");
    assertThat(finder.clauses(s.tokens(), s.mentions())).hasSize(1);
  }

  @Test
  void aNamedSubjectStartsItsVerbPhraseAtTheVerb() {
    Sentences s = Sentences.of("Le CPD numérique anime le réseau des eRUN.");
    Subject subject = firstSubject(s).orElseThrow();
    assertThat(subject.via()).isEqualTo(RoleFact.Via.NAMED);
    assertThat(subject.mention().actorId()).isEqualTo("cpd-numerique");
    assertThat(s.tokens().get(subject.verbStart()).text()).isEqualTo("anime");
  }

  @Test
  void aNegationBeforeTheVerbBelongsToTheVerbPhrase() {
    Sentences s = Sentences.of("Le référent numérique ne répare pas les ordinateurs.");
    Subject subject = firstSubject(s).orElseThrow();
    assertThat(s.tokens().get(subject.verbStart()).text()).isEqualTo("ne");
  }

  @Test
  void aCleftNamesTheActorAfterCEst() {
    Sentences s = Sentences.of("C'est le chef d'établissement qui nomme le référent numérique.");
    Subject subject = firstSubject(s).orElseThrow();
    assertThat(subject.via()).isEqualTo(RoleFact.Via.CLEFT);
    assertThat(subject.mention().actorId()).isEqualTo("chef-etablissement");
    assertThat(s.tokens().get(subject.verbStart()).text()).isEqualTo("nomme");
  }

  @Test
  void anIndefiniteSubjectIsAnExampleNotARole() {
    Sentences s = Sentences.of("Un chef d'établissement demande souvent conseil.");
    assertThat(firstSubject(s)).hasValueSatisfying(x -> assertThat(x.indefinite()).isTrue());
  }

  @Test
  void aSubjectFollowedByNoVerbIsNoSubject() {
    Sentences s = Sentences.of("Avec la DSI et la DRANE.");
    assertThat(firstSubject(s)).isEmpty();
  }

  @Test
  void aRelativeClauseOnAnActorEndsAtTheNextClause() {
    Sentences s =
        Sentences.of("Il travaille avec la DRANE, qui anime le réseau, et il forme les équipes.");
    List<SubjectFinder.Relative> relatives = finder.relatives(s.tokens(), s.mentions());
    assertThat(relatives)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.mention().actorId()).isEqualTo("drane");
              assertThat(s.tokens().get(r.verbStart()).text()).isEqualTo("anime");
              assertThat(s.tokens().get(r.end()).text()).isEqualTo(",");
            });
  }
}
