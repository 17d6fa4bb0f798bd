package io.github.coursepack.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

  private static Language resolve(Optional<Language> flag, Map<String, String> env, Locale l) {
    return Language.resolve(flag, env, l);
  }

  @Test
  void theFlagWinsOverEverythingElse() {
    assertThat(resolve(Optional.of(Language.EN), Map.of("COURSEPACK_LANG", "fr"), Locale.FRANCE))
        .isEqualTo(Language.EN);
    assertThat(resolve(Optional.of(Language.FR), Map.of("LANG", "C"), Locale.ENGLISH))
        .isEqualTo(Language.FR);
  }

  @Test
  void coursepackLangComesBeforeTheLocaleVariables() {
    assertThat(
            resolve(
                Optional.empty(),
                Map.of("COURSEPACK_LANG", "en", "LANG", "fr_FR.UTF-8"),
                Locale.FRANCE))
        .isEqualTo(Language.EN);
    assertThat(resolve(Optional.empty(), Map.of("COURSEPACK_LANG", "fr"), Locale.US))
        .isEqualTo(Language.FR);
  }

  @Test
  void localeVariablesAreReadAsGettextDoesLcAllThenLcMessagesThenLang() {
    assertThat(resolve(Optional.empty(), Map.of("LANG", "fr_FR.UTF-8"), Locale.US))
        .as("the JVM says en_US when fr_FR is not installed; LANG still says French")
        .isEqualTo(Language.FR);
    assertThat(
            resolve(
                Optional.empty(), Map.of("LC_ALL", "C.UTF-8", "LANG", "fr_FR.UTF-8"), Locale.US))
        .isEqualTo(Language.EN);
    assertThat(
            resolve(
                Optional.empty(), Map.of("LC_MESSAGES", "fr_CA.UTF-8", "LANG", "en_GB"), Locale.US))
        .isEqualTo(Language.FR);
    assertThat(resolve(Optional.empty(), Map.of("LC_ALL", "", "LANG", "fr_BE"), Locale.US))
        .as("an empty variable is not set")
        .isEqualTo(Language.FR);
  }

  @Test
  void withoutVariablesTheJvmLocaleDecides() {
    assertThat(resolve(Optional.empty(), Map.of(), Locale.FRANCE)).isEqualTo(Language.FR);
    assertThat(resolve(Optional.empty(), Map.of(), Locale.CANADA_FRENCH)).isEqualTo(Language.FR);
    assertThat(resolve(Optional.empty(), Map.of(), Locale.GERMANY)).isEqualTo(Language.EN);
  }

  @Test
  void anyLanguageOtherThanFrenchIsEnglish() {
    assertThat(Language.ofLocaleName("de_DE.UTF-8")).isEqualTo(Language.EN);
    assertThat(Language.ofLocaleName("C")).isEqualTo(Language.EN);
    assertThat(Language.ofLocaleName("POSIX")).isEqualTo(Language.EN);
    assertThat(Language.ofLocaleName("fr")).isEqualTo(Language.FR);
    assertThat(Language.ofLocaleName("FR-fr")).isEqualTo(Language.FR);
    assertThat(Language.ofLocaleName("fr_FR@euro")).isEqualTo(Language.FR);
    assertThat(Language.ofLocaleName("french")).isEqualTo(Language.EN);
  }
}
