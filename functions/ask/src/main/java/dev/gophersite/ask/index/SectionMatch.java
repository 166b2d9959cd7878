package dev.gophersite.ask.index;

/**
 * How close a question comes to one section's authored questions: the best of them.
 *
 * @param question   the authored question that came closest (for logs and the content check, never for users)
 * @param similarity its cosine similarity to the question asked
 */
public record SectionMatch(AuthoredQuestion question, double similarity) {

    public String section() {
        return question.section();
    }
}
