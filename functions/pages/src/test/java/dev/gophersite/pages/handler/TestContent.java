package dev.gophersite.pages.handler;

import dev.gophersite.common.testing.InMemoryContentStore;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.project.Repo;

/** The repository's content/, rendered as the loader renders it, in the shared in-memory fake store. */
final class TestContent {
    private TestContent() {}

    static InMemoryContentStore store() {
        ContentLoader.Site site = ContentLoader.renderDirectory(Repo.root().resolve("content"), "2026-11-01T00:00:00Z");
        return new InMemoryContentStore(site.version(), site.pages(), site.index());
    }
}
