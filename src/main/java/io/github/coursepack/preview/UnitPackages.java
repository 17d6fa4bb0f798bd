package io.github.coursepack.preview;

import io.github.coursepack.build.OutputManifest;
import io.github.coursepack.io.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The unit packages of an output folder ({@code scorm12/*.zip} and {@code scorm2004/*.zip}), read
 * in place: each zip stays closed until a file of it is asked for, and is read then without
 * unpacking anything. The course packages (several SCOs) are left out: the preview plays units one
 * by one. A unit found in both editions is played as SCORM 1.2 by default, as 2004 on request.
 */
final class UnitPackages {

  /** The two SCORM editions, by the folder the build writes each to. */
  enum Edition {
    SCORM12("scorm12", "1.2"),
    SCORM2004("scorm2004", "2004");

    final String folder;
    final String label;

    Edition(String folder, String label) {
      this.folder = folder;
      this.label = label;
    }
  }

  /** One unit's package: where it is, its title, the page its SCO launches and its edition. */
  record UnitPackage(String slug, String title, String launch, Path zip, Edition edition) {}

  private final Map<String, UnitPackage> units;
  private final Map<String, UnitPackage> units2004;

  private UnitPackages(Map<String, UnitPackage> units, Map<String, UnitPackage> units2004) {
    this.units = units;
    this.units2004 = units2004;
  }

  /**
   * The packages of an output folder: those its build manifest lists when it has one (not the
   * packages of units renamed or removed since, nor files put there by hand), else every package
   * found.
   */
  static UnitPackages read(Path outputDir) throws IOException {
    Optional<Set<Path>> listed =
        OutputManifest.read(outputDir)
            .map(m -> Set.copyOf(m.files(outputDir.toAbsolutePath().normalize())));
    return new UnitPackages(
        read(outputDir, Edition.SCORM12, listed), read(outputDir, Edition.SCORM2004, listed));
  }

  /** Whether a folder holds what a build wrote: a folder of SCORM packages of either edition. */
  static boolean isOutputFolder(Path dir) {
    return Files.isDirectory(dir.resolve(Edition.SCORM12.folder))
        || Files.isDirectory(dir.resolve(Edition.SCORM2004.folder));
  }

  private static Map<String, UnitPackage> read(
      Path outputDir, Edition edition, Optional<Set<Path>> listed) throws IOException {
    Map<String, UnitPackage> units = new LinkedHashMap<>();
    Path dir = outputDir.resolve(edition.folder);
    if (!Files.isDirectory(dir)) {
      return units;
    }
    List<Path> zips;
    try (Stream<Path> list = Files.list(dir)) {
      zips =
          list.filter(p -> p.getFileName().toString().endsWith(".zip"))
              .filter(
                  p -> listed.isEmpty() || listed.get().contains(p.toAbsolutePath().normalize()))
              .sorted()
              .toList();
    }
    List<UnitPackage> found = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (Path zip : zips) {
      Optional<SafeXml.Element> manifest = manifest(zip);
      if (manifest.isEmpty()) {
        continue;
      }
      Optional<UnitPackage> unit = unit(zip, manifest.get(), edition);
      if (unit.isPresent()) {
        found.add(unit.get());
      } else if (order.isEmpty()) {
        order.addAll(courseOrder(manifest.get()));
      }
    }
    // The course package gives the course's order; units it does not name come after.
    for (String slug : order) {
      found.stream()
          .filter(u -> u.slug().equals(slug))
          .findFirst()
          .ifPresent(u -> units.put(slug, u));
    }
    for (UnitPackage u : found) {
      units.putIfAbsent(u.slug(), u);
    }
    return units;
  }

  /** A package's manifest, or empty when the zip has none that parses. */
  private static Optional<SafeXml.Element> manifest(Path zip) {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      ZipArchiveEntry manifest = file.getEntry("imsmanifest.xml");
      if (manifest == null) {
        return Optional.empty();
      }
      try (InputStream in = file.getInputStream(manifest)) {
        return Optional.of(SafeXml.parse(in.readNBytes(4 * 1024 * 1024)));
      }
    } catch (IOException | SafeXml.Malformed | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The unit slugs of a course package ({@code units/<slug>/index.html}), in manifest order. */
  private static List<String> courseOrder(SafeXml.Element root) {
    List<String> out = new ArrayList<>();
    for (SafeXml.Element r : root.descendants("resource")) {
      String href = r.attr("href");
      if (href != null && href.matches("units/[^/]+/index\\.html")) {
        out.add(href.substring(6, href.length() - 11));
      }
    }
    return out;
  }

  /** A single-SCO package's title and launch page, or empty for a course package. */
  private static Optional<UnitPackage> unit(Path zip, SafeXml.Element root, Edition edition) {
    List<SafeXml.Element> scos = new ArrayList<>();
    for (SafeXml.Element r : root.descendants("resource")) {
      String type = r.attr("adlcp:scormtype");
      if (type == null) {
        type = r.attr("adlcp:scormType");
      }
      if ("sco".equalsIgnoreCase(type) && r.attr("href") != null) {
        scos.add(r);
      }
    }
    // A course package has its units' pages in units/<slug>/, even with a single unit.
    if (scos.size() != 1 || scos.get(0).attr("href").startsWith("units/")) {
      return Optional.empty();
    }
    SafeXml.Element org = root.descendants("organization").stream().findFirst().orElse(null);
    SafeXml.Element title = org == null ? null : org.child("title");
    String name = zip.getFileName().toString();
    return Optional.of(
        new UnitPackage(
            name.substring(0, name.length() - 4),
            title == null ? name : title.text(),
            scos.get(0).attr("href"),
            zip,
            edition));
  }

  /** These units only, in this order. */
  UnitPackages only(List<String> slugs) {
    return new UnitPackages(only(units, slugs), only(units2004, slugs));
  }

  private static Map<String, UnitPackage> only(Map<String, UnitPackage> from, List<String> slugs) {
    Map<String, UnitPackage> kept = new LinkedHashMap<>();
    for (String slug : slugs) {
      UnitPackage u = from.get(slug);
      if (u != null) {
        kept.put(slug, u);
      }
    }
    return kept;
  }

  /** Every unit once, in course order: its SCORM 1.2 package when there is one, else 2004. */
  List<UnitPackage> all() {
    Map<String, UnitPackage> all = new LinkedHashMap<>(units);
    units2004.forEach(all::putIfAbsent);
    return List.copyOf(all.values());
  }

  /** The unit's package played by default: SCORM 1.2 when there is one, else 2004. */
  Optional<UnitPackage> get(String slug) {
    return Optional.ofNullable(units.getOrDefault(slug, units2004.get(slug)));
  }

  /** The unit's package of this edition. */
  Optional<UnitPackage> get(String slug, Edition edition) {
    return Optional.ofNullable((edition == Edition.SCORM12 ? units : units2004).get(slug));
  }
}
