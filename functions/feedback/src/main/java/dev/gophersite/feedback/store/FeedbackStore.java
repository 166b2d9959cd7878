package dev.gophersite.feedback.store;

import dev.gophersite.feedback.Feedback;

/** Where votes go. Write-only by design: the function's IAM policy cannot read the table either. */
public interface FeedbackStore {

    /**
     * Stores the vote on its answer, replacing an earlier vote on the same answer.
     *
     * @return false when the site never gave (or no longer remembers) an answer with that id; nothing is stored
     */
    boolean vote(Feedback feedback);
}
