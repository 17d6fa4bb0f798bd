package io.github.coursepack.source;

import io.github.coursepack.i18n.Message;
import io.github.coursepack.model.Article;
import io.github.coursepack.model.Credit;
import io.github.coursepack.model.Credits;
import io.github.coursepack.model.Diagnostic;
import io.github.coursepack.model.DiagnosticSink;
import io.github.coursepack.model.Licence;
import io.github.coursepack.model.Sentence;
import io.github.coursepack.model.TextBlock;
import io.github.coursepack.model.Texts;
import io.github.coursepack.model.Transcript;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads a resource's Markdown body into its parts. Sections are recognised by their heading, with
 * case, emphasis, accents and a trailing colon ignored:
 *
 * <ul>
 *   <li>{@code Transcription}, {@code Transcript}, {@code Script}: the transcript;
 *   <li>{@code Crédits}, {@code Credits}: the credits ({@code - **Rôle** : valeur} lines, a
 *       licence, free notes);
 *   <li>{@code Descriptif}, {@code Description}: the description, when the front matter has none;
 *   <li>anything else: article content, kept as sanitised HTML.
 * </ul>
 *
 * <p>A section runs until the next heading of the same or a higher level. Lines broken inside a
 * sentence are joined, and so are paragraphs split by a stray blank line in the middle of a
 * sentence.
 */
final class MarkdownBody {

  private static final Pattern SYMBOLS = Pattern.compile("[^a-z0-9' ]+");
  private static final Pattern SPACE_RUNS = Pattern.compile(" +");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), AutolinkExtension.create());

  private static final Parser PARSER =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  /**
   * The same parser without post-processors, whose tree walks (autolinks) recurse once per level:
   * the nesting is measured on its tree before the full parser runs.
   */
  private static final Parser SHAPE_PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(false)
          .sanitizeUrls(true)
          .nodeRendererFactory(HyphenatedSoftBreak::new)
          .build();

  /**
   * How deep quotes, lists and inline markup may nest. Real resources use a handful of levels; the
   * tree walks here recurse once per level, so a hostile file must not choose the depth.
   */
  static final int MAX_NESTING = 64;

  private static final Set<String> TRANSCRIPT_WORDS =
      Set.of("transcription", "transcript", "script", "verbatim");
  private static final Set<String> CREDITS_WORDS = Set.of("credits", "credit");
  private static final Set<String> DESCRIPTION_WORDS = Set.of("descriptif", "description");
  private static final Set<String> LICENCE_ROLES =
      Set.of("licence", "license", "licence d'utilisation");

  /**
   * A page footer left in the text by a PDF conversion: « Réseau Canopé, 2022 - CC BY-NC-ND 4.0 2
   * ». Only a whole paragraph of this shape is taken for one.
   */
  private static final Pattern PDF_FOOTER =
      Pattern.compile(
          "^[^.!?]{0,80}\\b(19|20)\\d\\d\\b[^.!?]{0,20}\\bCC[ -]BY[-A-Z ]*\\d\\.\\d(\\s+\\d{1,3})?$");

  private static final Pattern CREDIT_LINE = Pattern.compile("^([^:]{1,60}?)\\s*:\\s*(.+)$");

  /** What a body holds; {@code title} and {@code description} come from headings when present. */
  record Parts(
      Optional<String> title,
      int titleLine,
      Optional<String> description,
      Transcript transcript,
      Article article,
      Credits credits) {}

  private enum Kind {
    TRANSCRIPT,
    CREDITS,
    DESCRIPTION,
    ARTICLE
  }

  private final Path file;
  private final int firstLine;
  private final DiagnosticSink sink;

  private MarkdownBody(Path file, int firstLine, DiagnosticSink sink) {
    this.file = file;
    this.firstLine = firstLine;
    this.sink = sink;
  }

  /**
   * Reads {@code body}, whose first line is line {@code firstLine} of {@code file}.
   *
   * @param wantTitle take the first heading as the title (the file has no front-matter title)
   * @param hasVideo the resource has a video: a body with no transcript heading and no heading at
   *     all is then taken as the transcript
   */
  static Parts read(
      Path file,
      String body,
      int firstLine,
      boolean wantTitle,
      boolean hasVideo,
      DiagnosticSink sink) {
    return new MarkdownBody(file, firstLine, sink).read(body, wantTitle, hasVideo);
  }

  private Parts read(String body, boolean wantTitle, boolean hasVideo) {
    if (tooDeep(SHAPE_PARSER.parse(body))) {
      // The walks below recurse once per level; past the limit they are not run at all.
      return new Parts(
          Optional.empty(), 0, Optional.empty(), Transcript.NONE, Article.NONE, Credits.NONE);
    }
    Node document = PARSER.parse(body);
    inspectSafety(document);

    String title = null;
    int titleLine = 0;
    String transcriptHeading = "";
    boolean sawTranscript = false;
    List<Node> transcriptNodes = new ArrayList<>();
    List<Node> creditNodes = new ArrayList<>();
    List<Node> descriptionNodes = new ArrayList<>();
    List<Node> articleNodes = new ArrayList<>();
    Kind kind = Kind.ARTICLE;
    int sectionLevel = 0;

    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading) {
        String text = inlineText(heading).joined().text();
        if (kind != Kind.ARTICLE && heading.getLevel() > sectionLevel) {
          if (kind == Kind.TRANSCRIPT) {
            transcriptNodes.add(node); // a FAQ's questions: the text that follows answers them
          }
          continue; // elsewhere a sub-heading carries no content of its own
        }
        Kind headed = classify(text);
        if (wantTitle && title == null && headed == Kind.ARTICLE && !text.isBlank()) {
          title = text;
          titleLine = line(heading);
          kind = Kind.ARTICLE;
          continue;
        }
        kind = headed;
        sectionLevel = heading.getLevel();
        if (kind == Kind.TRANSCRIPT) {
          if (sawTranscript) {
            sink.report(
                Diagnostic.warning(file, line(heading), Message.of("body.secondTranscript")));
          }
          sawTranscript = true;
          transcriptHeading = transcriptHeading.isEmpty() ? text : transcriptHeading;
        }
        if (kind == Kind.ARTICLE) {
          articleNodes.add(node);
        }
        continue;
      }
      if (kind == Kind.TRANSCRIPT && startsCredits(node)) {
        kind = Kind.CREDITS; // « Crédits : conception, … » written as a paragraph of the script
      }
      switch (kind) {
        case TRANSCRIPT -> transcriptNodes.add(node);
        case CREDITS -> creditNodes.add(node);
        case DESCRIPTION -> descriptionNodes.add(node);
        case ARTICLE -> articleNodes.add(node);
      }
    }

    mergeBrokenParagraphs(transcriptNodes);
    mergeBrokenParagraphs(articleNodes);
    Optional<String> description =
        descriptionNodes.stream()
            .map(n -> blockTexts(n, TextBlock.Kind.PARAGRAPH, false))
            .flatMap(List::stream)
            .map(t -> t.text().text())
            .filter(t -> !t.isBlank())
            .findFirst();

    boolean articleHasHeading = articleNodes.stream().anyMatch(n -> n instanceof Heading);
    if (!sawTranscript && hasVideo && !articleNodes.isEmpty() && !articleHasHeading) {
      sink.report(
          Diagnostic.info(file, line(articleNodes.get(0)), Message.of("body.noTranscriptHeading")));
      transcriptNodes.addAll(articleNodes);
      articleNodes.clear();
      transcriptHeading = "Transcription";
    }

    Transcript transcript =
        new Transcript(transcriptHeading, sentenceBlocks(transcriptNodes, true));
    Article article = article(articleNodes);
    Credits credits = credits(creditNodes);
    return new Parts(
        Optional.ofNullable(title), titleLine, description, transcript, article, credits);
  }

  /**
   * Whether quotes, lists or inline markup nest deeper than {@link #MAX_NESTING} (an error is then
   * reported at the first node too deep). Walks the tree iteratively, through parent links, so that
   * any depth is measured without using the stack.
   */
  private boolean tooDeep(Node document) {
    int depth = 0;
    Node node = document;
    while (node != null) {
      if (depth > MAX_NESTING) {
        sink.report(Diagnostic.error(file, line(node), Message.of("body.tooDeep", MAX_NESTING)));
        return true;
      }
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        depth++;
        continue;
      }
      while (node != null && node.getNext() == null) {
        node = node.getParent();
        depth--;
      }
      if (node != null) {
        node = node.getNext();
      }
    }
    return false;
  }

  // ---- sections -------------------------------------------------------------------------------

  private static Kind classify(String headingText) {
    String normal = normalise(headingText);
    String first = normal.split(" ", 2)[0];
    if (TRANSCRIPT_WORDS.contains(first)) {
      return Kind.TRANSCRIPT;
    }
    if (CREDITS_WORDS.contains(first)) {
      return Kind.CREDITS;
    }
    if (DESCRIPTION_WORDS.contains(first)) {
      return Kind.DESCRIPTION;
    }
    return Kind.ARTICLE;
  }

  /** A paragraph that opens with « Crédits : », the way slide scripts write their credits. */
  private boolean startsCredits(Node node) {
    if (!(node instanceof Paragraph)) {
      return false;
    }
    String text = inlineText(node).joined().text();
    int colon = text.indexOf(':');
    return colon > 0 && colon < 20 && CREDITS_WORDS.contains(normalise(text.substring(0, colon)));
  }

  /** Lower case, no accents, no symbols: « ● Crédits : » becomes {@code credits}. */
  static String normalise(String text) {
    return SPACE_RUNS
        .matcher(SYMBOLS.matcher(Texts.fold(text)).replaceAll(" ").strip())
        .replaceAll(" ");
  }

  // ---- text blocks and sentences --------------------------------------------------------------

  /** A block's text with lines, before sentence splitting. */
  private record RawBlock(TextBlock.Kind kind, LinedText text, int line) {}

  /**
   * Turns section nodes into sentence blocks: page footers dropped, sentences numbered from 0
   * across the whole section.
   */
  private List<TextBlock> sentenceBlocks(List<Node> nodes, boolean isTranscript) {
    List<RawBlock> raw = new ArrayList<>();
    for (Node node : nodes) {
      raw.addAll(blockTexts(node, TextBlock.Kind.PARAGRAPH, true));
    }
    List<RawBlock> kept = new ArrayList<>();
    for (RawBlock block : raw) {
      String text = block.text().text();
      if (text.isBlank()) {
        continue;
      }
      if (isTranscript && PDF_FOOTER.matcher(text).matches()) {
        sink.report(Diagnostic.warning(file, block.line(), Message.of("body.pdfFooter", text)));
        continue;
      }
      kept.add(block);
    }
    List<TextBlock> blocks = new ArrayList<>();
    int index = 0;
    List<Integer> cuts = new ArrayList<>();
    for (RawBlock block : kept) {
      List<Sentence> sentences = block.text().sentences(index, cuts::add);
      if (!sentences.isEmpty()) {
        blocks.add(new TextBlock(block.kind(), sentences));
        index += sentences.size();
      }
    }
    if (!cuts.isEmpty()) {
      // Text without full stops (automatic subtitles): the analysis works on bounded pieces.
      sink.report(
          Diagnostic.info(
              file,
              cuts.get(0),
              Message.of("body.longSentence", FrenchSentences.MAX_WORDS, cuts.size())));
    }
    return blocks;
  }

  /**
   * Joins a paragraph to the one before it when a blank line cut a sentence in two: the first does
   * not end like a sentence and the second starts with a small letter. The nodes keep their source
   * lines, so sentences still point at the right line.
   */
  private void mergeBrokenParagraphs(List<Node> nodes) {
    for (int i = 1; i < nodes.size(); i++) {
      if (!(nodes.get(i - 1) instanceof Paragraph first)
          || !(nodes.get(i) instanceof Paragraph next)) {
        continue;
      }
      LinedText before = inlineText(first).joined();
      String after = inlineText(next).joined().text();
      if (before.length() == 0
          || before.endsSentence()
          || after.isEmpty()
          || !Character.isLowerCase(after.charAt(0))) {
        continue;
      }
      sink.report(Diagnostic.info(file, line(next), Message.of("body.joinedParagraph")));
      first.appendChild(new SoftLineBreak());
      Node child = next.getFirstChild();
      while (child != null) {
        Node following = child.getNext();
        first.appendChild(child);
        child = following;
      }
      next.unlink();
      nodes.remove(i);
      i--;
    }
  }

  /**
   * The text blocks of one Markdown block node (lists and quotes give one block per item).
   *
   * @param analysed whether the node is part of a text the analysis reads (a transcript, an
   *     article): its sub-headings are blocks, and a paragraph is split into the slide titles and
   *     bulleted items a script packs into it; a description or a credits note stays whole
   */
  private List<RawBlock> blockTexts(Node node, TextBlock.Kind kind, boolean analysed) {
    List<RawBlock> out = new ArrayList<>();
    if (node instanceof Paragraph) {
      if (analysed) {
        out.addAll(paragraphBlocks(inlineText(node), kind, line(node)));
      } else {
        out.add(new RawBlock(kind, inlineText(node).joined(), line(node)));
      }
    } else if (node instanceof Heading) {
      if (analysed) {
        out.add(new RawBlock(TextBlock.Kind.HEADING, inlineText(node).joined(), line(node)));
      }
    } else if (node instanceof ListBlock) {
      for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
          out.addAll(blockTexts(child, TextBlock.Kind.LIST_ITEM, analysed));
        }
      }
    } else if (node instanceof BlockQuote) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        out.addAll(blockTexts(child, TextBlock.Kind.QUOTE, analysed));
      }
    } else if (node instanceof IndentedCodeBlock code) {
      // Text pasted with an indent becomes a code block in Markdown; in prose it is prose.
      LinedText text = new LinedText();
      appendLines(text, code.getLiteral(), line(node));
      out.add(new RawBlock(kind, text.joined(), line(node)));
    } else if (node instanceof FencedCodeBlock code) {
      LinedText text = new LinedText();
      appendLines(text, code.getLiteral(), line(node) + 1);
      out.add(new RawBlock(kind, text.joined(), line(node)));
    } else if (node instanceof HtmlBlock html) {
      LinedText text = new LinedText();
      text.append(HtmlSafety.text(html.getLiteral()), line(node));
      out.add(new RawBlock(kind, text.joined(), line(node)));
    }
    return out;
  }

  /** Bullets that Markdown does not read as list markers but scripts use for lists. */
  private static final Pattern BULLET_LINE = Pattern.compile("^\\s*[–—•▶►●◦‣→]\\s+(\\S.*)");

  /** A line this short, with no end punctuation, is a title of its own (« Diapositive 3 – … »). */
  private static final int TITLE_LINE_MAX = 60;

  /**
   * A paragraph's blocks. Most paragraphs are one block; a plain-text script also packs into one
   * paragraph its slide titles (short lines without end punctuation, followed by a line that starts
   * with a capital), and list items written with bullets Markdown does not know (« – assurer une
   * veille… »): these become blocks of their own.
   */
  private List<RawBlock> paragraphBlocks(LinedText raw, TextBlock.Kind kind, int line) {
    List<LinedText> lines = raw.lines();
    if (lines.size() < 2) {
      return List.of(new RawBlock(kind, raw.joined(), line));
    }
    List<RawBlock> out = new ArrayList<>();
    LinedText current = new LinedText();
    TextBlock.Kind currentKind = kind;
    for (int i = 0; i < lines.size(); i++) {
      LinedText l = lines.get(i);
      String text = l.text().strip();
      Matcher bullet = BULLET_LINE.matcher(text);
      if (bullet.matches()) {
        if (current.length() > 0) {
          out.add(block(currentKind, current));
          current = new LinedText();
        }
        currentKind = TextBlock.Kind.LIST_ITEM;
        current.append(bullet.group(1), l.lineAt(0));
        continue;
      }
      if (currentKind == TextBlock.Kind.LIST_ITEM && startsLikeATitle(text)) {
        out.add(block(currentKind, current));
        current = new LinedText();
        currentKind = kind;
      }
      boolean alone = current.length() == 0;
      if (!alone) {
        current.append(String.valueOf(LinedText.SOFT_BREAK), l.lineAt(0));
      }
      current.append(l);
      boolean nextStartsBlock =
          i + 1 < lines.size() && startsLikeATitle(lines.get(i + 1).text().strip());
      if (nextStartsBlock
          && alone
          && text.length() <= TITLE_LINE_MAX
          && !current.joined().endsSentence()
          && currentKind != TextBlock.Kind.LIST_ITEM) {
        out.add(block(currentKind, current));
        current = new LinedText();
      }
    }
    if (current.length() > 0) {
      out.add(block(currentKind, current));
    }
    return out;
  }

  private static RawBlock block(TextBlock.Kind kind, LinedText text) {
    return new RawBlock(kind, text.joined(), text.lineAt(0));
  }

  private static boolean startsLikeATitle(String line) {
    return !line.isEmpty()
        && (Character.isUpperCase(line.charAt(0)) || Character.isDigit(line.charAt(0)))
        && !BULLET_LINE.matcher(line).matches();
  }

  private static void appendLines(LinedText text, String literal, int startLine) {
    String[] lines = literal.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      text.append(lines[i], startLine + i);
      text.append(String.valueOf(LinedText.SOFT_BREAK), startLine + i);
    }
  }

  /** The plain text of a node's inline content, each character tagged with its source line. */
  private LinedText inlineText(Node block) {
    LinedText out = new LinedText();
    appendInline(block, out, line(block), new boolean[1]);
    return out;
  }

  private void appendInline(Node parent, LinedText out, int line, boolean[] inRawText) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      int nodeLine = n.getSourceSpans().isEmpty() ? line : line(n);
      if (n instanceof HtmlInline html) {
        String tag = html.getLiteral().toLowerCase(Locale.ROOT);
        if (tag.startsWith("<script") || tag.startsWith("<style")) {
          inRawText[0] = true;
        } else if (tag.startsWith("</script") || tag.startsWith("</style")) {
          inRawText[0] = false;
        } else if (tag.startsWith("<br")) {
          out.append(" ", nodeLine);
        }
      } else if (inRawText[0]) {
        continue;
      } else if (n instanceof Text text) {
        out.append(text.getLiteral(), nodeLine);
      } else if (n instanceof Code code) {
        out.append(code.getLiteral(), nodeLine);
      } else if (n instanceof SoftLineBreak) {
        out.append(String.valueOf(LinedText.SOFT_BREAK), nodeLine);
      } else if (n instanceof HardLineBreak) {
        out.append(" ", nodeLine);
      } else if (n instanceof Image) {
        continue; // images are removed from packages; their alt text is not part of the prose
      } else {
        appendInline(n, out, nodeLine, inRawText);
      }
    }
  }

  // ---- article ------------------------------------------------------------------------------

  private Article article(List<Node> nodes) {
    if (nodes.isEmpty()) {
      return Article.NONE;
    }
    // The unit page's own headings are h1 (title) and h2 (sections): the article's first heading
    // becomes an h2, and no later one goes above it, so that no level is skipped.
    int firstLevel =
        nodes.stream()
            .filter(n -> n instanceof Heading)
            .mapToInt(n -> ((Heading) n).getLevel())
            .findFirst()
            .orElse(2);
    int shift = firstLevel - 2;
    StringBuilder html = new StringBuilder();
    for (Node node : nodes) {
      if (node instanceof Heading heading) {
        int level = Math.max(2, Math.min(6, heading.getLevel() - shift));
        heading.setLevel(level);
      }
      html.append(RENDERER.render(node));
    }
    String clean = HtmlSafety.clean(html.toString());
    return new Article(clean, sentenceBlocks(nodes, false));
  }

  // ---- credits ------------------------------------------------------------------------------

  private Credits credits(List<Node> nodes) {
    List<Credit> entries = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Licence licence = null;
    for (Node node : nodes) {
      if (!(node instanceof ListBlock list)) {
        for (RawBlock block : blockTexts(node, TextBlock.Kind.PARAGRAPH, false)) {
          notes.add(block.text().text());
        }
        continue;
      }
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        for (String text : creditLines((ListItem) item)) {
          Matcher m = CREDIT_LINE.matcher(text);
          if (!m.matches()) {
            notes.add(text);
            continue;
          }
          String role = m.group(1).strip();
          String value = m.group(2).strip();
          if (LICENCE_ROLES.contains(normalise(role))) {
            Optional<Link> link = firstLink(item);
            String name =
                link.map(l -> inlineText(l).joined().text())
                    .filter(t -> !t.isBlank())
                    .orElse(value);
            licence =
                new Licence(
                    name, link.flatMap(MarkdownBody::httpUri).or(() -> Licences.knownUrl(name)));
          } else {
            entries.add(new Credit(role, value));
          }
        }
      }
    }
    return new Credits(entries, notes, Optional.ofNullable(licence));
  }

  /**
   * The lines of a credits list item. A line written right under an item, without a blank line,
   * belongs to the item in Markdown; in real credits it is nearly always a note of its own («
   * Ressource produite avec le soutien… »), unless it visibly continues the line before.
   */
  private List<String> creditLines(ListItem item) {
    List<String> lines = new ArrayList<>();
    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
      if (!(child instanceof Paragraph)) {
        continue;
      }
      for (String raw : inlineText(child).text().split(String.valueOf(LinedText.SOFT_BREAK))) {
        String line = SPACES.matcher(raw.strip()).replaceAll(" ");
        if (line.isEmpty()) {
          continue;
        }
        String last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        boolean continues =
            last != null
                && (last.endsWith(",")
                    || last.endsWith(":")
                    || Character.isLowerCase(line.charAt(0)));
        if (continues) {
          lines.set(lines.size() - 1, last + " " + line);
        } else {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  private static Optional<Link> firstLink(Node node) {
    Link[] found = new Link[1];
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            if (found[0] == null) {
              found[0] = link;
            }
          }
        });
    return Optional.ofNullable(found[0]);
  }

  private static Optional<URI> httpUri(Link link) {
    try {
      URI uri = new URI(link.getDestination());
      return HtmlSafety.isHttps(uri) || "http".equalsIgnoreCase(uri.getScheme())
          ? Optional.of(uri)
          : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  // ---- safety ------------------------------------------------------------------------------

  private void inspectSafety(Node document) {
    int[] placeholders = {0, 0};
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlBlock html) {
            HtmlSafety.inspect(html.getLiteral(), file, line(html), sink);
          }

          @Override
          public void visit(HtmlInline html) {
            HtmlSafety.inspect(html.getLiteral(), file, line(html), sink);
          }

          @Override
          public void visit(Link link) {
            if (HtmlSafety.isPlaceholder(link.getDestination())) {
              if (placeholders[0]++ == 0) {
                placeholders[1] = line(link);
              }
            } else {
              HtmlSafety.inspectDestination(link.getDestination(), false, file, line(link), sink);
            }
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            HtmlSafety.inspectDestination(image.getDestination(), true, file, line(image), sink);
          }
        });
    if (placeholders[0] > 0) {
      sink.report(
          Diagnostic.info(file, placeholders[1], Message.of("body.hashLinks", placeholders[0])));
    }
  }

  private int line(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      Node parent = node.getParent();
      return parent == null ? firstLine : line(parent);
    }
    return firstLine + spans.get(0).getLineIndex();
  }

  /**
   * Renders a soft line break inside a hyphenated word ({@code histoire-⏎géographie}) as nothing.
   */
  private static final class HyphenatedSoftBreak implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    HyphenatedSoftBreak(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(SoftLineBreak.class);
    }

    @Override
    public void render(Node node) {
      if (node.getPrevious() instanceof Text before && node.getNext() instanceof Text after) {
        String b = before.getLiteral();
        String a = after.getLiteral();
        if (b.length() >= 2
            && b.endsWith("-")
            && Character.isLetter(b.charAt(b.length() - 2))
            && !a.isEmpty()
            && Character.isLowerCase(a.charAt(0))) {
          return;
        }
      }
      context.getWriter().raw("\n");
    }
  }
}
