package io.github.coursepack.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.Unit;
import io.github.coursepack.source.CourseReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;

/**
 * The analysis reads sentences without LanguageTool's rule engine ({@link FrenchNlp#analyse}); this
 * proves it reads them as {@code JLanguageTool.getAnalyzedSentence} does, token by token, reading
 * by reading, on every sentence of the project's courses (and of ../shared's seeds and dev set when
 * they are there).
 */
class FrenchNlpTest {

  private static Set<String> sentencesOf(Path courseDir) {
    Course course = CourseReader.read(courseDir, DiagnosticSink.collecting()).course();
    Set<String> out = new LinkedHashSet<>();
    for (Unit u : course.units()) {
      u.transcript().sentences().stream().map(Sentence::text).forEach(out::add);
      u.article().sentences().stream().map(Sentence::text).forEach(out::add);
      out.add(u.title());
      out.add(u.description());
    }
    out.remove("");
    return out;
  }

  private static String describe(AnalyzedTokenReadings t) {
    return t.getStartPos()
        + "-"
        + t.getEndPos()
        + " "
        + t
        + " chunks="
        + t.getChunkTags()
        + (t.isSentenceEnd() ? " SENT_END" : "");
  }

  private static List<String> describe(AnalyzedSentence s) {
    List<String> out = new ArrayList<>();
    for (AnalyzedTokenReadings t : s.getTokens()) {
      out.add(describe(t));
    }
    return out;
  }

  @Test
  void readingsWithoutTheRuleEngineAreThoseOfJLanguageTool() throws Exception {
    Set<String> sentences = new LinkedHashSet<>();
    sentences.addAll(sentencesOf(TestFiles.example()));
    for (String fixture : List.of("quirks", "quiz", "quiz-rules")) {
      sentences.addAll(sentencesOf(TestFiles.fixtureCourse(fixture)));
    }
    Path shared = Path.of(System.getProperty("coursepack.shared", "../shared"));
    if (Files.isDirectory(shared.resolve("seeds"))) {
      sentences.addAll(sentencesOf(shared.resolve("seeds")));
    }
    // Entries of LanguageTool's global spelling list, whose chunker FrenchNlp leaves out: it only
    // marks words for the speller, so the readings must not change.
    sentences.add("Microsoft Entra et peer2peer sont cités par le CPD numérique en réunion.");
    // Soft hyphens are the characters LanguageTool's check takes out of words.
    sentences.add("Le réfé\u00adrent numé\u00adrique accom\u00adpagne les ensei\u00adgnants.");
    JLanguageTool engine = new JLanguageTool(Languages.getLanguageForShortCode("fr"));
    FrenchNlp nlp = SharedNlp.get();
    for (String sentence : sentences) {
      assertThat(describe(nlp.analyse(sentence)))
          .as(sentence)
          .containsExactlyElementsOf(describe(engine.getAnalyzedSentence(sentence)));
    }
    assertThat(sentences).hasSizeGreaterThan(300);
  }

  @Test
  void aBuildsInstanceChecksNoGrammarAndAGrammarInstanceFindsAnAgreementError() {
    assertThat(FrenchNlp.lazily().get().checksGrammar()).isFalse();
    assertThat(FrenchNlp.start().grammarProblems("Les enseignants est content.")).isEmpty();
    assertThat(SharedNlp.get().checksGrammar()).isTrue();
    assertThat(SharedNlp.get().grammarProblems("Les enseignants est content.")).isNotEmpty();
    assertThat(SharedNlp.get().grammarProblems("Les enseignants sont contents.")).isEmpty();
  }

  @Test
  void theVerbOfARelativeClauseAgreesWithItsOwnSubjectNotWithTheAntecedent() {
    FrenchNlp nlp = SharedNlp.get();
    assertThat(
            nlp.grammarProblems(
                "Qui propose des ressources et des actions que le CPD numérique relaie ?"))
        .isEmpty();
    // The agreement errors of main clauses are still found, also after such a relative clause.
    assertThat(nlp.grammarProblems("Les enseignants est content.")).isNotEmpty();
    assertThat(nlp.grammarProblems("Les actions de formation que le conseiller relaie est utiles."))
        .isNotEmpty();
  }
}
