package dev.gophersite.ask.retrieval;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.StoreException;

import java.util.List;
import java.util.Map;

/**
 * The search index of the current site version. Built from one {@link ContentStore#allPages()} read, then
 * reused until {@link ContentStore#currentVersion()} (a cached pointer, cheap per request) names another version.
 * While the store fails, an index that was already built keeps serving instead of failing requests.
 */
public final class SiteSearch {
    private final ContentStore store;
    private final RetrievalOptions options;
    private final JsonLog log;
    private volatile SearchIndex current;
    private volatile boolean servingStale;

    public SiteSearch(ContentStore store, RetrievalOptions options, JsonLog log) {
        this.store = store;
        this.options = options;
        this.log = log;
    }

    /** The index for the current version, building it first if needed; throws {@link StoreException} only when there is none. */
    public SearchIndex index() {
        SearchIndex snapshot = current;
        String version;
        try {
            version = store.currentVersion();
        } catch (StoreException e) {
            return staleOr(snapshot, e);
        }
        if (snapshot != null && snapshot.version().equals(version)) {
            return fresh(snapshot);
        }
        synchronized (this) {
            snapshot = current;
            if (snapshot != null && snapshot.version().equals(version)) {
                return fresh(snapshot);
            }
            long start = System.nanoTime();
            List<Page> pages;
            try {
                pages = store.allPages();
            } catch (StoreException e) {
                return staleOr(snapshot, e);
            }
            SearchIndex built = SearchIndex.build(version, pages, options);
            current = built;
            log.info(null, "search index built", Map.of("version", version, "pages", pages.size(),
                    "passages", built.passages().size(), "ms", (System.nanoTime() - start) / 1_000_000));
            return fresh(built);
        }
    }

    private SearchIndex fresh(SearchIndex index) {
        servingStale = false;
        return index;
    }

    private SearchIndex staleOr(SearchIndex snapshot, StoreException e) {
        if (snapshot == null) {
            throw e;
        }
        if (!servingStale) {
            servingStale = true;
            log.error(null, "content store failed; answering from the index of version " + snapshot.version(), e);
        }
        return snapshot;
    }
}
