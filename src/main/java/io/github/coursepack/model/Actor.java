package io.github.coursepack.model;

import java.util.List;
import java.util.Objects;

/**
 * An actor of French digital education, as the catalogue describes it: how to name it with the
 * right article, the acronyms and full names texts use for it, and where it works.
 *
 * @param id stable identifier ({@code cpd-numerique}), used in quiz exports
 * @param label the name used in generated questions, without article ({@code CPD numérique})
 * @param feminine whether the label is grammatically feminine ({@code la DSI})
 * @param plural the plural of the label
 * @param elides whether the article elides ({@code l'IEN})
 * @param hasArticle false for names used without article ({@code Réseau Canopé})
 * @param level where it works
 * @param service true for a system (the GAR), which gets acronym questions only
 * @param generic a broad category (enseignant), which a more specific role named beside it wins
 *     over
 * @param group actors of one non-empty group are never distractors for one another
 * @param acronyms acronyms, matched case-sensitively
 * @param expansions full names of the acronym, the reference one first
 * @param aliases other names texts use
 * @param subjectAliases names that mean this actor only as the subject of a verb
 */
public record Actor(
    String id,
    String label,
    boolean feminine,
    String plural,
    boolean elides,
    boolean hasArticle,
    Level level,
    boolean service,
    boolean generic,
    String group,
    List<String> acronyms,
    List<String> expansions,
    List<String> aliases,
    List<String> subjectAliases) {

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(plural, "plural");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(group, "group");
    acronyms = List.copyOf(acronyms);
    expansions = List.copyOf(expansions);
    aliases = List.copyOf(aliases);
    subjectAliases = List.copyOf(subjectAliases);
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("actor id must be lower case with hyphens: " + id);
    }
  }

  /** With its definite article: « le CPD numérique », « la DSI », « l'IEN », « Réseau Canopé ». */
  public String definite() {
    if (!hasArticle) {
      return label;
    }
    if (elides) {
      return "l'" + label;
    }
    return (feminine ? "la " : "le ") + label;
  }

  /** Plural with article: « les eRUN », « les collectivités territoriales ». */
  public String definitePlural() {
    return hasArticle ? "les " + plural : plural;
  }

  /** After « de »: « du CPD numérique », « de la DSI », « de l'IEN », « de Réseau Canopé ». */
  public String ofForm() {
    if (!hasArticle) {
      return "de " + label;
    }
    if (elides) {
      return "de l'" + label;
    }
    return feminine ? "de la " + label : "du " + label;
  }

  /** After « à »: « au CPD numérique », « à la DSI », « à l'IEN », « à Réseau Canopé ». */
  public String toForm() {
    if (!hasArticle) {
      return "à " + label;
    }
    if (elides) {
      return "à l'" + label;
    }
    return feminine ? "à la " + label : "au " + label;
  }

  /** {@link #definite()} with a capital, to start a sentence or an option. */
  public String definiteCapitalised() {
    return Texts.capitalise(definite());
  }

  /** Whether the two actors may stand as distractors for each other. */
  public boolean sameGroup(Actor other) {
    return !group.isEmpty() && group.equals(other.group);
  }
}
