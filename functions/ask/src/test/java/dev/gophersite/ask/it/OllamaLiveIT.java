package dev.gophersite.ask.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.answer.AnswerCache;
import dev.gophersite.ask.answer.AskSettings;
import dev.gophersite.ask.fakes.InMemoryContentStore;
import dev.gophersite.ask.generation.OllamaModels;
import dev.gophersite.ask.handler.AskHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.ollama.OllamaContainer;
import org.testcontainers.utility.DockerImageName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real Ollama: the one at {@code OLLAMA_BASE_URL} when it is set and answers {@code GET /api/tags}, else
 * an Ollama container (Testcontainers) when a Docker engine is present, which pulls the model first. Skipped with
 * the reason printed otherwise. The model is {@code OLLAMA_MODEL}, default the template's.
 */
class OllamaLiveIT {
    private static final String MODEL = System.getenv().getOrDefault("OLLAMA_MODEL", AskSettings.DEFAULT_MODEL);
    private static String baseUrl;
    private static String skipReason;
    private static OllamaContainer container;

    @BeforeAll
    static void findOllama() {
        baseUrl = System.getenv("OLLAMA_BASE_URL");
        if (baseUrl == null || baseUrl.isBlank()) {
            startContainer();
            return;
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<Void> tags = client.send(HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/$", "") + "/api/tags"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            skipReason = tags.statusCode() == 200 ? null : "Ollama at " + baseUrl + " answered " + tags.statusCode();
        } catch (IOException e) {
            skipReason = "no Ollama answers at " + baseUrl;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skipReason = "interrupted while looking for Ollama";
        }
    }

    private static void startContainer() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            skipReason = "OLLAMA_BASE_URL is not set and no Docker engine is reachable for an Ollama container";
            return;
        }
        try {
            container = new OllamaContainer(DockerImageName.parse("ollama/ollama:0.12.10"));
            container.start();
            container.execInContainer("ollama", "pull", MODEL);
            baseUrl = container.getEndpoint();
        } catch (IOException | RuntimeException e) {
            skipReason = "the Ollama container did not start or could not pull " + MODEL + ": " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skipReason = "interrupted while starting the Ollama container";
        }
    }

    @AfterAll
    static void stopContainer() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void a_real_model_answers_a_site_question_with_citations_or_the_fallback_takes_over() throws IOException {
        // given
        if (skipReason != null) {
            System.out.println("[OllamaLiveIT] skipped: " + skipReason);
        }
        assumeTrue(skipReason == null, skipReason);
        String model = MODEL;
        Duration timeout = Duration.ofSeconds(20);
        AskSettings settings = new AskSettings(baseUrl, model, timeout, "", Duration.ofHours(1), "unused",
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        AskHandler handler = new AskHandler(InMemoryContentStore.ofRepositoryContent(),
                OllamaModels.chatModel(baseUrl, model, timeout), AnswerCache.none(), settings);

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                EventLoader.loadApiGatewayRestEvent("events/post-ask.json"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        System.out.println("[OllamaLiveIT] " + body.get("mode").asText() + ": " + body.get("answer").asText());
        assertThat(body.get("mode").asText()).isIn("llm", "extractive");
        assertThat(body.get("answer").asText()).containsPattern("\\[\\d]");
    }
}
