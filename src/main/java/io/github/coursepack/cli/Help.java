package io.github.coursepack.cli;

import io.github.coursepack.i18n.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * The language of {@code --help}. English is the annotations' own text (the reference); French
 * comes from {@code help_fr.properties}, which picocli reads for the descriptions of commands,
 * options and parameters and for the usage headings. A description missing there stays English (a
 * test checks that none is).
 */
final class Help {

  /** The French help, beside this class. */
  static final String FRENCH = "help_fr.properties";

  private Help() {}

  /**
   * Gives {@code cli} and its sub-commands the help of {@code language}. Set here rather than with
   * {@code @Command(resourceBundle=…)}, which picocli loads in the JVM's default locale whatever
   * {@code --lang} says.
   */
  static void localise(CommandLine cli, Language language) {
    if (language == Language.FR) {
      cli.setResourceBundle(french());
    }
  }

  /** The French help bundle, read as UTF-8 and on its own (no fallback to another locale). */
  static ResourceBundle french() {
    try (InputStream in = Help.class.getResourceAsStream(FRENCH);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new PropertyResourceBundle(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
