package dev.gophersite.ask.index;

import java.util.List;

/**
 * A question the site's authors wrote for a section, worded as visitors ask it: the strongest evidence that the
 * site answers a question, because small embedding models match question to question far better than question to
 * passage. Never shown to users.
 *
 * @param passages positions of the section's passages in the index (a long section has several parts)
 */
public record AuthoredQuestion(String text, String slug, String sectionId, List<Integer> passages) {

    public AuthoredQuestion {
        passages = List.copyOf(passages);
    }

    /** The section it belongs to, as {@code slug#sectionId}. */
    public String section() {
        return slug + "#" + sectionId;
    }
}
