package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Severity;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrphanCheckTest {

  private static final Path FILE = Path.of("04-le-gar-en-pratique.quiz.yaml");

  private final DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

  private OrphanCheck check(String slug, String... known) {
    return new OrphanCheck(
        FILE, "04-le-gar-en-pratique.txt", "qfq-num-" + slug, slug, Set.of(known));
  }

  @Test
  void anIdOfTheUnitIsItsOwnQuestion() {
    String id = "qfq-num-le-gar-en-pratique-who-dne-8716ca6a";
    assertThat(check("le-gar-en-pratique", id).resolve(id, 3, sink)).contains(id);
    assertThat(sink.list()).isEmpty();
  }

  @Test
  void anIdUnderTheUnitsOldSlugSaysWhatHappenedAndHowToFixItAtItsLine() {
    OrphanCheck check =
        check("le-gar-au-quotidien", "qfq-num-le-gar-au-quotidien-who-dne-8716ca6a");
    assertThat(check.resolve("qfq-num-le-gar-en-pratique-who-dne-8716ca6a", 7, sink)).isEmpty();
    assertThat(sink.list()).hasSize(1);
    Diagnostic d = sink.list().get(0);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.file()).isEqualTo(FILE);
    assertThat(d.line()).isEqualTo(7);
    assertThat(d.message())
        .isEqualTo(
            "no generated question 'qfq-num-le-gar-en-pratique-who-dne-8716ca6a': the question ids"
                + " of this unit now start with 'qfq-num-le-gar-au-quotidien-', and this one starts"
                + " with 'qfq-num-le-gar-en-pratique-': the unit's slug changed from"
                + " 'le-gar-en-pratique' to 'le-gar-au-quotidien' (its title changed, or its slug"
                + " was set). This override is ignored. To fix it, give the unit its old slug back,"
                + " with the line '04-le-gar-en-pratique.txt: le-gar-en-pratique' in"
                + " .coursepack/ids.yaml (or 'slug: le-gar-en-pratique' in its front matter), or"
                + " replace 'qfq-num-le-gar-en-pratique-' with 'qfq-num-le-gar-au-quotidien-' in"
                + " this file");
  }

  @Test
  void anIdWhoseSentenceChangedIsStillSaidSo() {
    OrphanCheck check = check("le-gar-en-pratique", "qfq-num-le-gar-en-pratique-who-dne-8716ca6a");
    assertThat(check.resolve("qfq-num-le-gar-en-pratique-who-dne-00000000", 2, sink)).isEmpty();
    assertThat(sink.list().get(0).message()).contains("its sentence changed?");
  }

  @Test
  void anIdWrittenBeforeIdsWereBoundedStillAppliesWithANoteGivingTheNewId() {
    String unit = "le-conseiller-pedagogique-departemental-au-numerique";
    String tail = "truefalse-cpd-numerique-b240218a-ien-numerique";
    String old = "qfq-num-" + unit + "-" + tail;
    assertThat(old.length()).as("longer than Moodle's idnumber").isGreaterThan(100);
    String now = QuestionIds.of("qfq-num-" + unit, tail);
    assertThat(check(unit, now).resolve(old, 5, sink)).contains(now);
    assertThat(sink.list()).hasSize(1);
    assertThat(sink.list().get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(sink.list().get(0).message()).contains("its id is now '" + now + "'");
  }
}
