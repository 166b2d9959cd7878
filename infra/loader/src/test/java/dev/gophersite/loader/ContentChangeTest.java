package dev.gophersite.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.content.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentChangeTest {
    private final List<Page> before = ContentLoader.renderDirectory(TestPaths.content(), "2026-01-01T00:00:00Z")
            .pages();

    @Test
    void an_edited_body_changes_that_page_and_not_the_page_list() {
        // given
        List<Page> after = before.stream()
                .map(p -> p.slug().equals("history") ? edited(p, p.title()) : p)
                .toList();

        // when
        ContentChange change = ContentChange.between(bySlug(before), after);

        // then
        assertThat(change.pages()).containsExactly("history");
        assertThat(change.index()).isFalse();
    }

    @Test
    void a_new_title_changes_the_page_list_every_page_shows() {
        // given
        List<Page> after = before.stream()
                .map(p -> p.slug().equals("history") ? edited(p, "Go's history") : p)
                .toList();

        // then
        assertThat(ContentChange.between(bySlug(before), after).index()).isTrue();
    }

    @Test
    void a_removed_page_and_a_first_load_change_the_list() {
        assertThat(ContentChange.between(bySlug(before), before.subList(1, before.size()))
                        .index())
                .isTrue();
        assertThat(ContentChange.between(Map.of(), before).pages()).hasSize(before.size());
        assertThat(ContentChange.between(bySlug(before), before).isEmpty()).isTrue();
    }

    private static Page edited(Page page, String title) {
        return new Page(
                page.slug(),
                title,
                page.summary(),
                page.order(),
                page.sections(),
                page.updatedAt(),
                page.hash() + "x",
                page.json(),
                page.presentation());
    }

    private static Map<String, Page> bySlug(List<Page> pages) {
        Map<String, Page> map = new LinkedHashMap<>();
        pages.forEach(page -> map.put(page.slug(), page));
        return map;
    }
}
