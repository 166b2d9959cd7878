package dev.gophersite.local.edge;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One edge location in front of an origin, as the template's distribution behaves: the behavior for the path
 * decides whether the method is accepted, whether the response may be kept (by path alone), and what of the
 * request reaches the origin. Plain logic over a given time and origin, so the dev server serves through it over
 * HTTP and a benchmark replays traffic through it on a simulated clock.
 */
public final class Edge {
    private final EdgeConfig config;
    private final EdgeCache cache = new EdgeCache();
    private final Function<OriginRequest, EdgeCache.Response> origin;
    private final Consumer<Runnable> background;
    private final Map<Outcome, LongAdder> outcomes = new LinkedHashMap<>();

    /** How a request was answered; CloudFront's X-Cache says the same ("Hit from cloudfront" …). */
    public enum Outcome {
        HIT("Hit from cloudfront"),
        STALE_HIT("Hit from cloudfront"),
        MISS("Miss from cloudfront"),
        PASS("Miss from cloudfront"),
        REFUSED("Error from cloudfront");

        private final String xCache;

        Outcome(String xCache) {
            this.xCache = xCache;
        }

        public String xCache() {
            return xCache;
        }

        /** Whether answering it took a request to the origin, now (a refresh after a stale hit counts apart). */
        public boolean reachedOrigin() {
            return this == MISS || this == PASS;
        }
    }

    /** A viewer's request: path without the query, the raw query (or null), headers by lower-case name. */
    public record Request(
            String method, String path, String query, Map<String, String> headers, byte[] body, String clientAddress) {}

    /** What goes to the origin: the origin path prepended, the query and headers the behavior forwards. */
    public record OriginRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {}

    public record Result(EdgeCache.Response response, Outcome outcome) {}

    /**
     * @param origin     answers an origin request; a failure is the caller's to turn into a 502
     * @param background runs the refresh after a stale hit (a thread on a server, inline in a replay)
     */
    public Edge(EdgeConfig config, Function<OriginRequest, EdgeCache.Response> origin, Consumer<Runnable> background) {
        this.config = config;
        this.origin = origin;
        this.background = background;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    public Result handle(Request request, long nowMillis) {
        EdgeConfig.Behavior behavior = config.behaviorFor(request.path());
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!behavior.allowedMethods().contains(method)) {
            return count(new Result(
                    new EdgeCache.Response(
                            403,
                            Map.of("Content-Type", List.of("text/plain")),
                            "This distribution does not accept this method here.".getBytes(StandardCharsets.UTF_8)),
                    Outcome.REFUSED));
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (behavior.ttl().neverCaches() || !read) {
            return count(new Result(origin.apply(toOrigin(request, behavior)), Outcome.PASS));
        }
        String key = request.path();
        Result result = switch (cache.lookup(key, nowMillis)) {
            case EdgeCache.Fresh fresh -> new Result(served(fresh.entry(), nowMillis), Outcome.HIT);
            case EdgeCache.Stale stale -> {
                background.accept(() -> fetchAndKeep(key, request, behavior, nowMillis));
                yield new Result(served(stale.entry(), nowMillis), Outcome.STALE_HIT);
            }
            case EdgeCache.Miss ignored -> new Result(fetchAndKeep(key, request, behavior, nowMillis), Outcome.MISS);
        };
        Optional<String> etag = result.response().header("ETag");
        if (etag.isPresent()
                && etag.get().equals(request.headers().get("if-none-match"))
                && result.response().status() == 200) {
            result =
                    new Result(new EdgeCache.Response(304, result.response().headers(), new byte[0]), result.outcome());
        }
        return count(result);
    }

    /** Drops what the paths name (exact, or a prefix ending in {@code *}); returns how many responses it dropped. */
    public int invalidate(List<String> paths) {
        return cache.invalidate(paths);
    }

    public Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        outcomes.forEach((outcome, adder) -> counts.put(outcome, adder.sum()));
        return counts;
    }

    private EdgeCache.Response fetchAndKeep(String key, Request request, EdgeConfig.Behavior behavior, long nowMillis) {
        // the cache key is the path alone, so the origin gets nothing else that could change the answer
        EdgeCache.Response response = origin.apply(new OriginRequest(
                "GET", config.originPath() + request.path(), originHeaders(request, Map.of()), new byte[0]));
        cache.store(key, response, behavior.ttl(), nowMillis);
        return response;
    }

    private OriginRequest toOrigin(Request request, EdgeConfig.Behavior behavior) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            if (behavior.forwardHeaders().contains(name)) {
                forwarded.put(name, value);
            }
        });
        String path = config.originPath()
                + request.path()
                + (behavior.forwardQuery() && request.query() != null ? "?" + request.query() : "");
        return new OriginRequest(
                request.method().toUpperCase(Locale.ROOT), path, originHeaders(request, forwarded), request.body());
    }

    private Map<String, String> originHeaders(Request request, Map<String, String> forwarded) {
        Map<String, String> headers = new LinkedHashMap<>(forwarded);
        headers.put("X-Forwarded-For", request.clientAddress());
        // the distribution's own headers replace any a viewer sent under the same name
        config.originHeaders().forEach(headers::put);
        return headers;
    }

    private static EdgeCache.Response served(EdgeCache.Entry entry, long nowMillis) {
        Map<String, List<String>> headers = new LinkedHashMap<>(entry.response().headers());
        headers.put("Age", List.of(Long.toString(entry.age(nowMillis).toSeconds())));
        return new EdgeCache.Response(
                entry.response().status(), headers, entry.response().body());
    }

    private Result count(Result result) {
        outcomes.get(result.outcome()).increment();
        return result;
    }
}
