package io.github.coursepack.quiz;

import io.github.coursepack.model.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Wrong full names for an acronym that share its initials: « Direction des systèmes d'information »
 * gives « Délégation des systèmes d'information », « Direction des services d'information »… One
 * word of the real name is replaced by a word of {@code acronym-words.yaml} with the same first
 * letter, gender and number, so that a learner who only matches initials cannot tell the options
 * apart. Variants are chosen with a seed taken from the acronym: the same name gives the same
 * options.
 */
final class AcronymVariants {

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /** A word of the lexicon: its text and its gender and number ("f s", "m p"…). */
  private record Word(String text, String agreement) {}

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "de", "des", "du", "d", "la", "le", "les", "l", "au", "aux", "à", "pour", "et", "en",
          "sur", "par", "avec");

  private static volatile List<Word> nouns;
  private static volatile List<List<String>> adjectives;

  private AcronymVariants() {}

  /**
   * Up to {@code count} wrong names for {@code name}, none of them equal to a name in {@code real}.
   */
  static List<String> of(String name, int count, Set<String> real, String seed) {
    load();
    List<String> parts = split(name);
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    real.forEach(r -> seen.add(key(r)));
    seen.add(key(name));
    List<List<String>> byPosition = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      byPosition.add(replacements(parts.get(i)));
    }
    Random random = new Random(QuizGenerator.seed(seed));
    // One variant per replaceable word first, so that the options differ in different places.
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (!byPosition.get(i).isEmpty()) {
        positions.add(i);
      }
    }
    java.util.Collections.shuffle(positions, random);
    for (int round = 0; round < 3 && out.size() < count; round++) {
      for (int i : positions) {
        List<String> options = byPosition.get(i);
        if (round >= options.size() || out.size() >= count) {
          continue;
        }
        List<String> variant = new ArrayList<>(parts);
        variant.set(i, matchCase(options.get(round), parts.get(i)));
        String text = join(variant);
        if (seen.add(key(text))) {
          out.add(text);
        }
      }
    }
    return out;
  }

  /**
   * The words that may stand for {@code word}: same initial, gender and number, in lexicon order.
   */
  private static List<String> replacements(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.length() < 3 || FUNCTION_WORDS.contains(lower) || lower.endsWith("'")) {
      return List.of();
    }
    char initial = Texts.fold(lower).charAt(0);
    List<String> out = new ArrayList<>();
    for (Word w : nouns) {
      if (w.text().equals(lower)) {
        for (Word o : nouns) {
          if (!o.text().equals(lower)
              && o.agreement().equals(w.agreement())
              && Texts.fold(o.text()).charAt(0) == initial) {
            out.add(o.text());
          }
        }
        return out;
      }
    }
    for (List<String> forms : adjectives) {
      int k = forms.indexOf(lower);
      if (k >= 0) {
        for (List<String> other : adjectives) {
          String o = other.get(k);
          if (!other.equals(forms) && Texts.fold(o).charAt(0) == initial) {
            out.add(o);
          }
        }
        return out;
      }
    }
    return List.of();
  }

  /** Words and the elided articles glued to them: « d'information » is « d' » + « information ». */
  private static List<String> split(String name) {
    List<String> out = new ArrayList<>();
    for (String w : SPACES.split(name.trim())) {
      int apostrophe = Math.max(w.indexOf('\''), w.indexOf('’'));
      if (apostrophe > 0 && apostrophe < w.length() - 1) {
        out.add(w.substring(0, apostrophe + 1));
        out.add(w.substring(apostrophe + 1));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  /** Joins words back, writing « de » or « d' », « le », « la » or « l' » before the new word. */
  private static String join(List<String> parts) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String w = parts.get(i);
      String next = i + 1 < parts.size() ? parts.get(i + 1) : "";
      boolean vowel =
          !next.isEmpty() && "aeiouyhàâéèêëîïôûAEIOUYHÉÈÊÀ".indexOf(next.charAt(0)) >= 0;
      String lower = w.toLowerCase(Locale.ROOT);
      if ((lower.equals("d'") || lower.equals("d’")) && !vowel) {
        w = "de";
      } else if (lower.equals("de") && vowel) {
        w = "d'";
      }
      out.append(w);
      if (!(w.endsWith("'") || w.endsWith("’"))) {
        out.append(' ');
      }
    }
    return out.toString().trim();
  }

  private static String matchCase(String word, String like) {
    return Character.isUpperCase(like.charAt(0)) ? Texts.capitalise(word) : word;
  }

  private static String key(String s) {
    return QuizGenerator.fold(s).strip();
  }

  @SuppressWarnings("unchecked")
  private static void load() {
    if (nouns != null) {
      return;
    }
    synchronized (AcronymVariants.class) {
      if (nouns != null) {
        return;
      }
      try (InputStream in = AcronymVariants.class.getResourceAsStream("acronym-words.yaml")) {
        if (in == null) {
          throw new IllegalStateException("acronym-words.yaml is missing from the jar");
        }
        Map<String, Object> root = new Yaml(new LoaderOptions()).load(in);
        List<Word> n = new ArrayList<>();
        for (List<String> w : (List<List<String>>) root.get("words")) {
          n.add(new Word(w.get(0), w.get(1) + " " + w.get(2)));
        }
        adjectives = List.copyOf((List<List<String>>) root.get("adjectives"));
        nouns = List.copyOf(n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
