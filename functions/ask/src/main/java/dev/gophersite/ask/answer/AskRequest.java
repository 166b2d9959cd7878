package dev.gophersite.ask.answer;

import dev.gophersite.ask.generation.Turn;

import java.util.List;

/** A validated question: non-blank, within the size limits, history oldest first. */
public record AskRequest(String question, List<Turn> history) {

    public AskRequest {
        history = List.copyOf(history);
    }

    public boolean hasHistory() {
        return !history.isEmpty();
    }
}
