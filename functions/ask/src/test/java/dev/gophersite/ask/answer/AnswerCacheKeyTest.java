package dev.gophersite.ask.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCacheKeyTest {

    @Test
    void ignores_case_spacing_and_trailing_punctuation_of_the_question() {
        // when / then
        assertThat(AnswerCacheKey.of("  What is  Go? ", "v1", "m")).isEqualTo(AnswerCacheKey.of("what is go", "v1", "m"));
    }

    @Test
    void differs_by_site_version_and_model() {
        // when
        String key = AnswerCacheKey.of("What is Go?", "v1", "m");

        // then
        assertThat(key).isNotEqualTo(AnswerCacheKey.of("What is Go?", "v2", "m"))
                .isNotEqualTo(AnswerCacheKey.of("What is Go?", "v1", "other"))
                .doesNotContainIgnoringCase("what");
    }
}
