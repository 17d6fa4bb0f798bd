package io.github.coursepack.model;

import java.util.Objects;

/**
 * A video on a PeerTube instance.
 *
 * @param host the instance, e.g. {@code tube.reseau-canope.fr}
 * @param id the video's UUID or short UUID, as it appears in its embed address
 */
public record PeerTubeVideo(String host, String id) {
  public PeerTubeVideo {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(id, "id");
  }
}
