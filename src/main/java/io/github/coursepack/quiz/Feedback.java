package io.github.coursepack.quiz;

import io.github.coursepack.model.Actor;
import io.github.coursepack.model.Claim;
import io.github.coursepack.model.RoleFact;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Texts;
import io.github.coursepack.model.Unit;
import java.util.List;
import java.util.Optional;

/**
 * What the learner reads after answering: the right answer with the sentence that says it, and for
 * each wrong option the text mentions, what the text says that actor does instead — so that the
 * feedback teaches who does what, not only what was right.
 */
final class Feedback {

  private final Distractors distractors;

  Feedback(Distractors distractors) {
    this.distractors = distractors;
  }

  /** For a « Qui … ? »: the answer, its sentence, then what each distractor does. */
  String who(Unit unit, String source, Actor answer, RoleFact f, List<Actor> wrong) {
    StringBuilder out = new StringBuilder();
    out.append("Bonne réponse : ")
        .append(f.asked() == RoleFact.Asked.TO ? answer.toForm() : answer.definite())
        .append(". ")
        .append(quote(source, f.evidence()));
    out.append(others(unit, source, f, wrong));
    return out.toString();
  }

  /** For a statement whose subject is not the text's actor: who the text says does it. */
  String swapped(String source, Actor subject, RoleFact f, Actor right) {
    String truth = f.claim().map(c -> c.of(right)).orElse("");
    return "Faux : ce n'est pas le rôle "
        + subject.ofForm()
        + ". "
        + truth
        + " "
        + quote(source, f.evidence());
  }

  /** For a negation of the text, turned into a false statement. */
  String denied(String source, RoleFact f, Optional<RoleFact> credited) {
    StringBuilder out = new StringBuilder("Faux. ");
    out.append(Texts.capitalise(source))
        .append(" dit le contraire : « ")
        .append(f.evidence().text())
        .append(" »");
    credited
        .flatMap(c -> c.claim().map(cl -> cl.of(actorOf(c))))
        .ifPresent(t -> out.append(" ").append(t));
    return out.toString();
  }

  /** For a true statement. */
  String affirmed(String source, RoleFact f) {
    return "Vrai. " + quote(source, f.evidence());
  }

  /** What each wrong option does according to the unit's text, one sentence each. */
  private String others(Unit unit, String source, RoleFact f, List<Actor> wrong) {
    StringBuilder out = new StringBuilder();
    for (Actor d : wrong) {
      if (f.contrast().map(d.id()::equals).orElse(false)) {
        out.append(" ")
            .append(Texts.capitalise(source))
            .append(" précise que ce n'est pas le rôle ")
            .append(d.ofForm())
            .append(".");
        continue;
      }
      Optional<RoleFact> best = distractors.bestFactOf(unit, d.id());
      if (best.isEmpty() || best.get().claim().isEmpty()) {
        continue;
      }
      Claim c = best.get().claim().get();
      String template = d.feminine() ? c.feminine() : c.masculine();
      if (!template.startsWith(Claim.SUBJECT)) {
        continue;
      }
      String pronoun = d.feminine() ? "elle" : "lui";
      out.append(" ")
          .append(template.replace(Claim.SUBJECT, d.definiteCapitalised() + ", " + pronoun + ","));
    }
    return out.toString();
  }

  private Actor actorOf(RoleFact f) {
    return distractors.actor(f.actorId());
  }

  static String quote(String source, Sentence s) {
    return Texts.capitalise(source) + " le dit : « " + s.text() + " »";
  }
}
