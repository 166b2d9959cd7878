package dev.gophersite.ask.answering;

import dev.gophersite.ask.model.ModelClient;

/**
 * Asks the model to answer from the prompt's passages. Its reply is the model's text, its word that the passages do
 * not answer the question ({@link NotInPassages}), or nothing (no model, a failure, a budget spent), in which case
 * an extractive answer or a refusal follows.
 */
public final class ModelAnswerer {
    private final ModelClient model;

    public ModelAnswerer(ModelClient model) {
        this.model = model;
    }

    public sealed interface Reply {}

    /** The model's text, not yet checked against the passages. */
    public record Written(String text) implements Reply {}

    /** The model said the passages do not answer the question. */
    public record Declined() implements Reply {}

    public record Silent() implements Reply {}

    public boolean configured() {
        return model.configured();
    }

    public Reply reply(Prompt prompt) {
        if (model.generate(prompt.messages()) instanceof ModelClient.Answered answered) {
            return NotInPassages.in(answered.text()) ? new Declined() : new Written(answered.text());
        }
        return new Silent();
    }
}
