package dev.gophersite.ask.record;

import java.util.List;

/** The {@code GET /api/search} response: passages ranked for the query, best first. */
public record SearchResults(String query, List<Source> results) {

    public SearchResults {
        results = List.copyOf(results);
    }
}
