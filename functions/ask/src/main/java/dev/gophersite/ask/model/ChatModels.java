package dev.gophersite.ask.model;

import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.DynamoDbClients;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockChatRequestParameters;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * The one place that knows model providers: builds the langchain4j {@link ChatModel} the settings name, sized
 * for a Lambda time budget, or none. Prompt, citation checks and fallback are the same whichever it is.
 */
public final class ChatModels {
    /** A reachable server accepts a connection in milliseconds; waiting longer only delays the fallback. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Enough for a few short cited sentences; a cap keeps a rambling model inside the time budget. */
    public static final int MAX_OUTPUT_TOKENS = 400;
    /** Room for the system rules, the passage budget, four turns of history and the answer. */
    static final int CONTEXT_TOKENS = 4096;

    static final double TEMPERATURE = 0.1;
    private static final JsonLog LOG = new JsonLog(ChatModels.class);

    private ChatModels() {}

    /** Empty when no model is configured; the reason is logged here, once per cold start. */
    public static Optional<ChatModel> from(ModelSettings settings) {
        return switch (settings.provider()) {
            case NONE -> {
                LOG.info("no model configured (MODEL_PROVIDER none): answers are extractive", Map.of());
                yield Optional.empty();
            }
            case OLLAMA -> {
                if (settings.endpoint().isBlank()) {
                    LOG.warn(
                            "MODEL_PROVIDER is ollama but MODEL_ENDPOINT is empty: no model, answers are extractive",
                            Map.of());
                    yield Optional.empty();
                }
                yield Optional.of(ollama(settings.endpoint(), settings.modelId(), settings.timeout()));
            }
            case BEDROCK -> Optional.of(bedrock(settings));
        };
    }

    public static ChatModel ollama(String baseUrl, String modelId, Duration timeout) {
        return OllamaChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder()
                        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                        .connectTimeout(connectTimeout(timeout))
                        .readTimeout(timeout))
                .baseUrl(baseUrl)
                .modelName(modelId)
                .temperature(TEMPERATURE)
                .numPredict(MAX_OUTPUT_TOKENS)
                .numCtx(CONTEXT_TOKENS)
                // a retry would double the wait for an answer that the extractive fallback gives at once
                .maxRetries(0)
                .build();
    }

    /**
     * Bedrock's Converse API on the SDK client the functions already ship (url-connection), with the function's
     * region and credentials. Neither the SDK nor langchain4j retries, for the same reason as for Ollama.
     */
    public static ChatModel bedrock(ModelSettings settings) {
        BedrockRuntimeClientBuilder client =
                BedrockRuntimeClient.builder().credentialsProvider(DynamoDbClients.credentials());
        DynamoDbClients.region().ifPresent(client::region);
        return bedrock(settings, client);
    }

    /** The same model on a client whose credentials and region the caller has set. */
    public static ChatModel bedrock(ModelSettings settings, BedrockRuntimeClientBuilder client) {
        client.httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connectTimeout(settings.timeout()))
                        .socketTimeout(settings.timeout())
                        .build())
                .overrideConfiguration(
                        o -> o.apiCallTimeout(settings.timeout()).retryStrategy(DefaultRetryStrategy.doNotRetry()));
        if (!settings.endpoint().isBlank()) {
            client.endpointOverride(URI.create(settings.endpoint()));
        }
        return BedrockChatModel.builder()
                .client(client.build())
                .modelId(settings.modelId())
                .defaultRequestParameters(BedrockChatRequestParameters.builder()
                        .maxOutputTokens(MAX_OUTPUT_TOKENS)
                        .temperature(TEMPERATURE)
                        .build())
                .maxRetries(0)
                .build();
    }

    private static Duration connectTimeout(Duration timeout) {
        return timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
    }
}
