package io.github.coursepack.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check every command makes of a folder argument, so that they all say the same thing: a path
 * that {@code does not exist}, or one that exists but {@code is not a folder}.
 */
final class FolderArgument {

  private FolderArgument() {}

  /**
   * Whether {@code dir} is a folder; otherwise says why on {@code err}.
   *
   * @param what what the folder should hold, for the message: {@code "the course's resource files"}
   */
  static boolean check(Path dir, String what, PrintWriter err) {
    if (Files.isDirectory(dir)) {
      return true;
    }
    err.println(
        "coursepack: "
            + dir
            + (Files.exists(dir) ? " is not a folder" : " does not exist")
            + "; give the folder that holds "
            + what);
    return false;
  }
}
