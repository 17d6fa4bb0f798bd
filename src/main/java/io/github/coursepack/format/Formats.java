package io.github.coursepack.format;

import io.github.coursepack.format.questions.GiftFormat;
import io.github.coursepack.format.questions.MoodleXmlFormat;
import io.github.coursepack.format.questions.QuizJsonFormat;
import io.github.coursepack.format.scorm.Scorm12Format;
import io.github.coursepack.format.scorm.Scorm2004Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The formats coursepack can write, by id, in the order they are built. */
public final class Formats {

  private static final Map<String, PackageFormat> ALL = new LinkedHashMap<>();

  static {
    register(new Scorm12Format());
    register(new Scorm2004Format());
    register(new io.github.coursepack.format.moodle.MoodleBackupFormat());
    register(new io.github.coursepack.format.h5p.H5pFormat());
    register(new io.github.coursepack.format.cc.CcFormat());
    register(new MoodleXmlFormat());
    register(new GiftFormat());
    register(new QuizJsonFormat());
    register(new io.github.coursepack.format.report.ReportFormat());
  }

  private Formats() {}

  private static void register(PackageFormat format) {
    ALL.put(format.id(), format);
  }

  public static List<PackageFormat> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<PackageFormat> byId(String id) {
    return Optional.ofNullable(ALL.get(id.strip().toLowerCase(Locale.ROOT)));
  }

  /** The ids, comma-separated, for messages. */
  public static String ids() {
    return String.join(", ", ALL.keySet());
  }

  /**
   * The formats named, in registry order; unknown names are returned in {@code unknown}.
   *
   * @param names ids as the user wrote them; empty means every format
   */
  public static List<PackageFormat> select(List<String> names, List<String> unknown) {
    if (names.isEmpty()) {
      return all();
    }
    List<PackageFormat> chosen = new ArrayList<>();
    for (String name : names) {
      Optional<PackageFormat> f = byId(name);
      if (f.isEmpty()) {
        unknown.add(name);
      }
    }
    for (PackageFormat f : ALL.values()) {
      if (names.stream().anyMatch(n -> n.strip().equalsIgnoreCase(f.id()))) {
        chosen.add(f);
      }
    }
    return chosen;
  }
}
