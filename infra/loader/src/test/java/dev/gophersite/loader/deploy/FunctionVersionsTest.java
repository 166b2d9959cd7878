package dev.gophersite.loader.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionVersionsTest {
    @Test
    void the_mark_of_a_site_version_replaces_an_earlier_one_and_keeps_the_description() {
        assertThat(FunctionVersions.described("Search.", "abc")).isEqualTo("Search. [content abc]");
        assertThat(FunctionVersions.described("Search. [content abc]", "def")).isEqualTo("Search. [content def]");
        assertThat(FunctionVersions.described(null, "abc")).isEqualTo(" [content abc]");
    }

    @Test
    void a_description_stays_within_lambdas_256_characters() {
        assertThat(FunctionVersions.described("x".repeat(300), "0123456789ab"))
                .hasSize(256)
                .endsWith(" [content 0123456789ab]");
    }
}
