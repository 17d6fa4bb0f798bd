package io.github.coursepack.cli;

import java.nio.file.Path;

/**
 * How the command line shows a path: relative when it is under the working folder, else absolute.
 */
final class ShownPath {

  private ShownPath() {}

  static String of(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = path.toAbsolutePath().normalize();
    if (abs.equals(cwd)) {
      return ".";
    }
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
