package dev.gophersite.ask.record;

import java.util.Locale;

/** How an answer was produced; {@link #wire()} is the value of the response's {@code mode} field. */
public enum Mode {
    /** Written by the chat model from the passages, with checked citations. */
    LLM,
    /** Sentences quoted from the passages, because the model failed, was too slow or cited nothing. */
    EXTRACTIVE,
    /** The site does not cover the question; decided from retrieval evidence, without the model. */
    REFUSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
