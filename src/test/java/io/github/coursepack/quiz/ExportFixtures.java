package io.github.coursepack.quiz;

import io.github.coursepack.model.Article;
import io.github.coursepack.model.Choice;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Credits;
import io.github.coursepack.model.Polarity;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.QuestionKind;
import io.github.coursepack.model.Quiz;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Transcript;
import io.github.coursepack.model.Unit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small course with one question of each kind and every character GIFT and XML reserve. */
public final class ExportFixtures {

  static final Sentence EVIDENCE =
      new Sentence(3, "La DSI {gère} la messagerie : ~tout = #1 \\ <b>.", 14);

  private ExportFixtures() {}

  public static Course course() {
    Question who =
        new Question.MultipleChoice(
            "c-u-who-dsi-1",
            QuestionKind.WHO,
            "D'après la vidéo, qui gère la messagerie : {académique} ~ = # \\ ?",
            List.of(
                new Choice("La DSI", true, "dsi"),
                new Choice("Le DPD <expert>", false, "dpd"),
                new Choice("L'IAN & co", false, "ian")),
            "C'est la DSI. La vidéo le dit : « " + EVIDENCE.text() + " »",
            List.of(EVIDENCE),
            Polarity.POSITIVE);
    Question tf =
        new Question.TrueFalse(
            "c-u-truefalse-rupn-2",
            "Le référent numérique assure la maintenance du parc.",
            false,
            "rupn",
            "Faux. La vidéo dit le contraire : « Il n'assure pas la maintenance. »",
            List.of(new Sentence(4, "Il n'assure pas la maintenance.", 15)),
            Polarity.NEGATIVE);
    Question match =
        new Question.Matching(
            "c-u-matching-3",
            "D'après la vidéo, associez chaque acteur à ce qu'il fait.",
            List.of(
                new Question.Matching.Pair("dsi", "La DSI", "Gérer la messagerie"),
                new Question.Matching.Pair("dpd", "Le DPD", "Conseiller sur les données : RGPD"),
                new Question.Matching.Pair("ian", "L'IAN", "Valoriser les projets")),
            "La vidéo le dit.",
            List.of(EVIDENCE),
            Polarity.POSITIVE);
    Unit unit =
        new Unit(
            "c-u",
            "u",
            "u.md",
            "Unité 1/2 : la DSI & le DPD",
            "Une <description>.",
            "",
            Optional.empty(),
            Transcript.NONE,
            Article.NONE,
            Credits.NONE,
            Map.of(),
            new Quiz(List.of(who, tf, match), 80));
    return new Course(
        "c",
        "c",
        "Cours « numérique »",
        "C",
        "",
        "fr",
        Optional.empty(),
        80,
        8,
        List.of(),
        List.of(unit));
  }
}
