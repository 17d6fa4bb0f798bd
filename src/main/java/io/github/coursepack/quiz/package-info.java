/**
 * The comprehension quiz of a unit: questions about who does what, generated from the role facts of
 * the analysis, checked for ambiguity and French grammar, then adjusted by the trainer's sidecar
 * overrides; and the question exports (Moodle XML, GIFT, JSON).
 */
package io.github.coursepack.quiz;
