/**
 * The comprehension quiz of a unit: questions about who does what, generated from the role facts of
 * the analysis, checked for ambiguity and French grammar, then adjusted by the trainer's sidecar
 * overrides (and a ready-to-edit override file, {@link
 * io.github.coursepack.quiz.OverrideSkeleton}); the question exports (Moodle XML, GIFT, JSON),
 * which all name a question by its one id (bounded to Moodle's 100 characters); and the course's
 * quizzes from one build to the next ({@link io.github.coursepack.quiz.QuizHistory}), to say what a
 * rebuild changed.
 */
package io.github.coursepack.quiz;
