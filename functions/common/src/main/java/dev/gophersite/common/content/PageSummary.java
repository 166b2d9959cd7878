package dev.gophersite.common.content;

/** What the navigation and {@code GET /api/pages} need of a page. */
public record PageSummary(String slug, String title, String summary, int order) {
}
