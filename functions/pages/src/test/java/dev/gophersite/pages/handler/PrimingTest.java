package dev.gophersite.pages.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.testing.InMemoryContentStore;
import dev.gophersite.pages.wiring.PagesWiring;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void site_priming_runs_the_real_request_path_and_restore_forces_a_version_recheck() {
        // given
        InMemoryContentStore store = TestContent.store();
        PagesWiring wiring = PagesWiring.of(store);
        var priming = wiring.primeSite(new SiteHandler(wiring));

        // when
        priming.beforeCheckpoint(null);

        // then every primed page request reached the store (the asset does not need it)
        assertThat(store.reads()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void pages_api_priming_reads_the_index_and_pages() {
        // given
        InMemoryContentStore store = TestContent.store();
        PagesWiring wiring = PagesWiring.of(store);
        var priming = wiring.primePagesApi(new PagesApiHandler(wiring));

        // when
        priming.beforeCheckpoint(null);

        // then
        assertThat(store.reads()).isGreaterThanOrEqualTo(3);
    }
}
