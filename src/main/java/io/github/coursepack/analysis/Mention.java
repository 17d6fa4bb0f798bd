package io.github.coursepack.analysis;

/**
 * Where a text names an actor.
 *
 * @param actorId the catalogue id
 * @param start offset of the first character in the sentence
 * @param end offset after the last character
 * @param text the words as written
 * @param subjectOnly the form names the actor only as the subject of a verb ("le département")
 */
public record Mention(String actorId, int start, int end, String text, boolean subjectOnly) {

  boolean overlaps(Mention other) {
    return start < other.end && other.start < end;
  }
}
