package dev.gophersite.loader.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.loader.ContentChange;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgePathsTest {
    @Test
    void a_page_of_its_own_is_its_html_and_its_json_and_home_is_the_root() {
        assertThat(EdgePaths.of(new ContentChange(Set.of("history", "home"), false)))
                .containsExactly("/history", "/api/pages/history", "/", "/api/pages/home");
    }

    @Test
    void a_changed_page_list_is_every_page_and_one_path() {
        assertThat(EdgePaths.of(new ContentChange(Set.of("history"), true))).containsExactly("/*");
    }

    @Test
    void no_change_is_no_path() {
        assertThat(EdgePaths.of(ContentChange.NONE)).isEmpty();
    }
}
