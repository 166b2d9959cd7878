package dev.gophersite.loader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.CustomBlock;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * A fenced container, the Markdown convention for presentation inside a section:
 * <pre>
 * ::: stat CNCF
 * Docker, Kubernetes, Terraform ... are written in Go.
 * :::
 * </pre>
 * The opening fence names the kind and may give a label; the content between the fences is ordinary Markdown. A
 * closing fence has at least as many colons as the opening one, so a container with four colons can hold one with
 * three. What the kinds mean is {@link PresentationHtml}'s business; which kinds exist is checked by the renderer.
 */
final class ContainerBlock extends CustomBlock {
    private static final Pattern OPEN = Pattern.compile("(:{3,})[ \\t]*([A-Za-z][\\w-]*)(?:[ \\t]+(.*?))?[ \\t]*");
    private static final Pattern CLOSE = Pattern.compile(":{3,}[ \\t]*");

    private final String kind;
    private final String label;

    ContainerBlock(String kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    String kind() {
        return kind;
    }

    /** The text after the kind on the opening fence, or {@code ""}. */
    String label() {
        return label;
    }

    static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            Matcher m = OPEN.matcher(line.subSequence(state.getNextNonSpaceIndex(), line.length()));
            if (!m.matches()) {
                return BlockStart.none();
            }
            String label = m.group(3) == null ? "" : m.group(3);
            return BlockStart.of(new ContainerParser(m.group(1).length(), new ContainerBlock(m.group(2), label)))
                    .atIndex(line.length());
        }
    }

    private static final class ContainerParser extends AbstractBlockParser {
        private final int fence;
        private final ContainerBlock block;

        ContainerParser(int fence, ContainerBlock block) {
            this.fence = fence;
            this.block = block;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(Block childBlock) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            CharSequence line = state.getLine().getContent();
            if (state.getIndent() < 4) {
                CharSequence rest = line.subSequence(state.getNextNonSpaceIndex(), line.length());
                if (CLOSE.matcher(rest).matches() && rest.toString().strip().length() >= fence) {
                    return BlockContinue.finished();
                }
            }
            return BlockContinue.atIndex(state.getIndex());
        }
    }
}
