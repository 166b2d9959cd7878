package dev.gophersite.ask.answering;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fixed reply a model gives when the passages it was handed do not answer the question: with a model, the model
 * decides whether the site answers, and this is how it says no. A small model wraps it in quotes, punctuation or a
 * few words of its own ("Sorry, NOT_IN_PASSAGES."), so it is found inside the reply; a reply that also cites a
 * passage answered something, and is checked like any answer.
 */
public final class NotInPassages {
    public static final String MARKER = "NOT_IN_PASSAGES";
    /** Underscores may come back as blanks or be dropped: NOT IN PASSAGES, NOTINPASSAGES. */
    private static final Pattern SAID = Pattern.compile("NOT[ _-]?IN[ _-]?(?:THE[ _-]?)?PASSAGES");

    private static final Pattern CITATION = Pattern.compile("\\[\\s*\\d");

    private NotInPassages() {}

    public static boolean in(String reply) {
        return SAID.matcher(reply.toUpperCase(Locale.ROOT)).find()
                && !CITATION.matcher(reply).find();
    }
}
