package io.github.coursepack.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A media file that travels inside the packages, such as a local MP4.
 *
 * @param name the file's name inside the package's {@code media/} folder
 * @param source where it is on disk; it is streamed into archives, never loaded whole
 * @param mimeType e.g. {@code video/mp4}
 */
public record LocalMedia(String name, Path source, String mimeType) {
  public LocalMedia {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mimeType, "mimeType");
  }
}
