package dev.gophersite.common.content;

import java.util.List;

/**
 * A page as stored in the content table for one site version. Immutable once written: a content change
 * produces a new site version, never an in-place update.
 *
 * @param hash         content hash of the page; also its ETag and its {@code version} in the API
 * @param json         the exact {@code GET /api/pages/{slug}} body, rendered once at load time
 * @param updatedAt    ISO-8601 instant at which this content first appeared
 * @param presentation how the page is shown (navigation label, badge, layout)
 */
public record Page(
        String slug,
        String title,
        String summary,
        int order,
        List<Section> sections,
        String updatedAt,
        String hash,
        String json,
        Presentation presentation) {

    /** A page without declared presentation: an article listed under its title. */
    public Page(
            String slug,
            String title,
            String summary,
            int order,
            List<Section> sections,
            String updatedAt,
            String hash,
            String json) {
        this(slug, title, summary, order, sections, updatedAt, hash, json, Presentation.article(title));
    }

    public String etag() {
        return "\"" + hash + "\"";
    }

    public PageSummary summaryView() {
        return new PageSummary(slug, title, summary, order, presentation.navLabel());
    }
}
