package dev.gophersite.common.store;

/**
 * The feedback table's item layout, in one place for the ask function (which records the answers it gives) and
 * the feedback function (which puts a vote on one of them).
 *
 * <pre>
 * pk="A#{answerId}"  question, issuedAt, expiresAt            a grounded answer given, kept for a day and a half
 *                    + vote, comment?, votedAt, expiresAt        the same item once voted on, kept for the vote TTL
 * </pre>
 * Both writes are conditional: an answer is recorded unless it already has a vote, and a vote is set only on a
 * recorded answer, replacing any earlier vote, so there is one vote per answer and only for real answers. The
 * question is the one the ask function answered; the vote never replaces it.
 */
public final class FeedbackItems {
    public static final String PK = "pk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String QUESTION = "question";

    private FeedbackItems() {}

    public static String answerKey(String answerId) {
        return "A#" + answerId;
    }
}
