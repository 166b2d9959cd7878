package dev.gophersite.ask.fakes;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.testing.InMemoryContentStore;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.loader.ContentParser;
import dev.gophersite.loader.ParsedPage;
import dev.gophersite.project.Repo;
import java.util.List;

/** The repository's content/, as the loader parses and renders it, for tests. */
public final class TestContent {
    private TestContent() {}

    public static List<ParsedPage> parsed() {
        return new ContentParser().parseDirectory(Repo.root().resolve("content"));
    }

    public static ContentLoader.Site site() {
        return ContentLoader.render(parsed(), java.util.Map.of(), "2026-11-01T00:00:00Z");
    }

    public static List<Page> pages() {
        return site().pages();
    }

    /** The same content as if its authors had written no questions for any section. */
    public static InMemoryContentStore storeWithoutAuthoredQuestions() {
        ContentLoader.Site site = site();
        List<Page> pages = site.pages().stream()
                .map(page -> new Page(
                        page.slug(),
                        page.title(),
                        page.summary(),
                        page.order(),
                        page.sections().stream()
                                .map(s -> new Section(s.id(), s.heading(), s.html(), s.text()))
                                .toList(),
                        page.updatedAt(),
                        page.hash(),
                        page.json(),
                        page.presentation()))
                .toList();
        return new InMemoryContentStore(site.version(), pages, site.index());
    }

    /** The shared in-memory fake store, holding this content as its current version. */
    public static InMemoryContentStore store() {
        ContentLoader.Site site = site();
        return new InMemoryContentStore(site.version(), site.pages(), site.index());
    }
}
