package dev.gophersite.ask.wiring;

import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.common.Env;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * The ask function's configuration, from the environment template.yaml sets (read through {@link Env}, so the
 * local dev server can give each function its own).
 *
 * @param cacheTable    the answer cache; empty for no cache
 * @param feedbackTable where issued answer ids are recorded for the feedback function; empty for none
 * @param circuitOpen   how long the model is left alone after a failure that opens the circuit breaker
 * @param retrieval     from {@code RETRIEVAL}
 */
public record AskSettings(
        DynamoSettings dynamo,
        ContentSettings content,
        ModelSettings model,
        Optional<String> cacheTable,
        Duration cacheTtl,
        Optional<String> feedbackTable,
        Duration circuitOpen,
        Retrieval retrieval) {
    static final Duration MIN_CACHE_TTL = Duration.ofMinutes(1);

    /** What the index knows of the site; see docs/evaluation.md for what each one scored. */
    public enum Retrieval {
        /** Shipped: BM25 and the authored questions rank, words and meaning ground and answer. */
        MEANING,
        /** BM25 alone, no embedding model: a smaller, faster-starting function (search). */
        LEXICAL,
        /** As meaning, and passages by meaning fused into the ranking too (measured, not shipped). */
        FUSED
    }

    public static AskSettings fromEnv() {
        return new AskSettings(
                DynamoSettings.fromEnv(),
                ContentSettings.fromEnv(),
                ModelSettings.fromEnv(),
                optional(Env.string("ANSWER_CACHE_TABLE", "")),
                Duration.ofSeconds(Math.max(MIN_CACHE_TTL.toSeconds(), Env.number("ANSWER_CACHE_TTL_SECONDS", 86_400))),
                optional(Env.string("FEEDBACK_TABLE", "")),
                Duration.ofSeconds(30),
                Env.choice("RETRIEVAL", Retrieval.class, Retrieval.MEANING));
    }

    private static Optional<String> optional(String table) {
        return table.isEmpty() ? Optional.empty() : Optional.of(table);
    }
}
