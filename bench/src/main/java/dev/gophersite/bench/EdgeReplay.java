package dev.gophersite.bench;

import dev.gophersite.loader.ContentChange;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.loader.deploy.EdgePaths;
import dev.gophersite.local.LocalSettings;
import dev.gophersite.local.LocalSite;
import dev.gophersite.local.edge.Edge;
import dev.gophersite.local.edge.EdgeCache;
import dev.gophersite.local.edge.EdgeConfig;
import dev.gophersite.local.edge.EdgeProxy;
import dev.gophersite.project.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A month of page views replayed through the edge emulation, on a simulated clock, in front of the real dev
 * server (the API under its /prod stage, as behind CloudFront): which share the edge answers, and how many
 * requests reach the functions per 1,000 views.
 *
 * <p>The traffic: views arrive as a Poisson process at the month's rate; each is a page drawn from a Zipf
 * distribution over the site's pages (s = 1, the most read page first in the site's order) at one of N edge
 * locations, themselves drawn Zipf (s = 1: a few locations take most traffic); a share of views are new visitors,
 * whose browsers also fetch the four linked assets. Once a week a page is edited, and the loader's invalidation
 * for it is applied at every location. Every edge location has its own cache, with no regional tier between them
 * and the origin, which makes the origin counts an upper bound. The functions answer each path once per content
 * state; the origin requests after that are counted and answered with that response again.
 */
final class EdgeReplay {
    static final double PAGE_ZIPF = 1.0;
    static final double LOCATION_ZIPF = 1.0;
    static final double NEW_VISITOR_SHARE = 0.4;
    static final long SEED = 42;
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration WEEK = Duration.ofDays(7);

    record Scenario(String name, long viewsPerMonth, int edgeLocations) {}

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("100k views/month, 10 locations", 100_000, 10),
            new Scenario("1M views/month, 10 locations", 1_000_000, 10),
            new Scenario("1M views/month, 1 location", 1_000_000, 1),
            new Scenario("10M views/month, 10 locations", 10_000_000, 10));

    private final Path root;

    EdgeReplay(Path root) {
        this.root = root;
    }

    Map<String, Object> run() throws IOException {
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        EdgeConfig config = EdgeConfig.fromTemplate(template).orElseThrow();
        String stage = config.originPath().substring(1);
        Map<String, Object> results = new LinkedHashMap<>();
        // no model answers: pages are what is replayed, and nothing here may wait on one
        try (LocalSite site = LocalSite.start(new LocalSettings(
                root.resolve("template.yaml"),
                root.resolve("content"),
                0,
                Optional.empty(),
                Map.of("MODEL_ENDPOINT", "http://127.0.0.1:9"),
                2,
                false,
                false,
                Optional.of(stage)))) {
            URI origin = URI.create("http://127.0.0.1:" + site.port() + "/");
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> pages = pagePaths();
            List<String> assets = assetPaths(http, origin, config);
            results.put(
                    "conditions",
                    Map.of(
                            "traffic",
                                    "Poisson arrivals over 30 days; pages Zipf s=" + PAGE_ZIPF + " over " + pages.size()
                                            + " pages in the site's order; edge locations Zipf s=" + LOCATION_ZIPF
                                            + "; "
                                            + (int) (NEW_VISITOR_SHARE * 100)
                                            + "% of views are new visitors who also fetch the "
                                            + assets.size()
                                            + " linked assets; one page edited and invalidated per week",
                            "edge",
                                    "the template's distribution emulated (infra/local edge), one cache per location, no"
                                            + " regional tier: origin counts are an upper bound",
                            "origin", "the dev server with the real functions under /" + stage + ", over HTTP",
                            "seed", SEED));
            Map<String, Object> scenarios = new LinkedHashMap<>();
            for (Scenario scenario : SCENARIOS) {
                long started = System.nanoTime();
                Map<String, Object> result = replay(scenario, config, http, origin, pages, assets);
                result.put("replay_seconds", Stats.round((System.nanoTime() - started) / 1e9));
                scenarios.put(scenario.name(), result);
                System.out.println("edge replay " + scenario.name() + ": " + result);
            }
            results.put("scenarios", scenarios);
        }
        return results;
    }

    private Map<String, Object> replay(
            Scenario scenario,
            EdgeConfig config,
            HttpClient http,
            URI origin,
            List<String> pages,
            List<String> assets) {
        Random random = new Random(SEED);
        AtomicLong originRequests = new AtomicLong();
        // every origin request is counted; the functions answer each path once per content state, and later
        // requests for it get that answer again, so a month replays in seconds rather than hours
        Map<String, EdgeCache.Response> answered = new java.util.HashMap<>();
        List<Edge> locations = new ArrayList<>();
        for (int i = 0; i < scenario.edgeLocations(); i++) {
            locations.add(new Edge(
                    config,
                    request -> {
                        originRequests.incrementAndGet();
                        return answered.computeIfAbsent(
                                request.pathAndQuery(), path -> EdgeProxy.fetch(http, origin, request));
                    },
                    Runnable::run));
        }
        Zipf pageDraw = new Zipf(pages.size(), PAGE_ZIPF);
        Zipf locationDraw = new Zipf(scenario.edgeLocations(), LOCATION_ZIPF);
        double meanGapMillis = (double) MONTH.toMillis() / scenario.viewsPerMonth();
        IdentityHashMap<byte[], Long> compressed = new IdentityHashMap<>();
        long now = 0;
        long nextEdit = WEEK.toMillis();
        long requests = 0;
        long bytes = 0;
        long gzipBytes = 0;
        int edits = 0;
        for (long view = 0; view < scenario.viewsPerMonth(); view++) {
            now += (long) (-Math.log(1 - random.nextDouble()) * meanGapMillis);
            if (now >= nextEdit) {
                String slug = slug(pages.get(pageDraw.next(random)));
                List<String> paths = EdgePaths.of(new ContentChange(Set.of(slug), false));
                locations.forEach(edge -> edge.invalidate(paths));
                paths.forEach(path -> answered.remove(config.originPath() + path));
                nextEdit += WEEK.toMillis();
                edits++;
            }
            Edge edge = locations.get(locationDraw.next(random));
            List<String> fetched = new ArrayList<>(List.of(pages.get(pageDraw.next(random))));
            if (random.nextDouble() < NEW_VISITOR_SHARE) {
                fetched.addAll(assets);
            }
            for (String path : fetched) {
                EdgeCache.Response response = edge.handle(
                                new Edge.Request(
                                        "GET",
                                        path,
                                        null,
                                        Map.of("accept-encoding", "gzip, br"),
                                        new byte[0],
                                        "203.0.113.7"),
                                now)
                        .response();
                requests++;
                bytes += response.body().length;
                gzipBytes += compressed.computeIfAbsent(response.body(), EdgeReplay::gzipLength);
            }
        }
        Map<Edge.Outcome, Long> outcomes = new LinkedHashMap<>();
        for (Edge edge : locations) {
            edge.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
        }
        long hits = outcomes.get(Edge.Outcome.HIT) + outcomes.get(Edge.Outcome.STALE_HIT);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("views", scenario.viewsPerMonth());
        result.put("edge_locations", scenario.edgeLocations());
        result.put("edge_requests", requests);
        result.put("edge_requests_per_view", Stats.round3((double) requests / scenario.viewsPerMonth()));
        result.put("hits", outcomes.get(Edge.Outcome.HIT));
        result.put("stale_hits", outcomes.get(Edge.Outcome.STALE_HIT));
        result.put("misses", outcomes.get(Edge.Outcome.MISS));
        result.put("origin_requests", originRequests.get());
        result.put("hit_ratio", Stats.round4((double) hits / requests));
        result.put(
                "origin_requests_per_1000_views",
                Stats.round3(1000.0 * originRequests.get() / scenario.viewsPerMonth()));
        result.put("bytes_per_view", bytes / scenario.viewsPerMonth());
        result.put("gzip_bytes_per_view", gzipBytes / scenario.viewsPerMonth());
        result.put("edits_invalidated", edits);
        return result;
    }

    /** The site's pages in their order: the edge paths of their HTML, home at the root. */
    private List<String> pagePaths() {
        return ContentLoader.renderDirectory(root.resolve("content"), "2026-01-01T00:00:00Z").pages().stream()
                .sorted(java.util.Comparator.comparingInt(dev.gophersite.common.content.Page::order))
                .map(page -> page.slug().equals("home") ? "/" : "/" + page.slug())
                .toList();
    }

    private static String slug(String path) {
        return path.equals("/") ? "home" : path.substring(1);
    }

    /** The assets the home page links, by the names it links them with. */
    private static List<String> assetPaths(HttpClient http, URI origin, EdgeConfig config) {
        EdgeCache.Response home = EdgeProxy.fetch(
                http,
                origin,
                new Edge.OriginRequest("GET", config.originPath() + "/", config.originHeaders(), new byte[0]));
        Matcher matcher = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"")
                .matcher(new String(home.body(), StandardCharsets.UTF_8));
        List<String> assets = new ArrayList<>();
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        return List.copyOf(assets);
    }

    private static long gzipLength(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    /** Draws 0..n-1 with probability proportional to 1 / (k + 1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double total = 0;
            for (int k = 0; k < n; k++) {
                total += 1 / Math.pow(k + 1, s);
                cumulative[k] = total;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= total;
            }
        }

        int next(Random random) {
            double u = random.nextDouble();
            for (int k = 0; k < cumulative.length; k++) {
                if (u < cumulative[k]) {
                    return k;
                }
            }
            return cumulative.length - 1;
        }
    }
}
