package io.github.coursepack.format.h5p;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.format.PackageFinding;
import io.github.coursepack.io.ArchiveContent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H5pCheckTest {

  @TempDir Path dir;

  static final String H5P_JSON =
      """
      {"title": "Qui fait quoi ?", "language": "fr", "mainLibrary": "H5P.Column",
       "embedTypes": ["iframe"], "license": "CC BY-SA", "licenseVersion": "4.0",
       "authors": [{"name": "Réseau Canopé", "role": "Author"}],
       "preloadedDependencies": [
         {"machineName": "H5P.Column", "majorVersion": 1, "minorVersion": 18},
         {"machineName": "H5P.AdvancedText", "majorVersion": 1, "minorVersion": 1}]}
      """;

  static final String CONTENT_JSON =
      """
      {"content": [{"content": {"library": "H5P.AdvancedText 1.1",
        "params": {"text": "<p>Le CPD numérique anime le réseau.</p>"},
        "subContentId": "3f1c9a52-7b1e-4c2d-9a0b-5e6f7a8b9c0d",
        "metadata": {"contentType": "Text", "license": "U", "title": "Transcription"}}},
        {"content": {"library": "H5P.Image 1.1",
        "params": {"file": {"path": "images/carte.png", "mime": "image/png"}},
        "subContentId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}}]}
      """;

  private Path h5p(Map<String, String> files, String... directories) throws IOException {
    Path p = Files.createTempFile(dir, "u", ".h5p");
    try (OutputStream o = Files.newOutputStream(p);
        ZipArchiveOutputStream z = new ZipArchiveOutputStream(o)) {
      for (String d : directories) {
        z.putArchiveEntry(new ZipArchiveEntry(d));
        z.closeArchiveEntry();
      }
      for (Map.Entry<String, String> f : files.entrySet()) {
        z.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
        z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeArchiveEntry();
      }
    }
    if (directories.length == 0) {
      // The writer's self-check, from the content in memory, finds the same as from the file.
      ArchiveContent content = new ArchiveContent();
      files.forEach(content::add);
      assertThat(H5pCheck.check(content).stream().map(Object::toString).sorted())
          .as("checked from the content in memory")
          .containsExactlyElementsOf(
              H5pCheck.check(p).stream().map(Object::toString).sorted().toList());
    }
    return p;
  }

  private static Map<String, String> good() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("h5p.json", H5P_JSON);
    files.put("content/content.json", CONTENT_JSON);
    files.put("content/images/carte.png", "png");
    return files;
  }

  private static List<String> rules(List<PackageFinding> findings) {
    return findings.stream().map(PackageFinding::rule).toList();
  }

  @Test
  void aPackageWithoutLibrariesIsValidAndNamesWhatTheSiteMustHave() throws IOException {
    List<PackageFinding> findings = H5pCheck.check(h5p(good()));
    assertThat(rules(findings)).containsExactly("H5P-LIBRARY-NOT-BUNDLED");
    assertThat(findings.get(0).message()).contains("H5P.Column 1.18", "H5P.AdvancedText 1.1");
  }

  @Test
  void directoryEntriesAreRefused() throws IOException {
    assertThat(rules(H5pCheck.check(h5p(good(), "content/")))).contains("H5P-DIRECTORY-ENTRY");
  }

  @Test
  void contentFilesMustHaveAWhitelistedExtension() throws IOException {
    Map<String, String> files = good();
    files.put("content/videos/sous-titres.srt", "1\n00:00:00,000 --> 00:00:01,000\nBonjour\n");
    assertThat(rules(H5pCheck.check(h5p(files)))).contains("H5P-NOT-WHITELISTED");
  }

  @Test
  void aHiddenOrUnderscoredMediaFileIsSkippedSoItIsMissing() throws IOException {
    Map<String, String> files = good();
    files.remove("content/images/carte.png");
    files.put("content/images/_carte.png", "png");
    assertThat(rules(H5pCheck.check(h5p(files)))).contains("H5P-SKIPPED-NAME", "H5P-FILE-MISSING");
  }

  @Test
  void theTitleIsLimitedTo255BytesNotCharacters() throws IOException {
    Map<String, String> files = good();
    files.put("h5p.json", H5P_JSON.replace("Qui fait quoi ?", "é".repeat(127)));
    assertThat(rules(H5pCheck.check(h5p(files)))).doesNotContain("H5P-JSON-FIELD");
    files.put("h5p.json", H5P_JSON.replace("Qui fait quoi ?", "é".repeat(128)));
    assertThat(rules(H5pCheck.check(h5p(files)))).contains("H5P-JSON-FIELD");
  }

  @Test
  void versionsAreIntegersAndTheMainLibraryIsADependency() throws IOException {
    Map<String, String> files = good();
    files.put("h5p.json", H5P_JSON.replace("\"minorVersion\": 18", "\"minorVersion\": 18.0"));
    assertThat(rules(H5pCheck.check(h5p(files)))).contains("H5P-DEPENDENCY", "H5P-MAIN-LIBRARY");
  }

  @Test
  void embedTypesMustBeAnArrayAndTheLicenceOneH5pKnows() throws IOException {
    Map<String, String> files = good();
    files.put(
        "h5p.json",
        H5P_JSON.replace("[\"iframe\"]", "\"iframe\"").replace("\"CC BY-SA\"", "\"CC-BY-SA\""));
    assertThat(H5pCheck.check(h5p(files)))
        .filteredOn(f -> f.rule().equals("H5P-JSON-FIELD"))
        .hasSize(2);
  }

  @Test
  void upperCaseSubContentIdsAreFound() throws IOException {
    Map<String, String> files = good();
    files.put("content/content.json", CONTENT_JSON.replace("3f1c9a52", "3F1C9A52"));
    assertThat(rules(H5pCheck.check(h5p(files)))).contains("H5P-SUBCONTENT-ID");
  }

  @Test
  void missingRequiredFilesAndBrokenJsonAreFound() throws IOException {
    Map<String, String> files = good();
    files.remove("content/content.json");
    files.put("h5p.json", "{\"title\": ");
    assertThat(rules(H5pCheck.check(h5p(files)))).contains("H5P-MISSING", "H5P-JSON-MALFORMED");
  }

  @Test
  void bundledLibrariesSatisfyTheDependenciesAndTheirFilesMustExist() throws IOException {
    Map<String, String> files = good();
    files.put(
        "H5P.Column-1.18/library.json",
        "{\"title\": \"Column\", \"machineName\": \"H5P.Column\", \"majorVersion\": 1,"
            + " \"minorVersion\": 18, \"patchVersion\": 8, \"runnable\": 1,"
            + " \"coreApi\": {\"majorVersion\": 1, \"minorVersion\": 27},"
            + " \"preloadedJs\": [{\"path\": \"scripts/column.js\"}]}");
    files.put("H5P.Column-1.18/scripts/column.js", "H5P.Column = function () {};");
    files.put(
        "H5P.AdvancedText-1.1/library.json",
        "{\"title\": \"Text\", \"machineName\": \"H5P.AdvancedText\", \"majorVersion\": 1,"
            + " \"minorVersion\": 1, \"patchVersion\": 14, \"runnable\": 0,"
            + " \"preloadedJs\": [{\"path\": \"text.js\"}]}");
    List<PackageFinding> findings = H5pCheck.check(h5p(files));
    assertThat(rules(findings)).containsExactly("H5P-LIBRARY-FILE");
    assertThat(findings.get(0).message()).contains("H5P.AdvancedText-1.1/text.js");
  }

  @Test
  void aLibraryFolderWhoseVersionIsTooBigForAnIntIsAMismatchNotAnUnreadableZip()
      throws IOException {
    Map<String, String> files = good();
    files.put(
        "H5P.Column-99999999999.18/library.json",
        "{\"title\": \"Column\", \"machineName\": \"H5P.Column\", \"majorVersion\": 1,"
            + " \"minorVersion\": 18, \"patchVersion\": 8, \"runnable\": 1}");
    List<PackageFinding> findings = H5pCheck.check(h5p(files));
    assertThat(findings)
        .filteredOn(f -> f.rule().equals("H5P-LIBRARY"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("H5P.Column-99999999999.18"));
  }

  @Test
  void aLibraryNeedingANewerCoreThanMoodlesIsFlagged() throws IOException {
    Map<String, String> files = good();
    files.put(
        "H5P.Column-1.18/library.json",
        "{\"title\": \"Column\", \"machineName\": \"H5P.Column\", \"majorVersion\": 1,"
            + " \"minorVersion\": 18, \"patchVersion\": 9, \"runnable\": 1,"
            + " \"coreApi\": {\"majorVersion\": 1, \"minorVersion\": 28}}");
    assertThat(rules(H5pCheck.check(h5p(files)))).contains("H5P-CORE-API");
  }

  @Test
  void withTheLibrariesSemanticsTheContentIsCheckedAgainstThem() throws IOException {
    Map<String, String> files = good();
    files.put(
        "H5P.Column-1.18/library.json",
        "{\"title\": \"Column\", \"machineName\": \"H5P.Column\", \"majorVersion\": 1,"
            + " \"minorVersion\": 18, \"patchVersion\": 6, \"runnable\": 1}");
    files.put(
        "H5P.Column-1.18/semantics.json",
        "[{\"name\": \"content\", \"type\": \"list\", \"min\": 1, \"field\": {\"name\":"
            + " \"content\", \"type\": \"group\", \"fields\": [{\"name\": \"content\","
            + " \"type\": \"library\", \"options\": [\"H5P.AdvancedText 1.1\"]},"
            + " {\"name\": \"useSeparator\", \"type\": \"select\", \"default\": \"auto\","
            + " \"options\": [{\"value\": \"auto\"}, {\"value\": \"enabled\"}]}]}}]");
    files.put(
        "H5P.AdvancedText-1.1/library.json",
        "{\"title\": \"Text\", \"machineName\": \"H5P.AdvancedText\", \"majorVersion\": 1,"
            + " \"minorVersion\": 1, \"patchVersion\": 16, \"runnable\": 0}");
    files.put(
        "H5P.AdvancedText-1.1/semantics.json",
        "[{\"name\": \"text\", \"type\": \"text\", \"widget\": \"html\", \"tags\":"
            + " [\"strong\", \"em\", \"a\", \"ul\"]}]");
    files.put(
        "content/content.json",
        CONTENT_JSON
            .replace(
                "<p>Le CPD numérique anime le réseau.</p>",
                "<p>Le <strong>CPD</strong> anime le réseau.</p><script>x()</script>")
            .replace("}]}", ", \"useSeparator\": \"never\"}]}"));
    List<PackageFinding> findings = H5pCheck.check(h5p(files));
    assertThat(findings)
        .filteredOn(f -> f.rule().equals("H5P-SEMANTICS"))
        .extracting(PackageFinding::message)
        .containsExactlyInAnyOrder(
            "/content/0/content/params/text: <script> is not allowed in this field: H5P strips it",
            "/content/1/content: 'H5P.Image 1.1' is not among the libraries this field allows:"
                + " H5P drops it",
            "/content/1/useSeparator: 'never' is not one of [auto, enabled]");
  }
}
