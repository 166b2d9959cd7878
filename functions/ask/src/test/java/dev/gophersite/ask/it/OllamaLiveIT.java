package dev.gophersite.ask.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.handler.AskHandler;
import dev.gophersite.ask.model.ChatModels;
import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.ask.record.AnswerCache;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.ollama.OllamaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Against a real Ollama with the model present: the server at {@code OLLAMA_BASE_URL} when it is set, else an
 * Ollama container (Testcontainers) when Docker is available. The model ({@code OLLAMA_MODEL}, default the
 * template's) is pulled first, with a time limit. No server, no Docker or a failed pull is a skip with its reason;
 * once the model is there, anything but a cited model answer fails.
 */
class OllamaLiveIT {
    private static final String MODEL =
            System.getenv().getOrDefault("OLLAMA_MODEL", ModelSettings.DEFAULT_OLLAMA_MODEL);
    private static final Duration PULL_LIMIT = Duration.ofMinutes(10);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)(?:,\\s*(\\d+))*]");
    private static String baseUrl;
    private static String skipReason;
    private static OllamaContainer container;

    @BeforeAll
    static void findOllamaWithTheModel() {
        try {
            baseUrl = System.getenv("OLLAMA_BASE_URL");
            if (baseUrl == null || baseUrl.isBlank()) {
                startContainer();
            } else {
                pullOver(baseUrl.replaceAll("/$", ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skipReason = "interrupted while preparing Ollama";
        }
    }

    /** Through the server's API: {@code POST /api/pull} answers 200 only once the model is there. */
    private static void pullOver(String url) throws InterruptedException {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> pull = client.send(
                    HttpRequest.newBuilder(URI.create(url + "/api/pull"))
                            .timeout(PULL_LIMIT)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL + "\",\"stream\":false}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (pull.statusCode() != 200 || !pull.body().contains("success")) {
                skipReason = "Ollama at " + url + " could not pull " + MODEL + " (HTTP " + pull.statusCode() + ")";
            }
        } catch (IOException e) {
            skipReason = "no Ollama answers at " + url + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void startContainer() throws InterruptedException {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            skipReason = "OLLAMA_BASE_URL is not set and no Docker engine is reachable for an Ollama container";
            return;
        }
        container = new OllamaContainer(DockerImageName.parse("ollama/ollama:0.12.10"));
        try {
            container.start();
            Container.ExecResult pull = CompletableFuture.supplyAsync(() -> {
                        try {
                            return container.execInContainer("ollama", "pull", MODEL);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    })
                    .get(PULL_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (pull.getExitCode() != 0) {
                skipReason = "ollama pull " + MODEL + " failed in the container (exit " + pull.getExitCode() + "): "
                        + pull.getStderr().strip();
                return;
            }
            baseUrl = container.getEndpoint();
        } catch (TimeoutException e) {
            skipReason = "ollama pull " + MODEL + " took longer than " + PULL_LIMIT;
        } catch (ExecutionException | RuntimeException e) {
            skipReason = "the Ollama container did not start: " + e.getClass().getSimpleName();
        }
    }

    @AfterAll
    static void stopContainer() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void a_real_model_answers_a_site_question_with_a_checked_citation() throws IOException {
        // given
        assumeTrue(skipReason == null, skipReason);
        Duration timeout = Duration.ofSeconds(20);
        AskHandler handler = TestSettings.handler(
                TestContent.store(),
                ChatModels.ollama(baseUrl, MODEL, timeout),
                AnswerCache.none(),
                TestSettings.withModelAt(baseUrl, timeout));

        // when
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("events/post-ask.json"), null);

        // then a model answer, not the fallback, whose citations name passages that were given
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        System.out.println("[OllamaLiveIT] " + body.get("mode").asText() + ": "
                + body.get("answer").asText());
        assertThat(body.get("mode").asText()).isEqualTo("llm");
        assertThat(body.get("model").asText()).isEqualTo(MODEL);
        Matcher citation = CITATION.matcher(body.get("answer").asText());
        assertThat(citation.find()).as("the answer cites a passage").isTrue();
        assertThat(Integer.parseInt(citation.group(1)))
                .isBetween(1, body.get("sources").size());
    }
}
