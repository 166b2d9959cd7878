package dev.gophersite.local.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudFront's rules for how long a response stays, as the cache policy of the pages bounds them. */
class EdgeCacheTest {
    private static final EdgeCache.Ttl PAGES = new EdgeCache.Ttl(Duration.ZERO, Duration.ZERO, Duration.ofDays(365));
    private static final EdgeCache.Ttl NEVER = new EdgeCache.Ttl(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "public, max-age=60, s-maxage=300, stale-while-revalidate=300 | 300",
                "public, max-age=60 | 60",
                "public, max-age=31536000, immutable | 31536000",
                "public, max-age=99999999 | 31536000",
                "no-store | -1",
                "private, max-age=60 | -1",
                "no-cache, max-age=60 | -1",
                "'' | 0"
            })
    void keeps_a_response_for_s_maxage_else_max_age_within_the_policy(String cacheControl, long seconds) {
        // when
        Optional<Duration> ttl = EdgeCache.ttl(response(200, cacheControl), PAGES);

        // then
        assertThat(ttl.map(Duration::toSeconds).orElse(-1L)).isEqualTo(seconds);
    }

    @Test
    void a_policy_that_never_caches_and_an_error_keep_nothing() {
        assertThat(EdgeCache.ttl(response(200, "public, max-age=60"), NEVER)).isEmpty();
        assertThat(EdgeCache.ttl(response(503, "public, max-age=60"), PAGES)).isEmpty();
        assertThat(EdgeCache.ttl(response(404, "public, max-age=60"), PAGES)).isEmpty();
    }

    @Test
    void fresh_then_stale_within_stale_while_revalidate_then_gone() {
        // given
        EdgeCache cache = new EdgeCache();
        cache.store(
                "/history", response(200, "public, max-age=60, s-maxage=300, stale-while-revalidate=300"), PAGES, 0);

        // then
        assertThat(cache.lookup("/history", 299_000)).isInstanceOf(EdgeCache.Fresh.class);
        assertThat(cache.lookup("/history", 300_000)).isInstanceOf(EdgeCache.Stale.class);
        assertThat(cache.lookup("/history", 599_999)).isInstanceOf(EdgeCache.Stale.class);
        assertThat(cache.lookup("/history", 600_000)).isInstanceOf(EdgeCache.Miss.class);
    }

    @Test
    void an_invalidation_drops_exact_paths_and_prefixes() {
        // given
        EdgeCache cache = new EdgeCache();
        for (String path : List.of("/", "/history", "/api/pages/history", "/api/pages", "/essentials")) {
            cache.store(path, response(200, "public, max-age=60"), PAGES, 0);
        }

        // when
        int first = cache.invalidate(List.of("/history", "/api/pages/history"));
        int rest = cache.invalidate(List.of("/*"));

        // then
        assertThat(first).isEqualTo(2);
        assertThat(rest).isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    private static EdgeCache.Response response(int status, String cacheControl) {
        return new EdgeCache.Response(
                status,
                cacheControl.isEmpty() ? Map.of() : Map.of("Cache-Control", List.of(cacheControl)),
                "body".getBytes(StandardCharsets.UTF_8));
    }
}
