package dev.gophersite.local.edge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One edge location's cache, keyed as the cache policy keys it (the path alone), with CloudFront's rules for how
 * long a response stays (CloudFront developer guide, "Manage how long content stays in the cache"): the
 * response's {@code s-maxage}, else its {@code max-age}, held within the policy's minimum and maximum TTL; the
 * policy's default TTL without either; nothing for {@code no-store}, {@code no-cache} or {@code private} when the
 * minimum TTL is 0; and {@code stale-while-revalidate} served stale while a fresh copy is fetched. Only
 * successful responses and redirects are kept. Time is given by the caller, so a month can be replayed in seconds.
 */
public final class EdgeCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A kept response: what the origin sent, when, and until when it is fresh and may be served stale. */
    public record Entry(Response response, long storedAtMillis, long freshUntilMillis, long staleUntilMillis) {
        public Duration age(long nowMillis) {
            return Duration.ofMillis(Math.max(0, nowMillis - storedAtMillis));
        }
    }

    /** What the origin answered. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    public sealed interface Lookup {}

    public record Fresh(Entry entry) implements Lookup {}

    /** Expired, but within stale-while-revalidate: serve it, and fetch a fresh one. */
    public record Stale(Entry entry) implements Lookup {}

    public record Miss() implements Lookup {}

    public Lookup lookup(String key, long nowMillis) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return new Miss();
        }
        if (nowMillis < entry.freshUntilMillis()) {
            return new Fresh(entry);
        }
        if (nowMillis < entry.staleUntilMillis()) {
            return new Stale(entry);
        }
        entries.remove(key, entry);
        return new Miss();
    }

    /** Keeps the response if the rules let it; returns whether it did. */
    public boolean store(String key, Response response, Ttl policy, long nowMillis) {
        Optional<Duration> ttl = ttl(response, policy);
        if (ttl.isEmpty() || ttl.get().isZero()) {
            entries.remove(key);
            return false;
        }
        Duration swr = CacheControl.parse(response.header("Cache-Control").orElse(null))
                .staleWhileRevalidate();
        long freshUntil = nowMillis + ttl.get().toMillis();
        entries.put(key, new Entry(response, nowMillis, freshUntil, freshUntil + swr.toMillis()));
        return true;
    }

    /** Drops every key an invalidation path names: an exact path, or a prefix ending in {@code *}. */
    public int invalidate(List<String> paths) {
        int before = entries.size();
        for (String path : paths) {
            if (path.endsWith("*")) {
                String prefix = path.substring(0, path.length() - 1);
                entries.keySet().removeIf(key -> key.startsWith(prefix));
            } else {
                entries.remove(path);
            }
        }
        return before - entries.size();
    }

    public int size() {
        return entries.size();
    }

    /** A cache policy's TTL bounds. */
    public record Ttl(Duration min, Duration defaultTtl, Duration max) {
        public boolean neverCaches() {
            return max.isZero();
        }
    }

    static Optional<Duration> ttl(Response response, Ttl policy) {
        if (policy.neverCaches()
                || !((response.status() >= 200 && response.status() < 300)
                        || response.status() == 301
                        || response.status() == 410)) {
            return Optional.empty();
        }
        CacheControl control =
                CacheControl.parse(response.header("Cache-Control").orElse(null));
        if ((control.noStore() || control.noCache() || control.isPrivate())
                && policy.min().isZero()) {
            return Optional.empty();
        }
        Optional<Duration> asked = control.sharedMaxAge().or(control::maxAge);
        Duration ttl = asked.orElse(policy.defaultTtl());
        if (ttl.compareTo(policy.min()) < 0) {
            ttl = policy.min();
        }
        if (ttl.compareTo(policy.max()) > 0) {
            ttl = policy.max();
        }
        return Optional.of(ttl);
    }
}
