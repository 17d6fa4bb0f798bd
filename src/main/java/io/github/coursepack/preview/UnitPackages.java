package io.github.coursepack.preview;

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
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The unit packages of an output folder ({@code scorm12/*.zip}), read in place: each zip stays
 * closed until a file of it is asked for, and is read then without unpacking anything. The course
 * package (several SCOs) is left out: the preview plays units one by one.
 */
final class UnitPackages {

  /** One unit's package: where it is, its title and the page its SCO launches. */
  record UnitPackage(String slug, String title, String launch, Path zip) {}

  private final Map<String, UnitPackage> units;

  private UnitPackages(Map<String, UnitPackage> units) {
    this.units = units;
  }

  static UnitPackages read(Path outputDir) throws IOException {
    Map<String, UnitPackage> units = new LinkedHashMap<>();
    Path dir = outputDir.resolve("scorm12");
    if (!Files.isDirectory(dir)) {
      return new UnitPackages(units);
    }
    List<Path> zips;
    try (Stream<Path> list = Files.list(dir)) {
      zips = list.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
    }
    List<UnitPackage> found = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (Path zip : zips) {
      Optional<SafeXml.Element> manifest = manifest(zip);
      if (manifest.isEmpty()) {
        continue;
      }
      Optional<UnitPackage> unit = unit(zip, manifest.get());
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
    return new UnitPackages(units);
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
  private static Optional<UnitPackage> unit(Path zip, SafeXml.Element root) {
    List<SafeXml.Element> scos = new ArrayList<>();
    for (SafeXml.Element r : root.descendants("resource")) {
      if ("sco".equalsIgnoreCase(r.attr("adlcp:scormtype")) && r.attr("href") != null) {
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
            zip));
  }

  /** These units only, in this order. */
  UnitPackages only(List<String> slugs) {
    Map<String, UnitPackage> kept = new LinkedHashMap<>();
    for (String slug : slugs) {
      UnitPackage u = units.get(slug);
      if (u != null) {
        kept.put(slug, u);
      }
    }
    return new UnitPackages(kept);
  }

  List<UnitPackage> all() {
    return List.copyOf(units.values());
  }

  Optional<UnitPackage> get(String slug) {
    return Optional.ofNullable(units.get(slug));
  }
}
