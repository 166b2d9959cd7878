package dev.gophersite.ask.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "You touch each of the projects below indirectly every day.                                   | true",
                "The table below helps you decide which fits where.                                           | true",
                "These three points above are what teams mention.                                             | true",
                "The full spec uses 25 keywords; the eight features below cover roughly 90% of what you write. | false",
                "Go is standing on the layer just below it.                                                   | false",
                "Goroutines start with a 2KB stack.                                                           | false"
            })
    void a_sentence_that_only_points_at_the_rest_of_its_page_is_a_signpost(String sentence, boolean signpost) {
        assertThat(Statements.isSignpost(sentence)).as(sentence).isEqualTo(signpost);
    }
}
