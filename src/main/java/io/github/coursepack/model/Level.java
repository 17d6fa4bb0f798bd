package io.github.coursepack.model;

import java.util.Optional;

/** Where an actor works, from the school up to the ministry. */
public enum Level {
  ECOLE("école"),
  CIRCONSCRIPTION("circonscription"),
  ETABLISSEMENT("établissement"),
  DEPARTEMENT("département"),
  ACADEMIE("académie"),
  REGION("région"),
  NATIONAL("national");

  private final String label;

  Level(String label) {
    this.label = label;
  }

  /** The French word used in catalogues ({@code académie}). */
  public String label() {
    return label;
  }

  /** Reads a level from its French word, with or without accents. */
  public static Optional<Level> of(String word) {
    String w = Texts.fold(word.strip());
    for (Level l : values()) {
      if (Texts.fold(l.label).equals(w) || l.name().equalsIgnoreCase(w)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** How far apart two levels are; distractors are taken from the nearest levels first. */
  public int distance(Level other) {
    return Math.abs(ordinal() - other.ordinal());
  }
}
