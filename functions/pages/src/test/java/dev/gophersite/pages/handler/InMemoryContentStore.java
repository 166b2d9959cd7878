package dev.gophersite.pages.handler;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.dynalite.Repo;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.loader.ContentParser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Fake store for unit tests: the real content/ pages, rendered as the loader would, held in memory. */
final class InMemoryContentStore implements ContentStore {
    private final ContentLoader.Site site;
    private StoreException failure;
    final AtomicInteger reads = new AtomicInteger();

    InMemoryContentStore() {
        List<Page> parsed = new ContentParser().parseDirectory(Repo.root().resolve("content"));
        this.site = ContentLoader.render(parsed, Map.of(), "2026-11-01T00:00:00Z");
    }

    InMemoryContentStore failingWith(StoreException e) {
        this.failure = e;
        return this;
    }

    private void read() {
        reads.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String currentVersion() {
        read();
        return site.version();
    }

    @Override
    public SiteIndex index() {
        read();
        return site.index();
    }

    @Override
    public Optional<Page> page(String slug) {
        read();
        return site.pages().stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    @Override
    public List<Page> allPages() {
        read();
        return site.pages();
    }
}
