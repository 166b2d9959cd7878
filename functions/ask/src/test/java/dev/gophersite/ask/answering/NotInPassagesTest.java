package dev.gophersite.ask.answering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotInPassagesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NOT_IN_PASSAGES",
                " \"NOT_IN_PASSAGES.\" ",
                "Sorry, NOT IN PASSAGES",
                "not_in_passages",
                "NOTINPASSAGES",
                "**NOT_IN_THE_PASSAGES**"
            })
    void the_marker_however_a_small_model_wraps_it_says_the_passages_do_not_answer(String reply) {
        assertThat(NotInPassages.in(reply)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Go 1.18 added generics [1].",
                "Go 1.18 added generics [1]. NOT_IN_PASSAGES for the rest.",
                "The passages do not say.",
                "I don't know from this site's pages."
            })
    void a_cited_answer_or_other_words_are_not_the_marker(String reply) {
        assertThat(NotInPassages.in(reply)).isFalse();
    }
}
