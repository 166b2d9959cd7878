package dev.gophersite.ask.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerCacheKeyTest {

    @Test
    void keys_the_wording_the_model_answers_so_variants_never_share_an_answer() {
        // when / then: the model is given the stripped question, so only surrounding blanks are the same question
        assertThat(AnswerCacheKey.of("  What is Go? ", "v1", "m"))
                .isEqualTo(AnswerCacheKey.of("What is Go?", "v1", "m"));
        assertThat(AnswerCacheKey.of("What is Go?", "v1", "m"))
                .isNotEqualTo(AnswerCacheKey.of("what is go", "v1", "m"))
                .isNotEqualTo(AnswerCacheKey.of("What is  Go?", "v1", "m"));
    }

    @Test
    void differs_by_site_version_and_model() {
        // when
        String key = AnswerCacheKey.of("What is Go?", "v1", "m");

        // then
        assertThat(key)
                .isNotEqualTo(AnswerCacheKey.of("What is Go?", "v2", "m"))
                .isNotEqualTo(AnswerCacheKey.of("What is Go?", "v1", "other"))
                .doesNotContainIgnoringCase("what");
    }
}
