package dev.gophersite.ask.generation;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;

import java.net.http.HttpClient;
import java.time.Duration;

/** The production chat model: Ollama's native chat API through langchain4j, sized for a Lambda time budget. */
public final class OllamaModels {
    /** A reachable server accepts a connection in milliseconds; waiting longer only delays the fallback. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Enough for a few short cited sentences; a cap keeps a rambling model inside the time budget. */
    static final int MAX_OUTPUT_TOKENS = 400;
    /** Room for the system rules, the passage budget, four turns of history and the answer. */
    static final int CONTEXT_TOKENS = 4096;

    private OllamaModels() {
    }

    public static ChatModel chatModel(String baseUrl, String modelName, Duration timeout) {
        Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
        return OllamaChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder()
                        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                        .connectTimeout(connect)
                        .readTimeout(timeout))
                .baseUrl(baseUrl)
                .modelName(modelName)
                .temperature(0.1)
                .numPredict(MAX_OUTPUT_TOKENS)
                .numCtx(CONTEXT_TOKENS)
                // a retry would double the wait for an answer that the extractive fallback gives at once
                .maxRetries(0)
                .build();
    }
}
