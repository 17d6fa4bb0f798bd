/**
 * Question exports as output formats: Moodle XML and GIFT files for the question bank ({@code
 * questions/}), and one JSON file per unit ({@code quiz/}).
 */
package io.github.coursepack.format.questions;
