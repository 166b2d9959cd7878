package dev.gophersite.ask.answer;

/**
 * Records the id of every answer given, where the feedback function can check it, so votes are accepted only
 * for answers this site really gave. Implementations never throw: an answer is worth more than its record.
 */
public interface IssuedAnswers {

    void record(String answerId);

    /** For set-ups without a feedback table, where there is nothing to vote into either. */
    static IssuedAnswers none() {
        return answerId -> { };
    }
}
