package dev.gophersite.ask.grounding;

import dev.gophersite.ask.retrieval.Retrieval;
import java.util.List;

/**
 * What the site can answer of a message: the retrieval to answer from (the whole message's, or its covered clause's),
 * the verdict on it, and the clauses of a mixed message the site does not cover.
 */
public record Assessment(Retrieval retrieval, GroundingVerdict verdict, List<String> uncovered) {

    public Assessment {
        uncovered = List.copyOf(uncovered);
    }

    /**
     * Whether the message is refused before any answer is written: without a model, unless the calibrated gate
     * grounds it; with one, only when it is clearly off the site's subject, since the model then decides.
     */
    public boolean refused(boolean modelDecides) {
        return modelDecides ? !verdict.plausible() : !verdict.grounded();
    }

    /** The words the answer is about: the whole message, or its covered clause. */
    public String asked() {
        return retrieval.question().asked();
    }
}
