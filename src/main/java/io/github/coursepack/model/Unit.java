package io.github.coursepack.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One learning unit, made from one resource file: a video with its transcript, or an article.
 *
 * @param id stable identifier, derived from the course id and the unit's slug
 * @param slug file-name-safe name, unique in the course
 * @param sourceName the resource's file name, for messages and reports
 * @param title the unit's title
 * @param description a short presentation, possibly empty
 * @param area the competence area (« Domaine 1 »), possibly empty
 * @param video the video, if any
 * @param transcript what the video says, possibly empty
 * @param article the other content of the resource, possibly empty
 * @param credits who made it
 * @param metadata front-matter keys the tool does not know, kept as they were
 * @param quiz the unit's quiz, {@link Quiz#NONE} until the quiz stage has run or when the text
 *     gives nothing to ask
 */
public record Unit(
    String id,
    String slug,
    String sourceName,
    String title,
    String description,
    String area,
    Optional<Video> video,
    Transcript transcript,
    Article article,
    Credits credits,
    Map<String, String> metadata,
    Quiz quiz) {

  public Unit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(credits, "credits");
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(quiz, "quiz");
    if (title.isBlank()) {
      throw new IllegalArgumentException("a unit has a title");
    }
  }

  /** The same unit with a quiz. */
  public Unit withQuiz(Quiz newQuiz) {
    return new Unit(
        id,
        slug,
        sourceName,
        title,
        description,
        area,
        video,
        transcript,
        article,
        credits,
        metadata,
        newQuiz);
  }

  /** The sentences questions are drawn from: the transcript, else the article. */
  public java.util.List<TextBlock> textBlocks() {
    return transcript.isEmpty() ? article.blocks() : transcript.blocks();
  }
}
