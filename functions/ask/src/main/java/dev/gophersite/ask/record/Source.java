package dev.gophersite.ask.record;

import dev.gophersite.ask.retrieval.RankedPassage;

/**
 * A passage as the client sees it.
 *
 * @param section the section's heading (the page title for a page's introduction); the section's anchor id is
 *                the fragment of {@code url}
 * @param url     {@code /{slug}#{sectionId}}
 * @param text    the passage itself: heading line, then the section text (or the part of a long section)
 * @param score   the passage's BM25 score for the question, rounded to 3 decimals
 */
public record Source(String slug, String title, String section, String url, String text, double score) {

    public static Source of(RankedPassage ranked) {
        var p = ranked.passage();
        return new Source(
                p.slug(), p.title(), p.heading(), p.url(), p.text(), Math.round(ranked.score() * 1000) / 1000.0);
    }
}
