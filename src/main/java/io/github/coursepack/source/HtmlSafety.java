package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Keeps author HTML safe. Markdown may carry raw HTML pasted from web pages; what reaches a package
 * is cleaned with a jsoup {@link Safelist} of text-formatting tags and {@code http}, {@code https}
 * and {@code mailto} links. Before cleaning, the raw HTML of each Markdown node is inspected so
 * that every removal that matters (scripts, event handlers, {@code javascript:} URLs, frames,
 * forms, images that would load from the network) becomes a warning with its line.
 */
final class HtmlSafety {

  private static final java.util.regex.Pattern SPACE_OR_CONTROL =
      java.util.regex.Pattern.compile("[\\s\\u0000-\\u001F]");

  private static final Safelist SAFELIST =
      Safelist.none()
          .addTags(
              "a",
              "abbr",
              "b",
              "blockquote",
              "br",
              "caption",
              "cite",
              "code",
              "col",
              "colgroup",
              "dd",
              "del",
              "div",
              "dl",
              "dt",
              "em",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "hr",
              "i",
              "ins",
              "kbd",
              "li",
              "mark",
              "ol",
              "p",
              "pre",
              "q",
              "s",
              "small",
              "span",
              "strong",
              "sub",
              "sup",
              "table",
              "tbody",
              "td",
              "tfoot",
              "th",
              "thead",
              "tr",
              "u",
              "ul")
          .addAttributes("a", "href", "title")
          .addAttributes("abbr", "title")
          .addAttributes("ol", "start")
          .addAttributes("td", "colspan", "rowspan")
          .addAttributes("th", "colspan", "rowspan", "scope")
          .addProtocols("a", "href", "http", "https", "mailto");

  /** Elements whose removal is worth telling the author about, with why. */
  private static final Set<String> ACTIVE_ELEMENTS =
      Set.of(
          "script",
          "style",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "form",
          "input",
          "button",
          "textarea",
          "select",
          "meta",
          "link",
          "base",
          "svg",
          "math",
          "template");

  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset");

  private HtmlSafety() {}

  /** Reports what cleaning will remove from a piece of raw HTML written on {@code line}. */
  static void inspect(String rawHtml, Path file, int line, DiagnosticSink sink) {
    Document doc = Jsoup.parseBodyFragment(rawHtml);
    for (Element e : doc.body().getAllElements()) {
      String tag = e.normalName();
      if (ACTIVE_ELEMENTS.contains(tag)) {
        sink.report(Diagnostic.warning(file, line, Message.of("html.removedTag", tag)));
      } else if (tag.equals("img")) {
        sink.report(Diagnostic.warning(file, line, Message.of("html.removedImage", e.attr("src"))));
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
          sink.report(Diagnostic.warning(file, line, Message.of("html.removedHandler", name, tag)));
        } else if (URL_ATTRIBUTES.contains(name) && isScriptUrl(a.getValue())) {
          sink.report(
              Diagnostic.warning(
                  file,
                  line,
                  Message.of("html.removedUrlAttribute", scheme(a.getValue()), name, tag)));
        }
      }
    }
  }

  /** Reports a Markdown link or image destination that cleaning will drop. */
  static void inspectDestination(
      String destination, boolean image, Path file, int line, DiagnosticSink sink) {
    if (isScriptUrl(destination)) {
      sink.report(
          Diagnostic.warning(file, line, Message.of("html.removedLink", scheme(destination))));
    } else if (image) {
      sink.report(Diagnostic.warning(file, line, Message.of("html.removedImage", destination)));
    } else if (!isPlaceholder(destination) && !isAllowedExternal(destination)) {
      sink.report(Diagnostic.warning(file, line, Message.of("html.linkAsText", destination)));
    }
  }

  /**
   * Cleans rendered HTML: safelisted tags only; links to {@code #} (or with nothing left after
   * cleaning) become their plain text; outside links open in a new tab, which keeps the unit (and
   * its LMS session) where it is, and say so to screen readers.
   */
  static String clean(String html) {
    Document dirty = Jsoup.parseBodyFragment(html);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    for (Element a : clean.select("a")) {
      String href = a.attr("href");
      if (href.isEmpty() || isPlaceholder(href)) {
        a.unwrap();
      } else if (!href.startsWith("mailto:")) {
        a.attr("target", "_blank").attr("rel", "noopener noreferrer");
        a.appendElement("span").addClass("visually-hidden").text(" (nouvel onglet)");
      }
    }
    clean.outputSettings().prettyPrint(false);
    clean.outputSettings().charset(java.nio.charset.StandardCharsets.UTF_8);
    clean.outputSettings().escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);
    return clean.body().html();
  }

  /** The plain text of a piece of HTML, as a browser would show it. */
  static String text(String html) {
    return Jsoup.parseBodyFragment(html).body().text();
  }

  /** {@code #}, {@code #top}, and empty destinations point nowhere once the page is packaged. */
  static boolean isPlaceholder(String destination) {
    String d = destination.strip();
    return d.isEmpty() || d.startsWith("#");
  }

  private static boolean isAllowedExternal(String destination) {
    String lower = destination.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("mailto:");
  }

  private static boolean isScriptUrl(String value) {
    String compact = SPACE_OR_CONTROL.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
    return compact.startsWith("javascript:")
        || compact.startsWith("vbscript:")
        || compact.startsWith("data:text/html")
        || compact.startsWith("data:application");
  }

  private static String scheme(String value) {
    String compact = SPACE_OR_CONTROL.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
    int colon = compact.indexOf(':');
    return colon < 0 ? compact : compact.substring(0, colon);
  }

  /** Whether a string is an absolute https URL. */
  static boolean isHttps(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
  }
}
