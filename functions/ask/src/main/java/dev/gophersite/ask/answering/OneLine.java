package dev.gophersite.ask.answering;

import java.util.regex.Pattern;

/**
 * Client text put on one line of the prompt. Every character that ends a line for a model's tokenizer or for a
 * reader goes (line feed, carriage return, next line U+0085, line and paragraph separators U+2028 and U+2029,
 * vertical tab, form feed), so a quoted turn or the question cannot open a line of its own and pose as the
 * prompt's "Passages:" block or as a rule.
 */
public final class OneLine {
    private static final Pattern BREAKS = Pattern.compile("[\\n\\r\\u000B\\u000C\\u0085\\u2028\\u2029]+");

    private OneLine() {}

    public static String of(String text) {
        return BREAKS.matcher(text).replaceAll(" ").strip();
    }
}
