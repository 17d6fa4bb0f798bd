/**
 * {@code coursepack validate}: tells an archive's kind from its content, refuses hostile zips
 * before reading them, runs the kind's check and reports in text, JSON or JUnit XML.
 */
package io.github.coursepack.validate;
