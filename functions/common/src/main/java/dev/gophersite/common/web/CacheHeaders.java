package dev.gophersite.common.web;

/**
 * How long browsers and the edge may keep what the site serves, as {@code Cache-Control} values. The edge
 * (CloudFront, and {@code EDGE=1} locally) keeps a response for {@code s-maxage}, else {@code max-age}, and serves
 * it stale for {@code stale-while-revalidate} more while it fetches a fresh one; the loader invalidates what a
 * content load changes, so the edge may keep pages longer than a browser, which nobody can invalidate.
 */
public final class CacheHeaders {
    /** HTML pages and page JSON: a minute in a browser, five at the edge. */
    public static final String PAGE = "public, max-age=60, s-maxage=300, stale-while-revalidate=300";
    /** An asset under its content-hashed name: those bytes, for good. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** An asset under its plain name, or a name whose hash is not the current file's: whatever it is now. */
    public static final String ASSET = "public, max-age=300";

    private CacheHeaders() {}
}
