package dev.gophersite.ask.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.handler.AskHandler;
import dev.gophersite.ask.model.ChatModels;
import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.ask.record.AnswerCache;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The real langchain4j Bedrock model on the real, signing SDK client, against a local endpoint that speaks the
 * Converse API: what it sends, and that every way Bedrock refuses or fails ends in an extractive answer in budget.
 */
class BedrockConverseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "amazon.nova-micro-v1:0";
    /** The SDK percent-encodes the model id in the path, the colon included. */
    private static final String CONVERSE = "/model/amazon.nova-micro-v1%3A0/converse";

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** The model budget, ModelClient's grace and the rest of the request (retrieval, rendering). */
    private static final Duration BUDGET = TIMEOUT.plusMillis(750 + 1000);

    private WireMockServer bedrock;

    @BeforeEach
    void start() {
        bedrock = new WireMockServer(wireMockConfig().dynamicPort());
        bedrock.start();
    }

    @AfterEach
    void stop() {
        bedrock.stop();
    }

    private AskHandler handler() {
        ModelSettings settings = new ModelSettings(ModelSettings.Provider.BEDROCK, MODEL, bedrock.baseUrl(), TIMEOUT);
        return TestSettings.handler(
                TestContent.store(),
                ChatModels.bedrock(
                        settings,
                        BedrockRuntimeClient.builder()
                                .region(Region.US_EAST_1)
                                .credentialsProvider(StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("AKIDTEST", "secret")))),
                AnswerCache.none(),
                TestSettings.withModel(settings, TestSettings.CIRCUIT_OPEN));
    }

    private static String converseReply(String text) {
        return "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":" + JSON.valueToTree(text)
                + "}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":812,\"outputTokens\":21,"
                + "\"totalTokens\":833},\"metrics\":{\"latencyMs\":240}}";
    }

    @Test
    void sends_a_signed_converse_request_with_the_prompt_and_returns_the_cited_answer() throws IOException {
        // given
        bedrock.stubFor(post(urlEqualTo(CONVERSE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(converseReply("Each goroutine starts with a 2KB stack [1]."))));

        // when
        JsonNode body = SampleQuestion.ask(handler());

        // then the answer is the model's, with its citation checked
        assertThat(body.get("mode").asText()).isEqualTo("llm");
        assertThat(body.get("model").asText()).isEqualTo(MODEL);
        assertThat(body.get("answer").asText()).isEqualTo("Each goroutine starts with a 2KB stack [1].");
        // and the request is the Converse API's, SigV4-signed for bedrock, carrying rules, passages and limits
        LoggedRequest request =
                bedrock.findAll(postRequestedFor(urlEqualTo(CONVERSE))).getFirst();
        assertThat(request.getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-east-1/bedrock/aws4_request");
        JsonNode converse = JSON.readTree(request.getBodyAsString());
        assertThat(converse.at("/system/0/text").asText()).contains("Answer only from the numbered passages");
        JsonNode last = converse.get("messages").get(converse.get("messages").size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("user");
        assertThat(last.at("/content/0/text").asText()).contains("[1] ", "[2] ", "2KB", "Question:");
        assertThat(converse.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(ChatModels.MAX_OUTPUT_TOKENS);
        assertThat(converse.at("/inferenceConfig/temperature").asDouble()).isLessThanOrEqualTo(0.2);
    }

    /** How Bedrock answers when it will not; error types as the service sends them in {@code x-amzn-ErrorType}. */
    enum Refusal {
        THROTTLED(() -> error(429, "ThrottlingException", "Too many requests, please wait before trying again.")),
        ACCESS_DENIED(() ->
                error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.")),
        MODEL_NOT_ENABLED(() -> error(
                404, "ResourceNotFoundException", "Model use case details have not been submitted for this account.")),
        INVALID_MODEL(() -> error(400, "ValidationException", "The provided model identifier is invalid.")),
        SERVICE_ERROR(() -> error(500, "InternalServerException", "The server encountered an error.")),
        TOO_SLOW(() -> aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(converseReply("Late [1]."))
                .withFixedDelay(5000)),
        GARBAGE(() -> aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"output\": <html>not json")),
        CONNECTION_RESET(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        @SuppressWarnings("ImmutableEnumChecker") // each supplier is a stateless lambda building a fresh stub
        private final Supplier<ResponseDefinitionBuilder> response;

        Refusal(Supplier<ResponseDefinitionBuilder> response) {
            this.response = response;
        }

        private static ResponseDefinitionBuilder error(int status, String type, String message) {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                    .withBody("{\"message\":\"" + message + "\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void a_refusing_or_failing_bedrock_gives_an_extractive_answer_within_budget(Refusal refusal) throws IOException {
        // given
        bedrock.stubFor(post(anyUrl()).willReturn(refusal.response.get()));
        AskHandler handler = handler();

        // when
        long start = System.nanoTime();
        JsonNode body = SampleQuestion.ask(handler);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // then
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
        assertThat(body.get("grounded").asBoolean()).isTrue();
        assertThat(body.get("answer").asText()).contains("2KB").containsPattern("\\[\\d]");
        assertThat(took).isLessThan(BUDGET);
        // one call, no retries: a retry would only double the wait for the same refusal
        assertThat(bedrock.findAll(postRequestedFor(anyUrl()))).hasSize(1);
    }
}
