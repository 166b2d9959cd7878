package dev.gophersite.ask.index;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns pages into passages: one per section, with sections longer than {@code maxChars} split at line breaks.
 * Parts stay short so that several fit the prompt budget and a long section cannot crowd out the others.
 *
 * <p>Tables are split by row, each row under the table's header row: a row of a comparison table is one fact
 * ("Startup time | milliseconds | seconds"), and as part of the whole table it would be ranked down for the
 * table's length and the rows it has nothing to do with.
 */
public final class Chunker {
    public static final int DEFAULT_MAX_CHARS = 600;
    private final int maxChars;

    public Chunker() {
        this(DEFAULT_MAX_CHARS);
    }

    public Chunker(int maxChars) {
        if (maxChars < 100) {
            throw new IllegalArgumentException("maxChars must be at least 100");
        }
        this.maxChars = maxChars;
    }

    public List<Passage> chunk(List<Page> pages) {
        List<Passage> passages = new ArrayList<>();
        for (Page page : pages) {
            for (Section section : page.sections()) {
                List<String> parts = new ArrayList<>();
                for (Block block : blocks(section.text().strip())) {
                    parts.addAll(block.tableRows().isEmpty() ? split(block.text()) : block.tableRows());
                }
                for (int i = 0; i < parts.size(); i++) {
                    String id = page.slug() + "#" + section.id() + (i == 0 ? "" : "~" + i);
                    passages.add(
                            new Passage(id, page.slug(), page.title(), section.id(), section.heading(), parts.get(i)));
                }
            }
        }
        return List.copyOf(passages);
    }

    /** Prose and table blocks of a section's plain text, in order. */
    private record Block(String text, List<String> tableRows) {}

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\n");
        StringBuilder prose = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            int end = i;
            while (end < lines.length && isTableRow(lines[end])) {
                end++;
            }
            // a header and at least two rows; a lone line with pipes is more likely prose or code
            if (end - i >= 3) {
                if (!prose.toString().isBlank()) {
                    blocks.add(new Block(prose.toString().strip(), List.of()));
                }
                prose.setLength(0);
                String header = lines[i].strip();
                List<String> rows = new ArrayList<>();
                for (int r = i + 1; r < end; r++) {
                    rows.add(header + "\n" + lines[r].strip());
                }
                blocks.add(new Block("", List.copyOf(rows)));
                i = end;
            } else {
                prose.append(lines[i]).append('\n');
                i++;
            }
        }
        if (!prose.toString().isBlank()) {
            blocks.add(new Block(prose.toString().strip(), List.of()));
        }
        return blocks;
    }

    /** Table rows as Markdown-to-text rendering writes them: cells separated by {@code "| "}. */
    private static boolean isTableRow(String line) {
        int separators = 0;
        for (int at = line.indexOf('|'); at >= 0; at = line.indexOf('|', at + 1)) {
            separators++;
        }
        return separators >= 2;
    }

    List<String> split(String text) {
        if (text.length() <= maxChars) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : pieces(text)) {
            if (!current.isEmpty() && current.length() + 1 + line.length() > maxChars) {
                parts.add(current.toString().strip());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(line);
        }
        if (!current.isEmpty()) {
            String rest = current.toString().strip();
            // a short tail reads better as the end of the previous part than as a passage of its own
            if (!parts.isEmpty()
                    && rest.length() < maxChars / 4
                    && parts.getLast().length() + rest.length() + 1 <= maxChars + maxChars / 4) {
                parts.add(parts.removeLast() + "\n" + rest);
            } else if (!rest.isEmpty()) {
                parts.add(rest);
            }
        }
        return parts;
    }

    /** Lines, with any line longer than {@code maxChars} cut at the last space before the limit. */
    private List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (String line : text.split("\n")) {
            String rest = line;
            while (rest.length() > maxChars) {
                int cut = rest.lastIndexOf(' ', maxChars);
                if (cut <= 0) {
                    cut = maxChars;
                }
                pieces.add(rest.substring(0, cut).strip());
                rest = rest.substring(cut).strip();
            }
            if (!rest.isBlank()) {
                pieces.add(rest);
            }
        }
        return pieces;
    }
}
