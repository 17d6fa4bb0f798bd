/**
 * The comprehension quiz of a unit: questions about who does what, generated from the role facts of
 * the analysis, checked for ambiguity and French grammar, then adjusted by the trainer's sidecar
 * overrides; the question exports (Moodle XML, GIFT, JSON); and the course's quizzes from one build
 * to the next ({@link io.github.coursepack.quiz.QuizHistory}), to say what a rebuild changed.
 */
package io.github.coursepack.quiz;
