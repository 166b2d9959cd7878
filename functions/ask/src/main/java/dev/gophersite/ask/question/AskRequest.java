package dev.gophersite.ask.question;

import java.util.List;

/** A validated question: non-blank, within the size limits, history oldest first. */
public record AskRequest(String question, List<Turn> history) {

    public AskRequest {
        history = List.copyOf(history);
    }

    public boolean hasHistory() {
        return !history.isEmpty();
    }

    /**
     * The conversation's user turns, oldest first: the client's "assistant" turns are its own text, never read as the
     * site's answers.
     */
    public List<String> earlierUserTurns() {
        return history.stream()
                .filter(turn -> turn.role() == Turn.Role.USER)
                .map(Turn::content)
                .toList();
    }
}
