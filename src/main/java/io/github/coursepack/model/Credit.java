package io.github.coursepack.model;

import java.util.Objects;

/**
 * One line of credits: a role and who held it ({@code Scénario} : {@code Jeanne Martin, Paul
 * Roux}).
 *
 * @param role the role as written, without emphasis
 * @param value who or what, as plain text
 */
public record Credit(String role, String value) {
  public Credit {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(value, "value");
  }
}
