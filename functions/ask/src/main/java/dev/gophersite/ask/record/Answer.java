package dev.gophersite.ask.record;

import java.util.List;
import java.util.Map;

/**
 * The response to a question (the {@code POST /ask} contract).
 *
 * @param id        identifies this response for feedback; a cached answer gets a new one each time
 * @param model     the model that wrote {@code answer}, or {@code "none"} when no model did (extractive, refused)
 * @param timingsMs milliseconds per step: {@code retrieval}, {@code cacheHit} or {@code cacheLookup},
 *                  {@code generation}, {@code total}
 * @param cached    whether the answer came from the answer cache
 */
public record Answer(
        String id,
        String answer,
        boolean grounded,
        Mode mode,
        List<Source> sources,
        String model,
        Map<String, Long> timingsMs,
        boolean cached) {
    public static final String NO_MODEL = "none";

    public Answer {
        sources = List.copyOf(sources);
        timingsMs = Map.copyOf(timingsMs);
    }
}
