package io.github.coursepack.source;

import io.github.coursepack.model.Licence;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises Creative Commons licence names, so that a bare « CC BY-SA 4.0 » gets its link. */
final class Licences {

  private static final Pattern CC =
      Pattern.compile(
          "(?i)^\\s*CC[ -](BY(?:[ -](?:NC|ND|SA)){0,2})[ -]?v?(\\d\\.\\d)\\s*(?:\\(?\\s*(?:FR|fr)?\\s*\\)?)?$");

  private static final Pattern CC0 = Pattern.compile("(?i)^\\s*CC[ -]?0(\\s*1\\.0)?\\s*$");

  private Licences() {}

  /** The French deed of a Creative Commons licence named like {@code CC BY-NC-ND 4.0}. */
  static Optional<URI> knownUrl(String name) {
    Matcher m = CC.matcher(name);
    if (m.matches()) {
      String kind = m.group(1).toLowerCase(Locale.ROOT).replace(' ', '-');
      return Optional.of(
          URI.create(
              "https://creativecommons.org/licenses/" + kind + "/" + m.group(2) + "/deed.fr"));
    }
    if (CC0.matcher(name).matches()) {
      return Optional.of(URI.create("https://creativecommons.org/publicdomain/zero/1.0/deed.fr"));
    }
    return Optional.empty();
  }

  static Licence of(String name) {
    return new Licence(name.strip(), knownUrl(name));
  }
}
