package io.github.coursepack.model;

import java.util.Locale;
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
    String w =
        java.text.Normalizer.normalize(word.strip(), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    for (Level l : values()) {
      String own =
          java.text.Normalizer.normalize(l.label, java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}+", "");
      if (own.equals(w) || l.name().equalsIgnoreCase(w)) {
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
