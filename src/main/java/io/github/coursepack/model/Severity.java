package io.github.coursepack.model;

/** How serious a {@link Diagnostic} is; the order is from most to least serious. */
public enum Severity {
  /** The input cannot be used as it is; the resource concerned is not built. */
  ERROR,
  /** The input was used, but probably not as its author meant; worth a look. */
  WARNING,
  /** Something the tool did on the author's behalf, for the record. */
  INFO;

  /** The lower-case word printed in compiler-style messages ({@code error}, {@code warning}, …). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
