package dev.gophersite.ask.fakes;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.common.store.StoreUnavailableException;
import dev.gophersite.dynalite.Repo;
import dev.gophersite.loader.ContentParser;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The site's pages in memory, with a version that tests can change and a switch that makes every call fail. */
public final class InMemoryContentStore implements ContentStore {
    private volatile List<Page> pages;
    private volatile String version;
    private volatile StoreException failure;
    private final AtomicInteger allPagesCalls = new AtomicInteger();

    public InMemoryContentStore(List<Page> pages, String version) {
        this.pages = List.copyOf(pages);
        this.version = version;
    }

    /** The repository's content/ pages, parsed as the loader parses them. */
    public static InMemoryContentStore ofRepositoryContent() {
        return new InMemoryContentStore(repositoryPages(), "v1");
    }

    public static List<Page> repositoryPages() {
        return new ContentParser().parseDirectory(Repo.root().resolve("content"));
    }

    public void publish(List<Page> newPages, String newVersion) {
        this.pages = List.copyOf(newPages);
        this.version = newVersion;
    }

    public void failWith(StoreException error) {
        this.failure = error;
    }

    public void failAsUnavailable() {
        failWith(new StoreUnavailableException("store down for the test", null, 2));
    }

    public void recover() {
        this.failure = null;
    }

    public int allPagesCalls() {
        return allPagesCalls.get();
    }

    @Override
    public String currentVersion() {
        failIfAsked();
        return version;
    }

    @Override
    public SiteIndex index() {
        failIfAsked();
        return new SiteIndex(version, pages.stream().map(Page::summaryView).toList(), "{}");
    }

    @Override
    public Optional<Page> page(String slug) {
        failIfAsked();
        return pages.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    @Override
    public List<Page> allPages() {
        failIfAsked();
        allPagesCalls.incrementAndGet();
        return pages;
    }

    private void failIfAsked() {
        StoreException error = failure;
        if (error != null) {
            throw error;
        }
    }
}
