package io.github.coursepack.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A licence as the author names it, with the address of its text when known.
 *
 * @param name e.g. {@code CC BY-NC-ND 4.0}
 * @param url the licence text, when the author linked it or the name is a known Creative Commons
 *     one
 */
public record Licence(String name, Optional<URI> url) {
  public Licence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a licence has a name");
    }
  }
}
