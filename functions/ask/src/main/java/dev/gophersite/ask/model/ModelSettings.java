package dev.gophersite.ask.model;

import dev.gophersite.common.Env;
import java.time.Duration;

/**
 * Which chat model writes answers, provider-neutral: template.yaml sets these from its ModelProvider parameter.
 *
 * @param modelId  the provider's model: an Ollama tag or a Bedrock model id
 * @param endpoint the Ollama server; for Bedrock an endpoint override (tests), empty for the region's endpoint
 * @param timeout  the budget for one call, past which the answer is extractive
 */
public record ModelSettings(Provider provider, String modelId, String endpoint, Duration timeout) {
    /**
     * API Gateway gives up after 29 s and the function after 25 s; the DynamoDB calls around the model (pointer,
     * index query, cache get and put, 3 s budget each at worst) and the fallback need the rest.
     */
    static final long MAX_TIMEOUT_MILLIS = 12_000;

    static final long MIN_TIMEOUT_MILLIS = 500;
    public static final String DEFAULT_OLLAMA_MODEL = "qwen2.5:0.5b-instruct";
    public static final String DEFAULT_BEDROCK_MODEL = "amazon.nova-micro-v1:0";

    /** {@code MODEL_PROVIDER}: {@code ollama}, {@code bedrock} or {@code none}, in any case. */
    public enum Provider {
        OLLAMA,
        BEDROCK,
        NONE
    }

    public static ModelSettings fromEnv() {
        Provider provider = Env.choice("MODEL_PROVIDER", Provider.class, Provider.NONE);
        String fallbackModel = provider == Provider.BEDROCK ? DEFAULT_BEDROCK_MODEL : DEFAULT_OLLAMA_MODEL;
        return new ModelSettings(
                provider,
                Env.string("MODEL_ID", fallbackModel),
                Env.string("MODEL_ENDPOINT", ""),
                Duration.ofMillis(Math.clamp(
                        Env.number("MODEL_TIMEOUT_MILLIS", 10_000), MIN_TIMEOUT_MILLIS, MAX_TIMEOUT_MILLIS)));
    }

    /** What answers carry as their {@code model}: the model's id, or {@code none} when no model is configured. */
    public String answeringModel() {
        return provider == Provider.NONE ? "none" : modelId;
    }
}
