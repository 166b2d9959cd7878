package dev.gophersite.loader;

import dev.gophersite.common.content.Presentation.Layout;
import dev.gophersite.common.content.Presentation.Role;
import dev.gophersite.common.content.Presentation.SectionLook;
import dev.gophersite.common.content.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown to sections of trusted HTML: one section per {@code ##} heading, plus an {@code intro} section for the
 * text before the first one. Raw HTML in the Markdown is escaped, so content cannot inject markup. Every heading
 * gets a stable anchor id, unique within the page.
 *
 * <p>Presentation is declared in the Markdown and never changes a section's words: heading attributes
 * ({@link HeadingAttributes}) say what a section is on its page, fenced containers ({@link ContainerBlock}) and
 * block quotes get semantic markup ({@link PresentationHtml}). A section's {@code text} is what it would be without
 * them, so retrieval sees the same passages.
 *
 * <p>A {@code ::: questions} block holds, as a bullet list, the questions its section answers, worded as visitors
 * ask them. It is content for /ask, not for the page: it renders nothing and is not part of the section's text.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    /** A timeline entry's heading: its date, {@code 2007} or {@code 2007-09}, a colon, then its title. */
    private static final Pattern DATED = Pattern.compile("(\\d{4}(?:-(?:0[1-9]|1[0-2]))?):\\s+(\\S.*)");

    static final String QUESTIONS = "questions";
    /** Longer than any question a visitor types into the chat; a paragraph here is a mistake. */
    static final int MAX_QUESTION_CHARS = 200;

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .customBlockParserFactory(new ContainerBlock.Factory())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private final TextContentRenderer text =
            TextContentRenderer.builder().extensions(EXTENSIONS).build();

    /** A problem in the Markdown, at a line counted from the start of the Markdown (1-based). */
    public static final class Problem extends RuntimeException {
        private final int line;

        Problem(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The sections of a page and how they are shown. */
    public record Rendered(List<Section> sections, List<SectionLook> looks) {}

    public List<Section> sections(String title, String markdown) {
        return render(title, markdown, Layout.ARTICLE).sections();
    }

    /** @throws Problem when a heading attribute, a container or a timeline date is not valid */
    public Rendered render(String title, String markdown, Layout layout) {
        Node document = parser.parse(markdown);
        checkContainers(document);
        IdGenerator ids = IdGenerator.builder().build();
        HtmlRenderer html = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .nodeRendererFactory(PresentationHtml::new)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading heading && heading.getLevel() > 2) {
                        attributes.put("id", ids.generateId(plain(heading)));
                    }
                    // a code block wider than its column scrolls sideways; keyboard users reach it with Tab
                    if (tagName.equals("pre")
                            && (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock)) {
                        attributes.put("tabindex", "0");
                    }
                })
                .build();

        List<Section> sections = new ArrayList<>();
        List<SectionLook> looks = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        String heading = title;
        String id = ids.generateId("intro");
        Node node = document.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof Heading h && h.getLevel() == 2) {
                addSection(sections, id, heading, current, html);
                HeadingAttributes attributes = attributes(h);
                heading = plain(h);
                id = ids.generateId(heading);
                current = new ArrayList<>();
                SectionLook look = look(id, heading, attributes, layout, line(h));
                if (look.role() != Role.PLAIN || !look.badge().isEmpty()) {
                    looks.add(look);
                }
            } else {
                current.add(node);
            }
            node = next;
        }
        addSection(sections, id, heading, current, html);
        return new Rendered(sections, looks);
    }

    private static HeadingAttributes attributes(Heading heading) {
        try {
            return HeadingAttributes.strip(heading).orElse(HeadingAttributes.NONE);
        } catch (HeadingAttributes.Invalid e) {
            throw new Problem(line(heading), e.getMessage());
        }
    }

    private static SectionLook look(String id, String heading, HeadingAttributes attributes, Layout layout, int line) {
        if (layout == Layout.TIMELINE) {
            Matcher dated = DATED.matcher(heading);
            if (!dated.matches()) {
                throw new Problem(
                        line,
                        "a timeline entry's heading starts with its date: '## 2007-09: Title' or '## 2012: Title'");
            }
            if (!attributes.classes().isEmpty()) {
                throw new Problem(line, "timeline entries take no class, only badge=");
            }
            return new SectionLook(id, Role.ENTRY, attributes.badge(), dated.group(1), dated.group(2));
        }
        Role role = layout == Layout.CARDS ? Role.CARD : Role.PLAIN;
        if (attributes.classes().contains("hero")) {
            if (layout != Layout.HERO) {
                throw new Problem(line, ".hero sections belong to pages with 'layout: hero'");
            }
            role = Role.HERO;
        } else if (attributes.classes().contains("card")) {
            role = Role.CARD;
        } else if (attributes.classes().contains("wide")) {
            role = Role.WIDE_CARD;
        } else if (attributes.classes().contains("plain")) {
            role = Role.PLAIN;
        }
        return new SectionLook(id, role, attributes.badge(), "", "");
    }

    private static void checkContainers(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ContainerBlock container) {
                if (isQuestions(container) && node.getParent() != null) {
                    throw new Problem(
                            line(container),
                            "'::: questions' stands on its own inside a section, not inside" + " another block");
                }
                checkContainer(container);
            }
            checkContainers(child);
        }
    }

    private static boolean isQuestions(Node node) {
        return node instanceof ContainerBlock container && container.kind().equals(QUESTIONS);
    }

    private static void checkContainer(ContainerBlock container) {
        int line = line(container);
        if (!PresentationHtml.KINDS.contains(container.kind()) && !isQuestions(container)) {
            throw new Problem(
                    line,
                    "unknown container '::: " + container.kind() + "' (known: "
                            + String.join(
                                    ", ",
                                    PresentationHtml.KINDS.stream().sorted().toList()) + ", " + QUESTIONS + ")");
        }
        if (container.getFirstChild() == null) {
            throw new Problem(line, "'::: " + container.kind() + "' is empty or not closed with ':::'");
        }
        switch (container.kind()) {
            case "chips" -> {
                if (!(container.getFirstChild() instanceof BulletList)
                        || container.getFirstChild().getNext() != null) {
                    throw new Problem(line, "'::: chips' holds one bullet list, one chip per item");
                }
            }
            case QUESTIONS -> {
                if (!(container.getFirstChild() instanceof BulletList)
                        || container.getFirstChild().getNext() != null) {
                    throw new Problem(line, "'::: questions' holds one bullet list, one question per item");
                }
            }
            case "compare" -> {
                int columns = 0;
                for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Heading h && h.getLevel() == 3) {
                        columns++;
                    } else if (columns == 0) {
                        throw new Problem(line, "'::: compare' starts with the '###' heading of its first column");
                    }
                }
                if (columns < 2) {
                    throw new Problem(line, "'::: compare' has at least two columns, each under a '###' heading");
                }
            }
            default -> {}
        }
        if (!container.kind().equals("stat") && !container.label().isEmpty()) {
            throw new Problem(line, "'::: " + container.kind() + "' takes no label");
        }
    }

    private static int line(Node node) {
        return node.getSourceSpans().isEmpty()
                ? 1
                : node.getSourceSpans().getFirst().getLineIndex() + 1;
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
        StringBuilder htmlOut = new StringBuilder();
        StringBuilder textOut = new StringBuilder();
        List<String> questions = new ArrayList<>();
        ContainerBlock questionBlock = null;
        boolean content = false;
        for (Node n : nodes) {
            if (n instanceof ContainerBlock block && isQuestions(block)) {
                if (questionBlock != null) {
                    throw new Problem(
                            line(block),
                            "a section has one '::: questions' block; the first is at line " + line(questionBlock));
                }
                questionBlock = block;
                questions.addAll(questions(block));
            } else {
                content = true;
                htmlOut.append(html.render(n));
                appendText(n, textOut);
            }
        }
        if (!content) {
            if (questionBlock != null) {
                throw new Problem(line(questionBlock), "'::: questions' belongs to a section with text of its own");
            }
            return;
        }
        sections.add(new Section(
                id, heading, htmlOut.toString().strip(), textOut.toString().strip(), questions));
    }

    /** The block's questions as plain text, each checked: one line, not too long, not asked twice. */
    private static List<String> questions(ContainerBlock block) {
        List<String> questions = new ArrayList<>();
        for (Node item = block.getFirstChild().getFirstChild(); item != null; item = item.getNext()) {
            String question = plain(item).replaceAll("\\s+", " ").strip();
            int line = line(item);
            if (question.isEmpty()) {
                throw new Problem(line, "an empty question");
            }
            if (question.length() > MAX_QUESTION_CHARS) {
                throw new Problem(line, "a question is at most " + MAX_QUESTION_CHARS + " characters");
            }
            if (questions.stream().anyMatch(question::equalsIgnoreCase)) {
                throw new Problem(line, "'" + question + "' is asked twice in this block");
            }
            questions.add(question);
        }
        return questions;
    }

    /** A container's blocks count as if they stood on their own, so the text is the same with or without it. */
    private void appendText(Node node, StringBuilder textOut) {
        if (node instanceof ContainerBlock) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                appendText(child, textOut);
            }
        } else {
            textOut.append(text.render(node).strip()).append('\n');
        }
    }
}
