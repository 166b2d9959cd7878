package dev.gophersite.ask.retrieval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "You touch each of the projects below indirectly every day.",
            "The table below helps you decide which fits where.",
            "These three points above are what teams mention."})
    void a_sentence_that_points_at_the_rest_of_its_page_is_a_signpost(String sentence) {
        assertThat(Statements.isSignpost(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The full spec uses 25 keywords; the eight features below cover roughly 90% of what you write.",
            "Go is standing on the layer just below it.",
            "Goroutines start with a 2KB stack."})
    void a_sentence_that_says_something_of_its_own_is_not(String sentence) {
        assertThat(Statements.isSignpost(sentence)).isFalse();
    }
}
