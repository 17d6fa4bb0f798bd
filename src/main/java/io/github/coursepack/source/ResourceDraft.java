package io.github.coursepack.source;

import io.github.coursepack.model.Article;
import io.github.coursepack.model.Credits;
import io.github.coursepack.model.Transcript;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A resource as read, before the course gives it a slug and an id.
 *
 * @param file the resource file
 * @param slug the front matter's {@code slug}, when the author chose one
 * @param localVideo a video file given by {@code videoFile}, resolved and checked
 */
record ResourceDraft(
    Path file,
    String title,
    String description,
    String area,
    Optional<VideoSource.Embed> embed,
    Optional<URI> download,
    Optional<Path> localVideo,
    Optional<java.time.Duration> videoDuration,
    Transcript transcript,
    Article article,
    Credits credits,
    Map<String, String> metadata,
    Optional<String> slug) {}
