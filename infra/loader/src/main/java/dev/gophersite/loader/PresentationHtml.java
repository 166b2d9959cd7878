package dev.gophersite.loader;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Semantic HTML for the presentation conventions inside a section:
 * <ul>
 *   <li>{@code ::: chips} around a list: the list as a row of chips;</li>
 *   <li>{@code ::: compare} around {@code ###} parts: the parts side by side, one column each;</li>
 *   <li>{@code ::: stat Label}: a stat card; consecutive ones share one grid;</li>
 *   <li>every block quote is a pull quote, a {@code figure}; a last line ending in "— Name" is its caption.</li>
 * </ul>
 * Only tags and class names are added here; every word comes from the Markdown, escaped as the core renderer does.
 */
final class PresentationHtml implements NodeRenderer {
    static final Set<String> KINDS = Set.of("chips", "compare", "stat");
    /** "... at scale." — Rob Pike: an em dash, then a short name with no sentence punctuation. */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?s)(.*\\S)\\s+—\\s+([^—.!?\"]{1,60}?)\\s*");

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    PresentationHtml(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(ContainerBlock.class, BlockQuote.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof BlockQuote quote) {
            pullQuote(quote);
        } else if (node instanceof ContainerBlock container) {
            switch (container.kind()) {
                case "chips" -> wrap("div", "chips", container);
                case "compare" -> compare(container);
                case "stat" -> stat(container);
                default -> throw new IllegalStateException("unchecked container kind " + container.kind());
            }
        }
    }

    private void wrap(String tag, String cssClass, Node parent) {
        html.line();
        html.tag(tag, Map.of("class", cssClass));
        html.line();
        children(parent, null);
        html.tag("/" + tag);
        html.line();
    }

    /** Columns start at each {@code ###} heading. */
    private void compare(ContainerBlock container) {
        html.line();
        html.tag("div", Map.of("class", "compare"));
        html.line();
        boolean open = false;
        for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
            if ((child instanceof Heading h && h.getLevel() == 3) || !open) {
                if (open) {
                    html.tag("/div");
                    html.line();
                }
                html.tag("div", Map.of("class", "compare-col"));
                html.line();
                open = true;
            }
            context.render(child);
        }
        if (open) {
            html.tag("/div");
            html.line();
        }
        html.tag("/div");
        html.line();
    }

    private void stat(ContainerBlock stat) {
        boolean first =
                !(stat.getPrevious() instanceof ContainerBlock p && p.kind().equals("stat"));
        boolean last = !(stat.getNext() instanceof ContainerBlock n && n.kind().equals("stat"));
        html.line();
        if (first) {
            html.tag("div", Map.of("class", "stats"));
            html.line();
        }
        html.tag("div", Map.of("class", "stat"));
        html.line();
        if (!stat.label().isEmpty()) {
            html.tag("p", Map.of("class", "stat-label"));
            html.text(stat.label());
            html.tag("/p");
            html.line();
        }
        children(stat, null);
        html.tag("/div");
        html.line();
        if (last) {
            html.tag("/div");
            html.line();
        }
    }

    private void pullQuote(BlockQuote quote) {
        Attribution attribution = attribution(quote);
        html.line();
        html.tag("figure", Map.of("class", "pullquote"));
        html.line();
        html.tag("blockquote");
        html.line();
        children(quote, attribution == null ? null : attribution.paragraph());
        if (attribution != null) {
            html.tag("p");
            for (Node inline = attribution.paragraph().getFirstChild();
                    inline != attribution.text();
                    inline = inline.getNext()) {
                context.render(inline);
            }
            html.text(attribution.quote());
            html.tag("/p");
            html.line();
        }
        html.tag("/blockquote");
        html.line();
        if (attribution != null) {
            html.tag("figcaption");
            html.text("— " + attribution.name());
            html.tag("/figcaption");
            html.line();
        }
        html.tag("/figure");
        html.line();
    }

    private void children(Node parent, Node except) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child != except) {
                context.render(child);
            }
        }
    }

    private record Attribution(Paragraph paragraph, Text text, String quote, String name) {}

    /** The "— Name" that ends a quote's last paragraph, if it has one. */
    private static Attribution attribution(BlockQuote quote) {
        if (!(quote.getLastChild() instanceof Paragraph paragraph)
                || !(paragraph.getLastChild() instanceof Text text)) {
            return null;
        }
        Matcher m = ATTRIBUTION.matcher(text.getLiteral());
        if (!m.matches()) {
            return null;
        }
        return new Attribution(paragraph, text, m.group(1), m.group(2).strip());
    }
}
