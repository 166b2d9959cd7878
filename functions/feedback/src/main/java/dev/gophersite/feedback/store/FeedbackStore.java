package dev.gophersite.feedback.store;

import dev.gophersite.feedback.Feedback;

/** Where votes go. Write-only by design: the function's IAM policy cannot read the table either. */
public interface FeedbackStore {
    /** Stores the vote and returns its id. */
    String save(Feedback feedback);
}
