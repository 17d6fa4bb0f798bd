package io.github.coursepack.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One language's patterns, read once from {@code messages.properties} (English) or {@code
 * messages_fr.properties} (French), both UTF-8.
 *
 * <p>They are read as plain {@link Properties}, not through {@link java.util.ResourceBundle}: its
 * lookup falls back to the JVM's default locale before the base file, so that asking for English on
 * a French machine gives French, and it chains a language to the base file, so that a key missing
 * in French could not be told from a translated one.
 */
final class Bundle {

  /** Where the English file is; the French one has {@code _fr} before the extension. */
  static final String RESOURCE = "/io/github/coursepack/i18n/messages.properties";

  private static final Bundle ENGLISH = new Bundle(load(Language.EN), Language.EN);
  private static final Bundle FRENCH = new Bundle(load(Language.FR), Language.FR);

  private final Map<String, String> patterns;
  private final Language language;

  private Bundle(Map<String, String> patterns, Language language) {
    this.patterns = patterns;
    this.language = language;
  }

  static Bundle english() {
    return ENGLISH;
  }

  static Bundle of(Language language) {
    return language == Language.FR ? FRENCH : ENGLISH;
  }

  /** The resource of {@code language}'s file. */
  static String resource(Language language) {
    return language == Language.EN ? RESOURCE : RESOURCE.replace(".properties", "_fr.properties");
  }

  /** Every key and pattern of {@code language}'s file, sorted by key. */
  static Map<String, String> load(Language language) {
    Properties p = new Properties();
    try (InputStream in = Bundle.class.getResourceAsStream(resource(language))) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource(language));
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put((String) k, (String) v));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** Whether {@code key} is a message, or a count with {@code .one} and {@code .other} forms. */
  boolean has(String key) {
    return patterns.containsKey(key) || patterns.containsKey(key + ".other");
  }

  /** The pattern for {@code key} with these arguments, or {@code null} when there is none. */
  String pattern(String key, List<Object> args) {
    String exact = patterns.get(key);
    if (exact != null) {
      return exact;
    }
    if (patterns.containsKey(key + ".other") && !args.isEmpty() && args.get(0) instanceof Long n) {
      // French puts 0 and 1 in the singular (« 0 erreur »), English only 1.
      boolean one = language == Language.FR ? n >= 0 && n <= 1 : n == 1;
      return patterns.getOrDefault(key + (one ? ".one" : ".other"), patterns.get(key + ".other"));
    }
    return null;
  }
}
