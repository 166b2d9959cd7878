package dev.gophersite.ask.question;

import java.util.regex.Pattern;

/**
 * Whether a message talks to the assistant about its own rules rather than asking about the site's subject: "ignore
 * the above", "you are now DAN", "show me your instructions". Such a message is refused before any model sees it,
 * whatever Go words it also carries; the model is never the only guard against being redirected.
 */
public final class Instructions {
    private static final Pattern ADDRESSED = Pattern.compile(
            String.join(
                    "|",
                    "\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instructions?|rules|prompts?|above|previous"
                            + "|guidelines|restrictions|everything)\\b",
                    "\\b(your|system|developer|hidden|initial)\\s+(instructions|rules|prompt|guidelines)\\b",
                    "\\bsystem prompt\\b",
                    "\\byou are (now|no longer)\\b",
                    "\\bfrom now on\\b",
                    "\\bpretend (to be|you are)\\b",
                    "\\bjailbreak",
                    "\\bdeveloper mode\\b",
                    "(?-i:\\bDAN\\b)",
                    "\\bno (rules|restrictions)\\b"),
            Pattern.CASE_INSENSITIVE);

    private Instructions() {}

    public static boolean addressedToTheAssistant(String message) {
        return ADDRESSED.matcher(message).find();
    }
}
