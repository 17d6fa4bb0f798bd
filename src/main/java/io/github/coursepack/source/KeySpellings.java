package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a YAML file may hold, each with the spellings accepted for it (compared in lower case),
 * and a suggestion for a misspelt key.
 */
final class KeySpellings {

  /** A misspelling this close to a known spelling is taken for a typo. */
  private static final int MAX_TYPO_DISTANCE = 2;

  private final Map<String, Set<String>> spellings = new LinkedHashMap<>();

  /** Adds a key; {@code canonical} in lower case is always one of its spellings. */
  KeySpellings add(String canonical, String... others) {
    Set<String> all = new java.util.HashSet<>(List.of(others));
    all.add(canonical.toLowerCase(Locale.ROOT));
    spellings.put(canonical, Set.copyOf(all));
    return this;
  }

  /** The canonical name of {@code key}, if it is a known spelling. */
  Optional<String> canonical(String key) {
    String lower = key.strip().toLowerCase(Locale.ROOT);
    return spellings.entrySet().stream()
        .filter(e -> e.getValue().contains(lower))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The known key closest to a misspelt one, if it is close enough to be a typo. */
  Optional<String> suggestion(String key) {
    String lower = key.strip().toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = MAX_TYPO_DISTANCE + 1;
    for (Map.Entry<String, Set<String>> e : spellings.entrySet()) {
      for (String spelling : e.getValue()) {
        int d = editDistance(lower, spelling);
        if (d < bestDistance) {
          bestDistance = d;
          best = e.getKey();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The canonical names, in the order added, for messages. */
  String names() {
    return String.join(", ", spellings.keySet());
  }

  /** What to add to an "unknown key" message: a suggestion, else the list of known keys. */
  Message hint(String key) {
    return suggestion(key)
        .map(s -> Message.of("keys.didYouMean", s))
        .orElse(Message.of("keys.known", names()));
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
