package dev.gophersite.pages.handler;

import dev.gophersite.pages.site.Assets;
import dev.gophersite.pages.site.PagesComposition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrimingTest {

    @Test
    void priming_runs_the_real_request_path_and_restore_forces_a_version_recheck() throws Exception {
        // given
        InMemoryContentStore store = new InMemoryContentStore();
        SiteHandler handler = new SiteHandler(store, new Assets());
        var priming = PagesComposition.prime("SiteFunction", handler, store, "/", "", "/{slug}", "essentials",
                "/assets/{file}", "site.css");

        // when
        priming.beforeCheckpoint(null);

        // then every primed request reached the store (the asset does not need it)
        assertThat(store.reads.get()).isGreaterThanOrEqualTo(4);
    }
}
