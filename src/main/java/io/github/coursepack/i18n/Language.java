package io.github.coursepack.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language coursepack speaks to its user: French when the user asks for French, English
 * otherwise. Only messages and help change; severity words ({@code error}, {@code warning}, {@code
 * info}), rule ids, file names and the archives themselves are the same in both.
 */
public enum Language {
  /** English, the reference: every message key has an English pattern. */
  EN(Locale.ROOT),
  /** French. */
  FR(Locale.FRENCH);

  /** The variable that chooses the language when {@code --lang} is not given. */
  public static final String ENV = "COURSEPACK_LANG";

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  /** The bundle locale of this language ({@link Locale#ROOT} for English). */
  public Locale locale() {
    return locale;
  }

  /** The language's code, {@code en} or {@code fr}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The language of a locale name such as {@code fr_FR.UTF-8}, {@code fr-CA}, {@code fr} or {@code
   * C.UTF-8}: French when its language part is {@code fr}, English otherwise.
   */
  public static Language ofLocaleName(String name) {
    String lang = name.strip();
    int cut = 0;
    while (cut < lang.length() && Character.isLetter(lang.charAt(cut))) {
      cut++;
    }
    return lang.substring(0, cut).equalsIgnoreCase("fr") ? FR : EN;
  }

  /**
   * The language to speak, from the most to the least explicit choice.
   *
   * <ol>
   *   <li>{@code --lang fr|en}, when given;
   *   <li>{@code COURSEPACK_LANG};
   *   <li>the POSIX locale variables, as gettext reads them: {@code LC_ALL}, then {@code
   *       LC_MESSAGES}, then {@code LANG}, the first one set ({@code C} and {@code POSIX} are
   *       English). They are read directly because the JVM ignores them when the locale is not
   *       installed, which is common in containers and CI images ({@code LANG=fr_FR.UTF-8} then
   *       gives a JVM locale of {@code en_US});
   *   <li>the JVM's default locale (Windows, and macOS apps, have no {@code LANG}).
   * </ol>
   *
   * @param flag the value of {@code --lang}, if given
   * @param env the environment, e.g. {@link System#getenv()}
   * @param jvmDefault the JVM's default locale
   */
  public static Language resolve(
      Optional<Language> flag, Map<String, String> env, Locale jvmDefault) {
    if (flag.isPresent()) {
      return flag.get();
    }
    for (String variable : new String[] {ENV, "LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        return ofLocaleName(value);
      }
    }
    return jvmDefault.getLanguage().equals("fr") ? FR : EN;
  }

  /** {@link #resolve} with this process's environment and default locale. */
  public static Language fromEnvironment(Optional<Language> flag) {
    return resolve(flag, System.getenv(), Locale.getDefault());
  }
}
