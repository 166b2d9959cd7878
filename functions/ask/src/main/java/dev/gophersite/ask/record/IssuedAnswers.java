package dev.gophersite.ask.record;

/**
 * Records the id of every answer given from the site's pages, with the question it answered, where the feedback
 * function finds them: votes are accepted only for answers this site really gave, and a vote is stored with the
 * question as it was asked, not as a client claims it was. Implementations never throw: an answer is worth more
 * than its record.
 */
public interface IssuedAnswers {

    void record(String answerId, String question);

    /** For set-ups without a feedback table, where there is nothing to vote into either. */
    static IssuedAnswers none() {
        return (answerId, question) -> {};
    }
}
