package io.github.coursepack.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal lists each archive as it is written, so that a build killed before it writes the
 * output list leaves none unlisted: the list read back has the journal's entries over the last
 * list's, a line cut short by the kill is skipped, and the next build's lines after it are read.
 */
class OutputJournalTest {

  @TempDir Path out;

  private static OutputManifest.Entry entry(String path, String sha) {
    return new OutputManifest.Entry(path, "scorm12", "u", "u.md", 10, sha);
  }

  @Test
  void theJournalOfAKilledBuildIsAddedToTheListAndACutLineIsSkipped() throws IOException {
    new OutputManifest(List.of(entry("scorm12/a.zip", "old"), entry("scorm12/b.zip", "b")))
        .write(out);
    try (OutputJournal journal = OutputJournal.open(out)) {
      journal.append(entry("scorm12/a.zip", "new"));
    }
    // Killed while writing the next line.
    Files.writeString(
        OutputJournal.file(out),
        "{\"path\":\"scorm12/c.zip\",\"form",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    assertThat(OutputManifest.read(out).orElseThrow().entries())
        .containsExactly(entry("scorm12/a.zip", "new"), entry("scorm12/b.zip", "b"));

    try (OutputJournal next = OutputJournal.open(out)) {
      next.append(entry("scorm12/d.zip", "d"));
    }
    assertThat(OutputManifest.read(out).orElseThrow().entries())
        .containsExactly(
            entry("scorm12/a.zip", "new"),
            entry("scorm12/b.zip", "b"),
            entry("scorm12/d.zip", "d"));
  }

  @Test
  void aJournalAloneIsAListAndAnEntryOutsideTheFolderIsNotRead() throws IOException {
    try (OutputJournal journal = OutputJournal.open(out)) {
      journal.append(entry("scorm12/a.zip", "a"));
      journal.append(entry("../elsewhere.zip", "x"));
    }
    assertThat(OutputManifest.read(out).orElseThrow().entries())
        .containsExactly(entry("scorm12/a.zip", "a"));
    OutputJournal.delete(out);
    assertThat(OutputManifest.read(out)).isEmpty();
  }
}
