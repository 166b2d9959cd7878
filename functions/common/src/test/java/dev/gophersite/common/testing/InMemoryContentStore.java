package dev.gophersite.common.testing;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.common.store.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake store for unit tests: one site version in memory, which a test can replace ({@link #publish}) or make fail
 * ({@link #failWith}); it counts reads. Build it from the repository's content with the loader:
 * {@code ContentLoader.renderDirectory(...)}.
 */
public final class InMemoryContentStore implements ContentStore {
    private volatile String version;
    private volatile List<Page> pages;
    private volatile SiteIndex index;
    private volatile StoreException failure;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger allPagesCalls = new AtomicInteger();

    public InMemoryContentStore(String version, List<Page> pages, SiteIndex index) {
        publish(version, pages, index);
    }

    /** Makes another version current, as a content load would. */
    public void publish(String newVersion, List<Page> newPages, SiteIndex newIndex) {
        this.pages = List.copyOf(newPages);
        this.index = newIndex;
        this.version = newVersion;
    }

    public InMemoryContentStore failWith(StoreException error) {
        this.failure = error;
        return this;
    }

    public InMemoryContentStore failAsUnavailable() {
        return failWith(new StoreUnavailableException("store down for the test", null, 2));
    }

    public void recover() {
        this.failure = null;
    }

    /** Calls of any method, failed ones included. */
    public int reads() {
        return reads.get();
    }

    public int allPagesCalls() {
        return allPagesCalls.get();
    }

    @Override
    public String currentVersion() {
        read();
        return version;
    }

    @Override
    public SiteIndex index() {
        read();
        return index;
    }

    @Override
    public Optional<Page> page(String slug) {
        read();
        return pages.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    @Override
    public List<Page> allPages() {
        read();
        allPagesCalls.incrementAndGet();
        return pages;
    }

    private void read() {
        reads.incrementAndGet();
        StoreException error = failure;
        if (error != null) {
            throw error;
        }
    }
}
