package dev.gophersite.common.content;

/**
 * What the navigation and {@code GET /api/pages} need of a page.
 *
 * @param navLabel the page's short label in the site navigation
 */
public record PageSummary(String slug, String title, String summary, int order, String navLabel) {

    /** A page listed under its title. */
    public PageSummary(String slug, String title, String summary, int order) {
        this(slug, title, summary, order, title);
    }
}
