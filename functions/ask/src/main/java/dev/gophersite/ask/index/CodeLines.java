package dev.gophersite.ask.index;

import java.util.regex.Pattern;

/**
 * Tells code lines from prose in a section's plain text, where code blocks appear as their source lines.
 * Comments count as prose: on this site they state facts ("2KB starting stack each").
 */
public final class CodeLines {
    private static final Pattern CODE = Pattern.compile(
            "^\\s|[{};(]\\s*$|:=|^(func|package|import|return|go|for|if|type|var|const|FROM|COPY|ENTRYPOINT) |\\w\\(.*\\)$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(//|#)\\s*");
    /** Inline code inside prose, which the Markdown-to-text rendering puts in double quotes. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private CodeLines() {}

    public static boolean isComment(String line) {
        return COMMENT.matcher(line).lookingAt();
    }

    /** The comment's text without its marker. */
    public static String commentText(String line) {
        return COMMENT.matcher(line).replaceFirst("").strip();
    }

    public static boolean isCode(String line) {
        return !isComment(line)
                && CODE.matcher(QUOTED.matcher(line).replaceAll("\"\"")).find();
    }

    /** The text without its code lines (comments kept, without their markers). */
    public static String prose(String text) {
        StringBuilder prose = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            if (isComment(line)) {
                prose.append(commentText(line)).append('\n');
            } else if (!isCode(line)) {
                prose.append(line).append('\n');
            }
        }
        return prose.toString();
    }
}
