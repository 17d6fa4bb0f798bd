package io.github.coursepack.model;

import java.util.Objects;

/**
 * A fact's statement with its actor left open, so that the quiz can say it of another actor (« La
 * DSI répare les vidéoprojecteurs. », false when the text gives that role to the collectivité).
 * Each template holds one placeholder: {@value #SUBJECT} for the actor as subject (« La DSI »),
 * {@value #TO} for the actor after « à » (« à la DSI »), or {@value #OBJECT} for the actor as an
 * object (« la DSI »).
 *
 * @param masculine the template for an actor with a masculine label
 * @param feminine the template for an actor with a feminine label (participles agree)
 */
public record Claim(String masculine, String feminine) {

  public static final String SUBJECT = "{S}";
  public static final String TO = "{À}";
  public static final String OBJECT = "{O}";

  public Claim {
    Objects.requireNonNull(masculine, "masculine");
    Objects.requireNonNull(feminine, "feminine");
    if (!holdsPlace(masculine) || !holdsPlace(feminine)) {
      throw new IllegalArgumentException("a claim has a place for its actor: " + masculine);
    }
  }

  /** A claim that reads the same whatever the actor's gender (« Il faut prévenir {O}. »). */
  public static Claim either(String template) {
    return new Claim(template, template);
  }

  /**
   * The claim « {S} who. » of a « Qui … ? » form, masculine and feminine (« {S} est chargé de… », «
   * {S} est chargée de… »).
   */
  public static Claim subject(String who, String whoFeminine) {
    return new Claim(SUBJECT + " " + who + ".", SUBJECT + " " + whoFeminine + ".");
  }

  private static boolean holdsPlace(String template) {
    return template.contains(SUBJECT) || template.contains(TO) || template.contains(OBJECT);
  }

  /** The claim said of {@code actor}, as a sentence. */
  public String of(Actor actor) {
    String template = actor.feminine() ? feminine : masculine;
    String out =
        template
            .replace(SUBJECT, actor.definiteCapitalised())
            .replace(TO, actor.toForm())
            .replace(OBJECT, actor.definite());
    return Texts.capitalise(out);
  }
}
