package dev.gophersite.ask.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gophersite.ask.fakes.TestSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What real small models do with the prompt, through the real langchain4j Ollama client and an Ollama-protocol
 * server: an answer the passages support is kept and cited, whatever its citations were; what they do not support
 * is dropped; and an answer with nothing supported gives way to the extractive one.
 */
class SmallModelHabitsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");
    private OllamaStub ollama;

    @BeforeEach
    void start() {
        ollama = new OllamaStub();
    }

    @AfterEach
    void stop() {
        ollama.close();
    }

    private JsonNode ask(String reply) throws IOException {
        ollama.replies(TestSettings.MODEL, reply);
        return SampleQuestion.ask(TestSettings.ollamaHandler(ollama.baseUrl(), TIMEOUT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "uncited            | Each goroutine starts with a 2KB stack.",
                "cites a passage that does not exist | Each goroutine starts with a 2KB stack [7].",
                "rambles with an invented claim | Great question! Each goroutine starts with a 2KB stack. Go was designed by Sun Microsystems in 1995 for mobile games.",
                "partly in another language | La pila inicial de cada gorutina es pequeña. Each goroutine starts with a 2KB stack."
            })
    void a_supported_answer_is_kept_cited_and_stripped_of_what_is_not_supported(String habit, String reply)
            throws IOException {
        // when
        JsonNode body = ask(reply);

        // then
        assertThat(body.get("mode").asText()).as(habit).isEqualTo("llm");
        String answer = body.get("answer").asText();
        assertThat(answer)
                .startsWith("Each goroutine starts with a 2KB stack [")
                .doesNotContain("Sun Microsystems", "Great question", "pila", "[7]");
        Matcher citation = CITATION.matcher(answer);
        assertThat(citation.find()).isTrue();
        int cited = Integer.parseInt(citation.group(1));
        assertThat(body.get("sources").get(cited - 1).get("text").asText()).contains("2KB");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "filler             | As an AI language model, I think this is an interesting topic with many aspects to consider.",
                "refuses            | I don't know from this site's pages.",
                "invents            | Goroutines start with a 64KB stack, like Java threads in 2003."
            })
    void an_answer_with_nothing_supported_gives_way_to_the_extractive_answer(String habit, String reply)
            throws IOException {
        // when
        JsonNode body = ask(reply);

        // then
        assertThat(body.get("mode").asText()).as(habit).isEqualTo("extractive");
        assertThat(body.get("answer").asText())
                .contains("2KB")
                .containsPattern("\\[\\d]")
                .doesNotContain("64KB");
    }
}
