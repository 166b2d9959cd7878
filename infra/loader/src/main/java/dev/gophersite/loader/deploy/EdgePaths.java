package dev.gophersite.loader.deploy;

import dev.gophersite.loader.ContentChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge paths a content change makes stale. A page's own change touches its HTML and its JSON; a change of
 * the page list touches every HTML page (each shows the navigation) and the list's JSON, so it invalidates
 * everything, which CloudFront counts as one path (CloudFront developer guide, "Paying for file invalidation").
 * Assets are never invalidated: a changed file has a new name.
 */
public final class EdgePaths {
    static final String EVERYTHING = "/*";
    private static final String HOME = "home";

    private EdgePaths() {}

    public static List<String> of(ContentChange change) {
        if (change.index()) {
            return List.of(EVERYTHING);
        }
        List<String> paths = new ArrayList<>();
        for (String slug : change.pages().stream().sorted().toList()) {
            paths.add(slug.equals(HOME) ? "/" : "/" + slug);
            paths.add("/api/pages/" + slug);
        }
        return List.copyOf(paths);
    }
}
