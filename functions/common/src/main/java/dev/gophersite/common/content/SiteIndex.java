package dev.gophersite.common.content;

import java.util.List;

/**
 * The page list of one site version.
 *
 * @param json the exact {@code GET /api/pages} body, rendered once at load time
 */
public record SiteIndex(String version, List<PageSummary> pages, String json) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
