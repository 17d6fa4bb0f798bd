package io.github.coursepack.format.cc;

import io.github.coursepack.model.Course;
import io.github.coursepack.model.Credit;
import io.github.coursepack.model.LocalMedia;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Unit;
import io.github.coursepack.model.Video;
import io.github.coursepack.quiz.Html;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A unit's page in a cartridge: a whole HTML document, without script, style sheet or iframe.
 * Moodle makes it a Page activity from the content of its {@code body}, cleans it (scripts go) and
 * strips iframes, so the video is a link: to its PeerTube watch page, else to its embed address,
 * plus the direct MP4 when there is one; a local video travels in the cartridge beside the page and
 * is linked relatively, which Moodle rewrites to the page's file. Moodle shows the page's name as
 * its heading, so the page's sections start at {@code h2}.
 */
final class CcPage {

  private CcPage() {}

  /** The page's path, relative to the page, of a local video. */
  static String mediaPath(LocalMedia media) {
    return "media/" + media.name();
  }

  static byte[] render(Course course, Unit unit) {
    StringBuilder h = new StringBuilder();
    String lang = Html.escape(course.language());
    h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n");
    h.append("<meta charset=\"utf-8\">\n");
    h.append("<title>").append(Html.escape(unit.title())).append("</title>\n");
    h.append("</head>\n<body>\n");
    // Moodle keeps only the body: the language goes on a wrapper too.
    h.append("<div class=\"coursepack-unit\" lang=\"").append(lang).append("\">\n");
    if (!unit.description().isBlank()) {
      h.append(Html.paragraph(unit.description())).append('\n');
    }
    unit.video().ifPresent(v -> video(h, unit, v));
    if (!unit.transcript().isEmpty()) {
      String heading =
          unit.transcript().heading().isBlank() ? "Transcription" : unit.transcript().heading();
      h.append("<h2>").append(Html.escape(heading)).append("</h2>\n");
      blocks(h, unit.transcript().blocks());
    }
    if (!unit.article().isEmpty()) {
      // Sanitised when the resource was read.
      h.append("<div class=\"article\">\n").append(unit.article().html()).append("\n</div>\n");
    }
    credits(h, course, unit);
    h.append("</div>\n</body>\n</html>\n");
    return CcText.guardHtml(h.toString()).getBytes(StandardCharsets.UTF_8);
  }

  /** Where the video can be watched: its PeerTube watch page, else its embed address. */
  static Optional<String> watchUrl(Video v) {
    if (v.peerTube().isPresent()) {
      return Optional.of("https://" + v.peerTube().get().host() + "/w/" + v.peerTube().get().id());
    }
    return v.embed().map(Object::toString);
  }

  private static void video(StringBuilder h, Unit unit, Video v) {
    h.append("<h2>Vidéo</h2>\n<ul class=\"video-links\">\n");
    if (v.local().isPresent()) {
      link(h, mediaPath(v.local().get()), "Regarder la vidéo « " + unit.title() + " »", false);
    } else {
      watchUrl(v)
          .ifPresent(
              u ->
                  link(
                      h,
                      u,
                      "Regarder la vidéo « "
                          + unit.title()
                          + " »"
                          + (v.peerTube().isPresent() ? " sur PeerTube" : ""),
                      true));
    }
    v.download().ifPresent(d -> link(h, d.toString(), "Télécharger la vidéo en MP4", true));
    h.append("</ul>\n");
  }

  private static void link(StringBuilder h, String href, String text, boolean newTab) {
    h.append("<li><a href=\"").append(Html.escape(href)).append('"');
    if (newTab) {
      h.append(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    h.append('>').append(Html.escape(text));
    if (newTab) {
      h.append(" (nouvel onglet)");
    }
    h.append("</a></li>\n");
  }

  /** Paragraphs, quotations and sub-headings; consecutive list items make one list. */
  private static void blocks(StringBuilder h, List<TextBlock> blocks) {
    boolean inList = false;
    for (TextBlock b : blocks) {
      boolean item = b.kind() == TextBlock.Kind.LIST_ITEM;
      if (inList && !item) {
        h.append("</ul>\n");
      } else if (!inList && item) {
        h.append("<ul>\n");
      }
      inList = item;
      String text = Html.escape(text(b.sentences()));
      switch (b.kind()) {
        case LIST_ITEM -> h.append("<li>").append(text).append("</li>\n");
        case QUOTE -> h.append("<blockquote><p>").append(text).append("</p></blockquote>\n");
        case HEADING -> h.append("<h3>").append(text).append("</h3>\n");
        default -> h.append("<p>").append(text).append("</p>\n");
      }
    }
    if (inList) {
      h.append("</ul>\n");
    }
  }

  private static String text(List<Sentence> sentences) {
    return String.join(" ", sentences.stream().map(Sentence::text).toList());
  }

  private static void credits(StringBuilder h, Course course, Unit unit) {
    var licence = course.licenceOf(unit);
    if (unit.credits().entries().isEmpty()
        && unit.credits().notes().isEmpty()
        && licence.isEmpty()) {
      return;
    }
    h.append("<h2>Crédits</h2>\n");
    if (!unit.credits().entries().isEmpty()) {
      h.append("<ul class=\"credits\">\n");
      for (Credit c : unit.credits().entries()) {
        h.append("<li><strong>")
            .append(Html.escape(c.role()))
            .append("</strong> : ")
            .append(Html.escape(c.value()))
            .append("</li>\n");
      }
      h.append("</ul>\n");
    }
    unit.credits().notes().forEach(n -> h.append(Html.paragraph(n)).append('\n'));
    licence.ifPresent(
        l -> {
          h.append("<p class=\"licence\">Licence : ");
          if (l.url().isPresent()) {
            h.append("<a href=\"")
                .append(Html.escape(l.url().get().toString()))
                .append("\" rel=\"license\">")
                .append(Html.escape(l.name()))
                .append("</a>");
          } else {
            h.append(Html.escape(l.name()));
          }
          h.append("</p>\n");
        });
  }
}
