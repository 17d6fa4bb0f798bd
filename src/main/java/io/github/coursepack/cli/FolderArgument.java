package io.github.coursepack.cli;

import io.github.coursepack.i18n.Language;
import io.github.coursepack.i18n.Message;
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
   * @param what what the folder should hold, for the message: {@code
   *     Message.of("folder.courseFiles")}
   */
  static boolean check(Path dir, Message what, PrintWriter err, Language language) {
    if (Files.isDirectory(dir)) {
      return true;
    }
    err.println(
        Message.of(Files.exists(dir) ? "folder.notAFolder" : "folder.missing", dir, what)
            .in(language));
    return false;
  }

  /**
   * {@link #check(Path, Message, PrintWriter, Language)} in English, with {@code what} in English.
   */
  static boolean check(Path dir, String what, PrintWriter err) {
    return check(dir, Message.plain(what), err, Language.EN);
  }
}
