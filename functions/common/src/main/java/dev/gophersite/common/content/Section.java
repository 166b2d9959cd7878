package dev.gophersite.common.content;

import java.util.List;

/**
 * One section of a page: the unit the site links to ({@code /slug#id}) and the unit retrieval ranks.
 *
 * @param id        anchor id, unique within its page
 * @param heading   the section heading as plain text
 * @param html      trusted HTML rendered from the page's Markdown at load time
 * @param text      the same content as plain text, for retrieval and extractive answers
 * @param questions the questions the section answers, as its authors expect visitors to ask them; evidence for
 *                  /ask, never shown on the page
 */
public record Section(String id, String heading, String html, String text, List<String> questions) {

    public Section {
        questions = List.copyOf(questions);
    }

    /** A section whose authors wrote no questions for it. */
    public Section(String id, String heading, String html, String text) {
        this(id, heading, html, text, List.of());
    }
}
