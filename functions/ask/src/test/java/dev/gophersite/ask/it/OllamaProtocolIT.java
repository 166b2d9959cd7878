package dev.gophersite.ask.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.handler.AskHandler;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real langchain4j Ollama client against a server speaking Ollama's HTTP API, through the whole handler. */
class OllamaProtocolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private OllamaStub ollama;

    @BeforeEach
    void start() {
        ollama = new OllamaStub();
    }

    @AfterEach
    void stop() {
        ollama.close();
    }

    private static AskHandler handlerFor(String baseUrl) {
        return TestSettings.ollamaHandler(baseUrl, TIMEOUT);
    }

    @Test
    void sends_the_model_name_and_the_passages_and_returns_the_cited_answer() throws IOException {
        // given
        ollama.replies(TestSettings.MODEL, "A goroutine starts with a 2KB stack [1].");

        // when
        JsonNode body = SampleQuestion.ask(handlerFor(ollama.baseUrl()));

        // then
        assertThat(body.get("mode").asText()).isEqualTo("llm");
        assertThat(body.get("answer").asText()).isEqualTo("A goroutine starts with a 2KB stack [1].");
        JsonNode request = JSON.readTree(ollama.lastChatBody());
        assertThat(request.get("model").asText()).isEqualTo(TestSettings.MODEL);
        assertThat(request.get("stream").asBoolean()).isFalse();
        JsonNode messages = request.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertThat(user)
                .contains(
                        "[1] ",
                        body.get("sources").get(0).get("text").asText(),
                        "Question: How big is the stack a goroutine starts with?");
    }

    @Test
    void answers_extractively_when_ollama_fails_with_500() throws IOException {
        // given
        ollama.replies(500, "{\"error\":\"llama runner process has terminated\"}");

        // when
        JsonNode body = SampleQuestion.ask(handlerFor(ollama.baseUrl()));

        // then
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
        assertThat(body.get("answer").asText()).containsPattern("\\[\\d]");
        assertThat(body.get("sources").size()).isPositive();
    }

    @Test
    void answers_extractively_when_the_model_is_not_pulled() throws IOException {
        // given
        ollama.replies(404, "{\"error\":\"model 'test-model' not found, try pulling it first\"}");

        // when
        JsonNode body = SampleQuestion.ask(handlerFor(ollama.baseUrl()));

        // then
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
    }

    @Test
    void answers_extractively_within_budget_when_ollama_is_too_slow() throws IOException {
        // given
        ollama.repliesAfter((int) TIMEOUT.toMillis() + 3_000, TestSettings.MODEL, "late [1]");

        // when
        long start = System.nanoTime();
        JsonNode body = SampleQuestion.ask(handlerFor(ollama.baseUrl()));
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
        assertThat(elapsed).isLessThan(TIMEOUT.toMillis() + 2_000);
    }

    @Test
    void answers_extractively_when_the_reply_is_not_json() throws IOException {
        // given
        ollama.replies(200, "{\"model\":\"test-model\",\"message\":{\"role\":\"assistant\",\"content\":\"cut off");

        // when
        JsonNode body = SampleQuestion.ask(handlerFor(ollama.baseUrl()));

        // then
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
    }

    @Test
    void answers_extractively_and_quickly_when_nothing_listens() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AskHandler handler = handlerFor("http://127.0.0.1:" + closedPort);

        // when
        JsonNode first = SampleQuestion.ask(handler);
        long start = System.nanoTime();
        JsonNode second = SampleQuestion.ask(handler);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(first.get("mode").asText()).isEqualTo("extractive");
        assertThat(second.get("mode").asText()).isEqualTo("extractive");
        assertThat(secondMillis).isLessThan(500);
    }

    @Test
    void answers_extractively_when_the_model_cites_no_passage() throws IOException {
        // given
        ollama.replies(TestSettings.MODEL, "I don't know from this site's pages.");

        // when
        JsonNode body = SampleQuestion.ask(handlerFor(ollama.baseUrl()));

        // then
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
        assertThat(ollama.chatRequests()).isEqualTo(1);
    }
}
