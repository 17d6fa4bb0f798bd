package io.github.coursepack.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit's video: an embed address (usually PeerTube), a direct MP4 address, a local file, or a
 * mix.
 *
 * @param embed the {@code https} address for an iframe
 * @param peerTube the PeerTube instance and video id, when the embed address is a PeerTube one
 * @param download a direct MP4 address (needed by H5P and HTML5 players)
 * @param local a video file that is copied into the packages
 */
public record Video(
    Optional<URI> embed,
    Optional<PeerTubeVideo> peerTube,
    Optional<URI> download,
    Optional<LocalMedia> local,
    Optional<java.time.Duration> duration) {

  /** A video whose duration is not given. */
  public Video(
      Optional<URI> embed,
      Optional<PeerTubeVideo> peerTube,
      Optional<URI> download,
      Optional<LocalMedia> local) {
    this(embed, peerTube, download, local, Optional.empty());
  }

  public Video {
    Objects.requireNonNull(embed, "embed");
    Objects.requireNonNull(peerTube, "peerTube");
    Objects.requireNonNull(download, "download");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(duration, "duration");
    if (embed.isEmpty() && download.isEmpty() && local.isEmpty()) {
      throw new IllegalArgumentException("a video has at least one address or file");
    }
  }
}
