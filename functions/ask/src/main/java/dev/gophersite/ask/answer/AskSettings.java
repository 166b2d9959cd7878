package dev.gophersite.ask.answer;

import dev.gophersite.common.Env;

import java.time.Duration;

/**
 * The ask function's configuration, from the environment template.yaml sets (read through {@link Env}, so the
 * local dev server can give each function its own).
 *
 * @param cacheTable  answer cache table; empty for no cache
 * @param circuitOpen how long the model is left alone after a failure that opens the circuit breaker
 */
public record AskSettings(String ollamaBaseUrl, String modelName, Duration modelTimeout, String cacheTable,
                          Duration cacheTtl, String contentTable, Duration pointerTtl, Duration circuitOpen) {
    public static final String DEFAULT_MODEL = "qwen2.5:0.5b-instruct";
    /**
     * API Gateway gives up after 29 s and the function after 25 s; the DynamoDB calls around the model (pointer,
     * index query, cache get and put, 3 s budget each at worst) and the fallback need the rest.
     */
    static final long MAX_MODEL_TIMEOUT_MILLIS = 12_000;
    static final long MIN_MODEL_TIMEOUT_MILLIS = 500;

    public static AskSettings fromEnv() {
        long timeout = Math.clamp(Env.number("OLLAMA_TIMEOUT_MILLIS", 10_000), MIN_MODEL_TIMEOUT_MILLIS,
                MAX_MODEL_TIMEOUT_MILLIS);
        return new AskSettings(
                Env.string("OLLAMA_BASE_URL", "http://localhost:11434"),
                Env.string("OLLAMA_MODEL", DEFAULT_MODEL),
                Duration.ofMillis(timeout),
                Env.string("ANSWER_CACHE_TABLE", ""),
                Duration.ofSeconds(Math.max(60, Env.number("ANSWER_CACHE_TTL_SECONDS", 86_400))),
                Env.tableName(),
                Env.millis("CONTENT_POINTER_TTL_MILLIS", 10_000),
                Duration.ofSeconds(30));
    }
}
