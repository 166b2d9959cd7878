package dev.gophersite.loader;

import dev.gophersite.common.content.Section;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to sections of trusted HTML: one section per {@code ##} heading, plus an {@code intro} section for the
 * text before the first one. Raw HTML in the Markdown is escaped, so content cannot inject markup. Every heading
 * gets a stable anchor id, unique within the page.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    public List<Section> sections(String title, String markdown) {
        Node document = parser.parse(markdown);
        IdGenerator ids = IdGenerator.builder().build();
        HtmlRenderer html = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading heading && heading.getLevel() > 2) {
                        attributes.put("id", ids.generateId(plain(heading)));
                    }
                })
                .build();

        List<Section> sections = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        String heading = title;
        String id = ids.generateId("intro");
        Node node = document.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof Heading h && h.getLevel() == 2) {
                addSection(sections, id, heading, current, html);
                heading = plain(h);
                id = ids.generateId(heading);
                current = new ArrayList<>();
            } else {
                current.add(node);
            }
            node = next;
        }
        addSection(sections, id, heading, current, html);
        return sections;
    }

    /** A heading's words as written: code spans keep their text, without the quotes the text renderer adds. */
    static String plain(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                out.append(t.getLiteral());
            } else if (child instanceof Code c) {
                out.append(c.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else {
                out.append(plain(child));
            }
        }
        return out.toString().strip();
    }

    private void addSection(List<Section> sections, String id, String heading, List<Node> nodes, HtmlRenderer html) {
        if (nodes.isEmpty()) {
            return;
        }
        StringBuilder htmlOut = new StringBuilder();
        StringBuilder textOut = new StringBuilder();
        for (Node n : nodes) {
            htmlOut.append(html.render(n));
            textOut.append(text.render(n).strip()).append('\n');
        }
        sections.add(new Section(id, heading, htmlOut.toString().strip(), textOut.toString().strip()));
    }
}
