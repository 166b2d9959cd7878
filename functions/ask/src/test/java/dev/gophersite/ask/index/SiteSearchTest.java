package dev.gophersite.ask.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.ask.fakes.CapturedLog;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.retrieval.Retriever;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.store.StoreUnavailableException;
import dev.gophersite.common.testing.InMemoryContentStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteSearchTest {
    private final InMemoryContentStore store = TestContent.store();
    private final CapturedLog log = new CapturedLog();
    private final SiteSearch search = new SiteSearch(store, RetrievalOptions.bm25(), log.log());

    @Test
    void builds_the_index_once_per_site_version() {
        // when
        SearchIndex first = search.index();
        SearchIndex second = search.index();

        // then
        assertThat(second).isSameAs(first);
        assertThat(store.allPagesCalls()).isEqualTo(1);
    }

    @Test
    void rebuilds_the_index_when_the_site_version_changes() {
        // given
        search.index();
        List<Page> changed = new ArrayList<>(TestContent.pages());
        changed.add(new Page(
                "wasm",
                "Go and WebAssembly",
                "s",
                99,
                List.of(new Section(
                        "intro", "Go and WebAssembly", "", "GOOS=js GOARCH=wasm builds a WebAssembly module.")),
                "",
                "h",
                ""));

        // when
        store.publish("v2", changed, store.index());
        SearchIndex rebuilt = search.index();

        // then
        assertThat(rebuilt.version()).isEqualTo("v2");
        assertThat(Retriever.retrieve(rebuilt, "WebAssembly module", List.of())
                        .ranked()
                        .getFirst()
                        .passage()
                        .slug())
                .isEqualTo("wasm");
        assertThat(store.allPagesCalls()).isEqualTo(2);
    }

    @Test
    void keeps_answering_from_the_last_index_while_the_store_fails_and_logs_it_once() {
        // given
        SearchIndex built = search.index();
        store.failAsUnavailable();

        // when
        SearchIndex first = search.index();
        SearchIndex second = search.index();

        // then
        assertThat(first).isSameAs(built);
        assertThat(second).isSameAs(built);
        assertThat(log.linesContaining("content store failed")).isEqualTo(1);
    }

    @Test
    void fails_with_the_store_error_when_no_index_was_ever_built() {
        // given
        store.failAsUnavailable();

        // when / then
        assertThatThrownBy(search::index).isInstanceOf(StoreUnavailableException.class);
    }
}
