package dev.gophersite.local.edge;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The directives of a response's {@code Cache-Control} that decide what an edge keeps, and for how long. */
public record CacheControl(
        Optional<Duration> maxAge,
        Optional<Duration> sharedMaxAge,
        Duration staleWhileRevalidate,
        boolean noStore,
        boolean noCache,
        boolean isPrivate) {
    static final CacheControl NONE =
            new CacheControl(Optional.empty(), Optional.empty(), Duration.ZERO, false, false, false);

    /** Unknown directives and malformed values are ignored, as caches ignore them. */
    public static CacheControl parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Optional<Duration> maxAge = Optional.empty();
        Optional<Duration> sharedMaxAge = Optional.empty();
        Duration swr = Duration.ZERO;
        boolean noStore = false;
        boolean noCache = false;
        boolean isPrivate = false;
        for (String part : header.split(",")) {
            String directive = part.strip().toLowerCase(Locale.ROOT);
            String name = directive.contains("=")
                    ? directive.substring(0, directive.indexOf('=')).strip()
                    : directive;
            Optional<Duration> seconds = seconds(directive);
            switch (name) {
                case "max-age" -> maxAge = seconds;
                case "s-maxage" -> sharedMaxAge = seconds;
                case "stale-while-revalidate" -> swr = seconds.orElse(Duration.ZERO);
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "private" -> isPrivate = true;
                default -> {}
            }
        }
        return new CacheControl(maxAge, sharedMaxAge, swr, noStore, noCache, isPrivate);
    }

    private static Optional<Duration> seconds(String directive) {
        int equals = directive.indexOf('=');
        if (equals < 0) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(directive.substring(equals + 1).strip().replace("\"", ""));
            return value < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
