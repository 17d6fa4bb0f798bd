package io.github.coursepack.model;

/** Whether a text says an actor does something, or says it does not. */
public enum Polarity {
  POSITIVE,
  NEGATIVE
}
