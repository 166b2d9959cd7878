package dev.gophersite.ask.index;

/**
 * A retrievable piece of one page section: the whole section, or one part of a long one.
 *
 * @param id        unique within a site version: {@code slug#sectionId} plus {@code ~part} for parts after the first
 * @param heading   the section heading; the intro section's heading is the page title
 * @param body      the section's plain text (or this part of it), without the heading
 */
public record Passage(String id, String slug, String title, String sectionId, String heading, String body) {

    /** Where the passage lives on the site: the section anchor, shared by all parts of a section. */
    public String url() {
        return "/" + slug + "#" + sectionId;
    }

    /**
     * The passage as retrieval ranks it and the model and the client see it. The heading is part of it because
     * headings often carry the fact (a release number, a date) that the body only refers to.
     */
    public String text() {
        return heading + "\n" + body;
    }
}
