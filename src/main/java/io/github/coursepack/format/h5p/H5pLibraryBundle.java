package io.github.coursepack.format.h5p;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coursepack.io.ArchiveContent;
import io.github.coursepack.io.EntryNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * H5P libraries to bundle, taken from a folder of library folders ({@code H5P.Column-1.18/
 * library.json}…) or from any {@code .h5p} that holds them (an export from a Moodle content bank
 * has its whole closure). {@link #closure} gives the libraries a package needs with everything they
 * depend on — preloaded, dynamic and editor dependencies, as Moodle's validator demands (FORMATS.md
 * §3.3, 5) — or names what is missing.
 *
 * <p>Usage: {@code H5pLibraryBundle b = H5pLibraryBundle.load(Path.of("libs.h5p"));}
 */
final class H5pLibraryBundle {

  static final long MAX_LIBRARY_FILE = 64L * 1024 * 1024;

  /** One library folder: its name in packages, its library.json and its files. */
  record Folder(
      H5pLibrary library, String name, JsonNode libraryJson, SortedMap<String, byte[]> files) {}

  private final Map<String, Folder> byLibrary;

  private H5pLibraryBundle(Map<String, Folder> byLibrary) {
    this.byLibrary = byLibrary;
  }

  /** Reads a folder or an .h5p; a library that cannot be read is an IOException naming it. */
  static H5pLibraryBundle load(Path source) throws IOException {
    Map<String, SortedMap<String, byte[]>> folders = new TreeMap<>();
    if (Files.isDirectory(source)) {
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
          String rel = source.relativize(f).toString().replace('\\', '/');
          int slash = rel.indexOf('/');
          if (slash > 0 && !H5pCheck.skipped(rel)) {
            folders
                .computeIfAbsent(rel.substring(0, slash), k -> new TreeMap<>())
                .put(rel.substring(slash + 1), Files.readAllBytes(f));
          }
        }
      }
    } else {
      try (ZipFile zip = ZipFile.builder().setPath(source).get()) {
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
          String name = e.getName();
          int slash = name.indexOf('/');
          if (e.isDirectory()
              || slash <= 0
              || name.startsWith("content/")
              || H5pCheck.skipped(name)
              || EntryNames.problem(name) != null) {
            continue;
          }
          try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) MAX_LIBRARY_FILE + 1);
            if (bytes.length > MAX_LIBRARY_FILE) {
              throw new IOException(name + " is too big for a library file");
            }
            folders
                .computeIfAbsent(name.substring(0, slash), k -> new TreeMap<>())
                .put(name.substring(slash + 1), bytes);
          }
        }
      }
    }
    Map<String, Folder> byLibrary = new LinkedHashMap<>();
    for (Map.Entry<String, SortedMap<String, byte[]>> f : folders.entrySet()) {
      byte[] json = f.getValue().get("library.json");
      if (json == null) {
        continue;
      }
      JsonNode lib = H5pContent.JSON.readTree(json);
      H5pLibrary library =
          new H5pLibrary(
              lib.path("machineName").asText(),
              lib.path("majorVersion").asInt(),
              lib.path("minorVersion").asInt());
      byLibrary.put(library.toString(), new Folder(library, f.getKey(), lib, f.getValue()));
    }
    return new H5pLibraryBundle(byLibrary);
  }

  /** The libraries held, as {@code Machine.Name major.minor}. */
  Set<String> libraries() {
    return Collections.unmodifiableSet(byLibrary.keySet());
  }

  /**
   * What a package needing {@code needed} must bundle, dependencies first met first; {@code
   * missing} gets what none of the folders holds (with who needs it).
   */
  List<Folder> closure(List<H5pLibrary> needed, List<String> missing) {
    Map<String, Folder> out = new LinkedHashMap<>();
    Deque<String[]> todo = new ArrayDeque<>();
    for (H5pLibrary l : needed) {
      todo.add(new String[] {l.toString(), "the content"});
    }
    Set<String> reported = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      String[] next = todo.poll();
      if (out.containsKey(next[0])) {
        continue;
      }
      Folder f = byLibrary.get(next[0]);
      if (f == null) {
        if (reported.add(next[0])) {
          missing.add(next[0] + " (needed by " + next[1] + ")");
        }
        continue;
      }
      out.put(next[0], f);
      for (String field :
          List.of("preloadedDependencies", "dynamicDependencies", "editorDependencies")) {
        for (JsonNode d : f.libraryJson().path(field)) {
          todo.add(
              new String[] {
                d.path("machineName").asText()
                    + " "
                    + d.path("majorVersion").asInt()
                    + "."
                    + d.path("minorVersion").asInt(),
                f.library().toString()
              });
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Adds a library's files to a package, under its folder name {@code Machine.Name-x.y}. */
  static void addTo(ArchiveContent zip, Folder folder) {
    for (Map.Entry<String, byte[]> f : folder.files().entrySet()) {
      zip.add(folder.library().folder() + "/" + f.getKey(), f.getValue());
    }
  }
}
