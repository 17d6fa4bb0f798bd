package io.github.coursepack.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two bundles say the same things, and every pattern can be said. */
class BundlesTest {

  private static final Map<String, String> EN = Bundle.load(Language.EN);
  private static final Map<String, String> FR = Bundle.load(Language.FR);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})}");

  private static Set<Integer> indices(String pattern) {
    Set<Integer> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }

  @Test
  void everyEnglishKeyHasAFrenchPatternAndTheOtherWayRound() {
    assertThat(FR.keySet()).containsExactlyInAnyOrderElementsOf(EN.keySet());
  }

  @Test
  void bothLanguagesUseTheSameArguments() {
    List<String> differ = new ArrayList<>();
    EN.forEach(
        (key, english) -> {
          String french = FR.get(key);
          if (french != null && !indices(english).equals(indices(french))) {
            differ.add(key + ": " + indices(english) + " / " + indices(french));
          }
        });
    assertThat(differ).isEmpty();
  }

  @Test
  void everyPatternFormatsAndKeepsItsApostrophesAndBraces() {
    for (Map<String, String> bundle : List.of(EN, FR)) {
      bundle.forEach(
          (key, pattern) -> {
            int n = indices(pattern).stream().mapToInt(i -> i + 1).max().orElse(0);
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < n; i++) {
              args.add("«" + i + "»");
            }
            String said = Message.format(pattern, args, Language.FR);
            assertThat(said).as(key).doesNotContain("{0}").doesNotContain("{1}");
            assertThat(count(said, '\'')).as(key).isEqualTo(count(pattern, '\''));
            assertThat(PLACEHOLDER.matcher(pattern).replaceAll("")).as(key).isNotBlank();
          });
    }
  }

  @Test
  void placeholdersAreNumberedFromZeroWithoutGaps() {
    EN.forEach(
        (key, pattern) -> {
          Set<Integer> used = indices(pattern);
          if (key.endsWith(".one")) {
            used.add(0); // a singular may leave its count out: « a link to '#' … »
          }
          assertThat(
                  used.isEmpty()
                      || used.size() == 1 + used.stream().mapToInt(i -> i).max().getAsInt())
              .as(key + " uses " + used)
              .isTrue();
        });
  }

  @Test
  void countsHaveBothForms() {
    for (Map<String, String> bundle : List.of(EN, FR)) {
      for (String key : bundle.keySet()) {
        if (key.endsWith(".one")) {
          assertThat(bundle).containsKey(key.replaceAll("\\.one$", ".other"));
        }
      }
    }
  }

  @Test
  void frenchPatternsPutASpaceBeforeDoublePunctuationOutsideCode() {
    // Code the user types keeps its own punctuation: 'key: value', https://, key: "…", or the
    // program's name before its message. Everything else follows French typography: « valeur : ».
    Pattern code = Pattern.compile("'[^']*'|\"[^\"]*\"|https?://|clé: |^coursepack: |\\{\\d+}:");
    Pattern tight = Pattern.compile("[^\\s\\u00a0][:;?!](\\s|$)");
    List<String> wrong = new ArrayList<>();
    FR.forEach(
        (key, pattern) -> {
          String prose = code.matcher(pattern).replaceAll(" ");
          if (tight.matcher(prose).find()) {
            wrong.add(key + " = " + pattern);
          }
        });
    assertThat(wrong).isEmpty();
  }

  @Test
  void frenchPatternsAreNotLeftInEnglish() {
    List<String> same = new ArrayList<>();
    EN.forEach(
        (key, english) -> {
          if (english.equals(FR.get(key))
              && english.matches(".*\\b[a-z]{4,}\\b.*\\b[a-z]{4,}\\b.*")) {
            same.add(key);
          }
        });
    assertThat(same).as("keys whose French is the English text").isEmpty();
  }

  @Test
  void everyKeyTheCodeNamesIsInTheEnglishBundle() throws IOException {
    // Keys made by concatenation ("upload.how.mbz" + menus) are checked by the tests that say them.
    Pattern named = Pattern.compile("Message\\.of\\(\\s*\"([^\"]+)\"(?!\\s*\\+)");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = named.matcher(Files.readString(f));
        while (m.find()) {
          String key = m.group(1);
          if (!EN.containsKey(key) && !EN.containsKey(key + ".other")) {
            missing.add(f.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }
}
