package dev.gophersite.ask.question;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a message that asks several things at once ("how big is a goroutine stack and what's the weather
 * in paris?"), so the part the site covers can be answered when the whole cannot.
 */
public final class Clauses {
    private static final Pattern BOUNDARY = Pattern.compile(
            "[?;!]+|\\.\\s+|,\\s*(?:and|also|btw|but|plus)\\b|"
                    + "\\s+(?:and|also|btw|plus)\\s+(?=(?:what|whats|what's|who|when|where|why|how|which|is|are|can|could|do|does"
                    + "|tell|give|write|show|suggest|recommend)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final int MIN_CHARS = 8;
    /** Each clause is retrieved and judged on its own: a message of hundreds of clauses must not cost hundreds. */
    public static final int MAX_CLAUSES = 4;

    private Clauses() {}

    /** The message's first {@link #MAX_CLAUSES} clauses, in order; one clause when it asks one thing. */
    public static List<String> of(String message) {
        List<String> clauses = new ArrayList<>();
        for (String part : BOUNDARY.split(message)) {
            String clause = part.strip().replaceFirst("^(?i)(also|and|btw|plus)\\b\\s*", "");
            if (clause.length() >= MIN_CHARS && clauses.size() < MAX_CLAUSES) {
                clauses.add(clause);
            }
        }
        return clauses.isEmpty() ? List.of(message.strip()) : List.copyOf(clauses);
    }
}
