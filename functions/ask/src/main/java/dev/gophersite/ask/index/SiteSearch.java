package dev.gophersite.ask.index;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The search index of the current site version. Built from one {@link ContentStore#allPages()} read, then
 * reused until {@link ContentStore#currentVersion()} (a cached pointer, cheap per request) names another version.
 * While the store fails, an index that was already built keeps serving instead of failing requests.
 *
 * <p>With an embedder, the lexical index is built at once and the meaning of every statement and authored question
 * is computed in the background (seconds: the model loads, then embeds them), then swapped in for the same version,
 * so initialisation never waits for the model. Questions are answered only from an index with its meaning
 * ({@link #settledIndex}), so the same question gets the same answer at start and a minute later; SnapStart
 * priming waits for it before the snapshot ({@link #awaitMeaning}), so a restored function has it from its first
 * request.
 */
public final class SiteSearch {
    private final ContentStore store;
    private final RetrievalOptions options;
    private final JsonLog log;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meaning");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SearchIndex current;
    private volatile CompletableFuture<SearchIndex> meaning = CompletableFuture.completedFuture(null);
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
            SearchIndex built = SearchIndex.build(version, pages, options.lexicalOnly());
            current = built;
            log.info(
                    "search index built",
                    Map.of(
                            "version",
                            version,
                            "pages",
                            pages.size(),
                            "passages",
                            built.lexical().size(),
                            "ms",
                            (System.nanoTime() - start) / 1_000_000));
            options.embedder()
                    .ifPresent(embedder ->
                            meaning = CompletableFuture.supplyAsync(() -> addMeaning(built, embedder), background)
                                    .whenComplete((added, failure) -> {
                                        if (failure != null) {
                                            log.error(
                                                    "computing the index's meaning failed; answering on lexical evidence",
                                                    failure);
                                        }
                                    }));
            return fresh(built);
        }
    }

    /**
     * The index for the current version as {@link #index} gives it, once its meaning is in: waits for the meaning
     * being computed, up to {@code limit}. Past the limit, or when the model cannot load, the lexical index answers
     * (and the log says so).
     */
    public SearchIndex settledIndex(Duration limit) {
        SearchIndex index = index();
        if (index.hasMeaning() || options.embedder().isEmpty()) {
            return index;
        }
        awaitMeaning(limit);
        return index();
    }

    /**
     * Waits until the current version's meaning is in the index (or the limit passes); for SnapStart priming.
     *
     * @return whether the index serving now has its meaning
     */
    public boolean awaitMeaning(Duration limit) {
        try {
            meaning.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "the index's meaning was not ready in time; answering on lexical evidence until it is",
                    Map.of("waitedMs", limit.toMillis()));
        } catch (ExecutionException e) {
            log.error("computing the index's meaning failed; answering on lexical evidence", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SearchIndex serving = current;
        return serving != null && serving.hasMeaning();
    }

    private SearchIndex addMeaning(SearchIndex lexical, Embedder embedder) {
        long start = System.nanoTime();
        SearchIndex withMeaning = lexical.withMeaning(embedder, options.fuseSemantic());
        synchronized (this) {
            // a newer version may have been built meanwhile; its own task adds its meaning
            if (current == lexical) {
                current = withMeaning;
            }
        }
        log.info(
                "index meaning added",
                Map.of(
                        "version",
                        lexical.version(),
                        "model",
                        embedder.model(),
                        "statements",
                        lexical.statements().size(),
                        "ms",
                        (System.nanoTime() - start) / 1_000_000));
        return withMeaning;
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
            log.error("content store failed; answering from the index of version " + snapshot.version(), e);
        }
        return snapshot;
    }
}
