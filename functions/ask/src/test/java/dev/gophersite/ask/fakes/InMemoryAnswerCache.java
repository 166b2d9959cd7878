package dev.gophersite.ask.fakes;

import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.CachedAnswer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An answer cache in a map, to see what is stored and to serve hits. */
public final class InMemoryAnswerCache implements AnswerCache {
    private final Map<String, CachedAnswer> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedAnswer> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, CachedAnswer answer) {
        entries.put(key, answer);
    }

    public Map<String, CachedAnswer> entries() {
        return entries;
    }
}
