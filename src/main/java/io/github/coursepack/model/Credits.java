package io.github.coursepack.model;

import java.util.List;
import java.util.Optional;

/**
 * Who made the resource, and under which licence.
 *
 * @param entries role–value pairs in the order written
 * @param notes free sentences of the credits section (« Ressource produite avec le soutien… »)
 * @param licence the licence named in the credits, if any
 */
public record Credits(List<Credit> entries, List<String> notes, Optional<Licence> licence) {

  public static final Credits NONE = new Credits(List.of(), List.of(), Optional.empty());

  public Credits {
    entries = List.copyOf(entries);
    notes = List.copyOf(notes);
    java.util.Objects.requireNonNull(licence, "licence");
  }

  public boolean isEmpty() {
    return entries.isEmpty() && notes.isEmpty() && licence.isEmpty();
  }
}
