package dev.gophersite.local.battery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.FaultProxy;
import dev.gophersite.local.Http;
import dev.gophersite.local.LocalSettings;
import dev.gophersite.local.LocalSite;
import dev.gophersite.project.Repo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB going away under the whole local stack: every function talks to dynalite through a fault proxy that,
 * once the site has been visited, holds every connection without answering (a table that does not respond, the
 * slowest way to fail). Each route is then timed over many requests and the figures written to
 * {@code target/store-outage.md}; the site must go on answering the pages it has seen and {@code /ask}, marked
 * stale, well inside the DynamoDB budget. The bound asserted is generous, since this machine is shared; the
 * figures are the measurement.
 */
class StoreOutageIT {
    /** Requests timed per route once the store is down; {@code -Doutage.samples} changes it. */
    private static final int SAMPLES = Integer.getInteger("outage.samples", 200);
    /** Far under the 3 s a DynamoDB call may take, far over what serving from memory takes on a loaded machine. */
    private static final long GENEROUS_P99_MILLIS = 1000;

    private static final String ASK_BODY = "{\"question\":\"How big is a goroutine stack when it starts?\"}";
    private static Dynalite dynalite;
    private static FaultProxy proxy;
    private static LocalSite site;
    private static Http http;

    record Route(String name, String method, String path) {}

    static final List<Route> SEEN = List.of(
            new Route("GET / (home)", "GET", "/"),
            new Route("GET /essentials", "GET", "/essentials"),
            new Route("GET /api/pages", "GET", "/api/pages"),
            new Route("GET /api/pages/history", "GET", "/api/pages/history"),
            new Route("POST /ask", "POST", "/ask"),
            new Route("GET /ask?q=", "GET", "/ask?q=goroutine+stack+size"),
            new Route("GET /search?q=", "GET", "/search?q=goroutine"),
            new Route("GET /api/search?q=", "GET", "/api/search?q=goroutine"));

    @BeforeAll
    static void start() throws IOException {
        dynalite = Dynalite.start();
        proxy = new FaultProxy(dynalite.endpoint());
        site = LocalSite.start(new LocalSettings(
                Repo.root().resolve("template.yaml"),
                Repo.root().resolve("content"),
                0,
                Optional.of(proxy.endpoint()),
                Map.of("MODEL_ENDPOINT", "http://127.0.0.1:9"),
                1,
                false,
                false));
        http = new Http(site.url());
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Test
    void pages_already_seen_and_ask_answer_quickly_and_marked_stale_while_the_store_is_down() throws Exception {
        // given every route visited while the store answers
        for (int round = 0; round < 3; round++) {
            for (Route route : SEEN) {
                assertThat(send(route).statusCode())
                        .as(route.name() + " before the outage")
                        .isEqualTo(200);
            }
        }

        // when DynamoDB stops answering (connections accepted, nothing ever comes back), and the pointer each function
        // read last is past its TTL, so that content is no longer known to be current
        proxy.latency(600_000);
        Thread.sleep(Long.parseLong(LocalSite.LOCAL_DEFAULTS.get("CONTENT_POINTER_TTL_MILLIS")) + 500);
        Map<Route, Timed> timed = new LinkedHashMap<>();
        try {
            for (Route route : SEEN) {
                timed.put(route, time(route));
            }
        } finally {
            proxy.pass();
        }
        String report = report(timed);
        Path file = Repo.root().resolve("infra/local/target/store-outage.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);

        // then
        for (Map.Entry<Route, Timed> entry : timed.entrySet()) {
            Timed t = entry.getValue();
            assertThat(t.statuses()).as(entry.getKey().name() + " statuses").containsOnlyKeys(200);
            assertThat(t.stale())
                    .as(entry.getKey().name() + " marked stale")
                    .isEqualTo(t.millis().size());
            assertThat(t.percentile(99)).as(entry.getKey().name() + " p99 ms").isLessThan(GENEROUS_P99_MILLIS);
        }
        // and once DynamoDB answers again, within the longest back-off, no route says stale any more
        for (Route route : SEEN) {
            assertThat(awaitFresh(route))
                    .as(route.name() + " fresh again after the outage")
                    .isTrue();
        }
    }

    private static boolean awaitFresh(Route route) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(route);
            if (response.statusCode() == 200
                    && response.headers().firstValue("X-Content-Stale").isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private record Timed(List<Double> millis, Map<Integer, Integer> statuses, int stale) {
        double percentile(int p) {
            List<Double> sorted = millis.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }

        double max() {
            return millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    private static Timed time(Route route) {
        List<Double> millis = new ArrayList<>();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        int stale = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(route);
            millis.add((System.nanoTime() - start) / 1e6);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.headers().firstValue("X-Content-Stale").isPresent()) {
                stale++;
            }
        }
        return new Timed(millis, statuses, stale);
    }

    private static HttpResponse<String> send(Route route) {
        return route.method().equals("POST")
                ? http.postJson(route.path().substring(1), ASK_BODY)
                : http.get(route.path().substring(1));
    }

    private static String report(Map<Route, Timed> timed) {
        StringBuilder out = new StringBuilder("Store outage (every DynamoDB connection held unanswered), ")
                .append(SAMPLES)
                .append(" sequential requests per route through the dev server\n\n")
                .append("| route | p50 ms | p99 ms | max ms | statuses | marked stale |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<Route, Timed> entry : timed.entrySet()) {
            Timed t = entry.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f | %s | %d |%n",
                    entry.getKey().name(),
                    t.percentile(50),
                    t.percentile(99),
                    t.max(),
                    t.statuses(),
                    t.stale()));
        }
        return out.toString();
    }
}
