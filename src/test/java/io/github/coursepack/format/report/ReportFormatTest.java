package io.github.coursepack.format.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coursepack.TestFiles;
import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Course;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Question;
import io.github.coursepack.model.Unit;
import io.github.coursepack.quiz.QuizFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatTest {

  private static Course course;
  private static Document page;

  @BeforeAll
  static void renderTheExample() {
    course = QuizFixtures.quizzes(TestFiles.example(), DiagnosticSink.collecting()).course();
    page = Jsoup.parse(new String(ReportFormat.render(course), StandardCharsets.UTF_8));
  }

  @Test
  void thePageIsFrenchSelfContainedAndItsLinksLeadSomewhere() {
    assertThat(page.select("html").attr("lang")).isEqualTo("fr");
    assertThat(page.select("script, iframe, link[rel=stylesheet], img")).isEmpty();
    assertThat(page.select("h1")).hasSize(1);
    assertThat(page.select("h1").text()).isEqualTo(course.title());
    assertThat(page.select("a[href^=#]"))
        .allSatisfy(a -> assertThat(page.getElementById(a.attr("href").substring(1))).isNotNull());
  }

  @Test
  void eachUnitListsEveryQuestionOfItsBankWithItsAnswerAndTheLineOfItsSentence() {
    for (int i = 0; i < course.units().size(); i++) {
      Unit unit = course.units().get(i);
      Element section = page.getElementById("unite-" + (i + 1)).parent();
      List<Element> items = section.select("ol > li");
      assertThat(items).as(unit.slug()).hasSize(unit.quiz().questions().size());
      for (int k = 0; k < items.size(); k++) {
        Question q = unit.quiz().questions().get(k);
        assertThat(items.get(k).text()).contains(q.stem());
        if (!q.evidence().isEmpty()) {
          assertThat(items.get(k).select(".evidence").text())
              .contains("ligne " + q.evidence().get(0).line(), unit.sourceName());
        }
      }
      assertThat(items.stream().filter(li -> li.text().contains("première tentative")))
          .hasSize(unit.quiz().drawn().size());
    }
  }

  @Test
  void theActorGridCountsTheQuestionsAboutEachActorInEachUnit() {
    Element grid = page.select("table:has(caption:contains(chaque acteur))").first();
    assertThat(grid).isNotNull();
    assertThat(grid.select("thead th")).hasSize(course.units().size() + 2);
    int cells = 0;
    for (Element row : grid.select("tbody tr")) {
      List<Element> tds = row.select("td");
      int sum = 0;
      for (int i = 0; i < tds.size() - 1; i++) {
        sum += Integer.parseInt(tds.get(i).text());
      }
      assertThat(Integer.parseInt(tds.get(tds.size() - 1).text())).isEqualTo(sum);
      cells += sum;
    }
    int expected =
        course.units().stream()
            .flatMap(u -> u.quiz().questions().stream())
            .mapToInt(q -> q.answerActorIds().size())
            .sum();
    assertThat(cells).isEqualTo(expected).isPositive();
    // Unit 1 is about the CPD numérique: its row counts questions there.
    Element cpd = grid.select("tbody tr:has(th:contains(CPD numérique))").first();
    assertThat(cpd).isNotNull();
    assertThat(Integer.parseInt(cpd.select("td").first().text())).isPositive();
  }

  @Test
  void theFileToUploadIsTheCourseBackupForMagistere() {
    assertThat(page.getElementById("deposer").parent().text())
        .contains("mbz/" + course.slug() + ".mbz", "Restauration");
  }

  @Test
  void theFormatWritesReportHtmlInTheOutputFolderReproducibly(@TempDir Path out) throws Exception {
    Path written =
        new ReportFormat()
            .write(course, TestFiles.context(out, DiagnosticSink.collecting()))
            .get(0);
    assertThat(written).isEqualTo(out.resolve("report.html"));
    assertThat(Files.readAllBytes(written)).isEqualTo(ReportFormat.render(course));
  }

  @Test
  void eachUnitShowsTheErrorsAndWarningsAboutItsFilesInFrenchAndNotItsInfos() {
    Unit first = course.units().get(0);
    Path folder = TestFiles.example();
    String stem = first.sourceName().replaceFirst("\\.[^.]+$", "");
    List<Diagnostic> reported =
        List.of(
            Diagnostic.warning(
                folder.resolve(first.sourceName()),
                3,
                Message.of("resource.unknownKey", "vidoeEmbedSrc", "")),
            Diagnostic.warning(
                folder.resolve(stem + ".quiz.yaml"), 7, Message.of("overrides.orphan", "x-who-1")),
            Diagnostic.info(folder.resolve(first.sourceName()), 4, Message.plain("an info")),
            Diagnostic.warning(folder.resolve("course.yaml"), 2, Message.plain("not a unit's")));
    Document withProblems =
        Jsoup.parse(new String(ReportFormat.render(course, reported), StandardCharsets.UTF_8));

    Element box = withProblems.getElementById("unite-1-verifier").parent();
    assertThat(box.select("h3").text()).isEqualTo("À vérifier (2)");
    assertThat(box.select("li")).hasSize(2);
    assertThat(box.select("li").get(0).text())
        .startsWith("avertissement " + first.sourceName() + ", ligne 3 : ")
        .contains("vidoeEmbedSrc")
        .doesNotContain("unknown key");
    assertThat(box.select("li").get(1).text())
        .startsWith("avertissement " + stem + ".quiz.yaml, ligne 7 : il n'y a plus de question");
    assertThat(withProblems.getElementById("unite-2-verifier")).isNull();
    assertThat(withProblems.select("a[href=#unite-1-verifier]").text()).isEqualTo("2");
    assertThat(withProblems.text()).doesNotContain("an info").doesNotContain("not a unit's");
    assertThat(page.select(".problems")).as("nothing reported, nothing shown").isEmpty();
  }
}
