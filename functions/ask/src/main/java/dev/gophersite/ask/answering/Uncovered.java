package dev.gophersite.ask.answering;

import java.util.List;

/** The line that tells a mixed message which of its parts the site does not cover, in the user's words made inert. */
public final class Uncovered {
    static final int MAX_QUOTED_CHARS = 80;

    private Uncovered() {}

    public static String appendTo(String answer, List<String> uncovered) {
        if (uncovered.isEmpty()) {
            return answer;
        }
        List<String> quoted = uncovered.stream().map(Uncovered::quoted).toList();
        return answer + "\n\nThis site's pages do not cover the rest of your question: " + String.join("; ", quoted)
                + ".";
    }

    /** A clause as plain words: no character a Markdown renderer acts on, and no longer than a line. */
    static String quoted(String clause) {
        String plain = clause.replaceAll("[^\\p{L}\\p{N} ,.'?!-]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (plain.length() > MAX_QUOTED_CHARS) {
            plain = plain.substring(0, MAX_QUOTED_CHARS).strip() + "…";
        }
        return "“" + plain + "”";
    }
}
