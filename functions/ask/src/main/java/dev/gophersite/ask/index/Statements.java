package dev.gophersite.ask.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits passages into {@link Statement}s, once per index version: sentences of prose lines, the comment text of
 * code lines, table rows read with their header, and each section's heading. Other code is left out: a line of
 * code is not a statement a person can read as an answer.
 */
public final class Statements {
    /** Shorter fragments are labels or code punctuation rather than statements. */
    static final int MIN_SENTENCE_CHARS = 15;
    /** A sentence ends at . ! or ? followed by a blank and a capital, so "err != nil" or "1.18" do not end one. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“(\\[])");
    /** List markers and emphasis the plain-text rendering keeps, which read as noise inside an answer. */
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*•]\\s+|\\d+[.)]\\s+)+");
    /** "the table below", "these three points above" */
    private static final Pattern POINTS_ELSEWHERE = Pattern.compile(
            "\\b(?:the|these|those)\\s+(?:\\w+\\s+){0,2}(?:below|above)\\b(?!\\s+(?:it|them|the|a|an|this|that)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DIGIT = Pattern.compile("\\d");

    private Statements() {}

    public static List<Statement> of(List<Passage> passages, TextAnalysis analysis) {
        List<Statement> statements = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            Passage passage = passages.get(p);
            // a long section is split into parts; its heading is one statement, kept with the first part
            if (!passage.id().contains("~") && !passage.sectionId().equals("intro")) {
                statements.add(statement(p, passage.heading(), Statement.Form.HEADING, analysis));
            }
            List<String> header = List.of();
            for (String rawLine : passage.body().split("\n")) {
                String line = LIST_MARKER.matcher(rawLine.strip()).replaceFirst("");
                if (line.isEmpty()) {
                    continue;
                }
                if (CodeLines.isComment(line)) {
                    String comment = CodeLines.commentText(line);
                    if (comment.length() >= MIN_SENTENCE_CHARS / 2) {
                        statements.add(statement(p, comment, Statement.Form.COMMENT, analysis));
                    }
                    continue;
                }
                if (line.indexOf('|') >= 0 && line.indexOf('|') != line.lastIndexOf('|')) {
                    List<String> cells = List.of(line.split("\\s*\\|\\s*", -1)).stream()
                            .map(String::strip)
                            .toList();
                    if (cells.getFirst().isEmpty()) {
                        header = cells;
                    } else {
                        statements.add(statement(p, tableRow(header, cells), Statement.Form.ROW, analysis));
                    }
                    continue;
                }
                if (CodeLines.isCode(rawLine)) {
                    continue;
                }
                for (String sentence : SENTENCE_END.split(line)) {
                    String text = LIST_MARKER.matcher(sentence.strip()).replaceFirst("");
                    if (text.length() >= MIN_SENTENCE_CHARS) {
                        statements.add(statement(
                                p, text, isSignpost(text) ? Statement.Form.SIGNPOST : Statement.Form.PROSE, analysis));
                    }
                }
            }
        }
        return List.copyOf(statements);
    }

    static boolean isSignpost(String sentence) {
        return POINTS_ELSEWHERE.matcher(sentence).find()
                && !DIGIT.matcher(sentence).find();
    }

    private static Statement statement(int passage, String text, Statement.Form form, TextAnalysis analysis) {
        return new Statement(passage, text, form, Set.copyOf(analysis.terms(text)));
    }

    /** "Startup time: Go milliseconds; Java seconds" from a row and the header above it. */
    private static String tableRow(List<String> header, List<String> cells) {
        if (header.size() != cells.size()) {
            return String.join(" | ", cells);
        }
        StringBuilder row = new StringBuilder(cells.getFirst()).append(':');
        for (int i = 1; i < cells.size(); i++) {
            row.append(i == 1 ? " " : "; ").append(header.get(i)).append(' ').append(cells.get(i));
        }
        return row.toString();
    }
}
