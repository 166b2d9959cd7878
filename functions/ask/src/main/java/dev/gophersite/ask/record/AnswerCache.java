package dev.gophersite.ask.record;

import java.util.Optional;

/**
 * Model answers by question, site version and model (see {@link AnswerCacheKey}). Implementations never throw:
 * a cache that fails is a cache that misses.
 */
public interface AnswerCache {

    Optional<CachedAnswer> get(String key);

    void put(String key, CachedAnswer answer);

    /** For deployments without a cache table. */
    static AnswerCache none() {
        return new AnswerCache() {
            @Override
            public Optional<CachedAnswer> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, CachedAnswer answer) {}
        };
    }
}
