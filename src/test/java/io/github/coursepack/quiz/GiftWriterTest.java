package io.github.coursepack.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftWriterTest {

  private final String gift = GiftWriter.write(ExportFixtures.course());

  /** The importer's first steps: blocks split by blank lines, escapes swapped for placeholders. */
  private static List<String> blocks(String gift) {
    List<String> out = new ArrayList<>();
    for (String block : gift.split("\\n\\s*\\n")) {
      String kept =
          String.join(
                  "\n",
                  Arrays.stream(block.split("\n"))
                      .filter(l -> !l.strip().startsWith("//"))
                      .toList())
              .strip();
      if (!kept.isEmpty()) {
        out.add(kept);
      }
    }
    return out;
  }

  private static String unescaped(String block) {
    return block
        .replace("\\\\", "\u0001")
        .replace("\\~", "\u0002")
        .replace("\\=", "\u0003")
        .replace("\\#", "\u0004")
        .replace("\\{", "\u0005")
        .replace("\\}", "\u0006")
        .replace("\\:", "\u0007");
  }

  @Test
  void escapesEveryReservedCharacterInEveryText() {
    assertThat(GiftWriter.escape("a~b=c#d{e}f:g\\h")).isEqualTo("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h");
    List<String> blocks = blocks(gift);
    assertThat(blocks).hasSize(4);
    for (String block : blocks.subList(1, 4)) {
      String u = unescaped(block);
      assertThat(u.chars().filter(c -> c == '{').count()).as(block).isEqualTo(1);
      assertThat(u.chars().filter(c -> c == '}').count()).as(block).isEqualTo(1);
      assertThat(u.indexOf('{')).isLessThan(u.indexOf('}'));
      String before = u.substring(0, u.indexOf('{'));
      assertThat(before).doesNotContain("~", "=", "#");
    }
  }

  @Test
  void writesACategoryThenOneBlockPerQuestionWithoutBlankLinesInside() {
    List<String> blocks = blocks(gift);
    assertThat(blocks.get(0))
        .isEqualTo("$CATEGORY: $course$/top/Cours « numérique »/Unité 1//2 : la DSI & le DPD");
    assertThat(blocks.subList(1, 4)).allSatisfy(b -> assertThat(b).doesNotContain("\n"));
    assertThat(gift).contains("// [id:c-u-who-dsi-1]\n::");
  }

  @Test
  void writesEachKindInItsSyntax() {
    List<String> blocks = blocks(gift);
    String who = unescaped(blocks.get(1));
    String answers = who.substring(who.indexOf('{') + 1, who.indexOf('}'));
    assertThat(answers.chars().filter(c -> c == '=').count()).isEqualTo(1);
    assertThat(answers.chars().filter(c -> c == '~').count()).isEqualTo(2);
    assertThat(answers).contains("=La DSI").contains("~Le DPD &lt;expert&gt;").contains("####");
    assertThat(blocks.get(1))
        .startsWith("::Q01 · D'après la vidéo, qui gère la messagerie \\:")
        .contains("::[html]<p>");
    assertThat(blocks.get(2)).contains("{FALSE ####");
    String match = unescaped(blocks.get(3));
    assertThat(match)
        .contains("=La DSI -> Gérer la messagerie")
        .contains("=Le DPD -> Conseiller sur les données \u0007 RGPD");
  }
}
