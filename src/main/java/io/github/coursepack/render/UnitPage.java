package io.github.coursepack.render;

import io.github.coursepack.model.Course;
import io.github.coursepack.model.Credit;
import io.github.coursepack.model.Licence;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Unit;
import io.github.coursepack.model.Video;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one unit's page with a {@link UnitTemplate}. The page needs no network but its video:
 * styles and scripts are files of the package, referenced relative to the page.
 *
 * <p>Usage: {@code String html = UnitPage.render(template, course, unit, new UnitPage.Options("",
 * List.of("assets/scorm12.js")));}
 */
public final class UnitPage {

  /**
   * Where the page sits in its package and what the format adds.
   *
   * @param assetBase the path from the page to the package root, {@code ""} or {@code "../../"}
   * @param scripts package paths of the format's scripts, loaded before the unit's own
   */
  public record Options(String assetBase, List<String> scripts) {
    public Options {
      scripts = List.copyOf(scripts);
    }
  }

  /** Package path of a unit's local video file. */
  public static String mediaPath(String name) {
    return "media/" + name;
  }

  private static final java.util.regex.Pattern BLANK_LINES =
      java.util.regex.Pattern.compile("(?m)^[ \t]*\n");

  private UnitPage() {}

  public static String render(UnitTemplate template, Course course, Unit unit, Options options) {
    return template.render(context(course, unit, options));
  }

  /**
   * Where a Moodle page's own files are: Moodle rewrites this prefix to the page's file area when
   * it shows the page.
   */
  public static final String MOODLE_FILES = "@@PLUGINFILE@@/";

  /**
   * The content of the unit's Moodle page activity: video, transcript and credits, as an HTML
   * fragment without scripts; a local video is at {@code @@PLUGINFILE@@/media/<name>}.
   */
  public static String renderMoodlePage(UnitTemplate template, Course course, Unit unit) {
    String html =
        template.renderMoodlePage(context(course, unit, new Options(MOODLE_FILES, List.of())));
    // Template sections leave blank lines; a trainer editing the page in Moodle's editor should
    // not see them. Text in <pre> keeps its blank lines.
    return html.contains("<pre") ? html : BLANK_LINES.matcher(html).replaceAll("");
  }

  static Map<String, Object> context(Course course, Unit unit, Options options) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("lang", course.language());
    c.put("title", unit.title());
    c.put("courseTitle", course.title());
    c.put("unitId", unit.id());
    c.put("area", unit.area());
    c.put("description", unit.description());
    c.put("assetBase", options.assetBase());
    unit.video().ifPresent(v -> c.put("video", video(v)));
    if (!unit.transcript().isEmpty()) {
      c.put(
          "transcript",
          Map.of(
              "heading", unit.transcript().heading(),
              "groups", groups(unit.transcript().blocks())));
    }
    if (!unit.article().isEmpty()) {
      c.put("article", Map.of("html", unit.article().html()));
    }
    if (!unit.quiz().isEmpty()) {
      c.put("quiz", QuizView.of(unit.quiz()));
    }
    Map<String, Object> credits = credits(course, unit);
    if (!credits.isEmpty()) {
      c.put("credits", credits);
    }
    c.put("scripts", options.scripts().stream().map(s -> Map.of("src", s)).toList());
    return c;
  }

  private static Map<String, Object> video(Video v) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (v.local().isPresent()) {
      m.put(
          "html5",
          Map.of(
              "src", mediaPath(v.local().get().name()),
              "type", v.local().get().mimeType()));
    } else if (v.embed().isPresent()) {
      m.put("iframe", Map.of("src", v.embed().get().toString()));
    } else {
      m.put("html5", Map.of("src", v.download().get().toString(), "type", "video/mp4"));
    }
    v.download().ifPresent(d -> m.put("download", d.toString()));
    return m;
  }

  /** Consecutive list items are grouped into one list; other blocks stand alone. */
  private static List<Map<String, Object>> groups(List<TextBlock> blocks) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Map<String, Object>> items = null;
    for (TextBlock block : blocks) {
      Map<String, Object> sentences = Map.of("sentences", sentences(block.sentences()));
      if (block.kind() == TextBlock.Kind.LIST_ITEM) {
        if (items == null) {
          items = new ArrayList<>();
          out.add(Map.of("list", Map.of("items", items)));
        }
        items.add(sentences);
        continue;
      }
      items = null;
      String kind =
          switch (block.kind()) {
            case QUOTE -> "quote";
            case HEADING -> "subheading";
            default -> "paragraph";
          };
      out.add(Map.of(kind, sentences));
    }
    return out;
  }

  private static List<Map<String, Object>> sentences(List<Sentence> sentences) {
    return sentences.stream()
        .map(s -> Map.<String, Object>of("index", s.index(), "line", s.line(), "text", s.text()))
        .toList();
  }

  private static Map<String, Object> credits(Course course, Unit unit) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, String>> entries = new ArrayList<>();
    for (Credit credit : unit.credits().entries()) {
      entries.add(Map.of("role", credit.role(), "value", credit.value()));
    }
    if (!entries.isEmpty()) {
      m.put("hasEntries", true);
      m.put("entries", entries);
    }
    if (!unit.credits().notes().isEmpty()) {
      m.put("notes", unit.credits().notes());
    }
    course.licenceOf(unit).ifPresent(l -> m.put("licence", licence(l)));
    return m;
  }

  private static Map<String, Object> licence(Licence l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", l.name());
    l.url().ifPresent(u -> m.put("url", u.toString()));
    return m;
  }
}
