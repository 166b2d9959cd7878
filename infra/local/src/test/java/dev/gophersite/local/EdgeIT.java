package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.project.Repo;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EDGE=1}: the real template's functions behind the emulated CloudFront distribution, which sits at the
 * root with the API under its /prod origin path, as on AWS. The site's content is a copy, edited while it runs.
 */
class EdgeIT {
    private static final String HIT = "Hit from cloudfront";
    private static final String MISS = "Miss from cloudfront";

    @TempDir
    static Path dir;

    static LocalSite site;
    static Http http;
    static Path content;

    @BeforeAll
    static void start() throws IOException {
        content = dir.resolve("content");
        Files.createDirectories(content);
        try (Stream<Path> pages = Files.list(Repo.root().resolve("content"))) {
            for (Path page : pages.toList()) {
                Files.copy(page, content.resolve(page.getFileName()));
            }
        }
        Map<String, String> env = Map.of("MODEL_ENDPOINT", "http://127.0.0.1:9");
        site = LocalSite.start(new LocalSettings(
                        Repo.root().resolve("template.yaml"), content, 0, Optional.empty(), env, 2, true, false)
                .withEdge());
        http = new Http(site.url());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void pages_page_json_and_assets_are_kept_and_answered_from_the_edge_the_second_time() {
        for (String path : List.of("/why-go", "/api/pages/why-go", "/api/pages")) {
            // when
            HttpResponse<String> first = http.get(path);
            HttpResponse<String> second = http.get(path);

            // then
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(second.headers().firstValue("X-Cache")).as(path).hasValue(HIT);
            assertThat(second.body()).as(path).isEqualTo(first.body());
        }
    }

    @Test
    void every_link_and_asset_of_a_page_at_the_edge_root_answers_and_assets_are_kept_for_a_year() {
        // given
        String home = http.get("/").body();

        // when
        Set<String> links = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("(?:href|src|action)=\"(/[^\"#?]*)").matcher(home);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        List<String> broken = new ArrayList<>();
        for (String link : links) {
            HttpResponse<String> response = http.get(link);
            if (response.statusCode() != 200) {
                broken.add(link + " " + response.statusCode());
            }
        }

        // then the links are the edge's, at its root, not the stage the request went through behind it
        assertThat(links).isNotEmpty().noneMatch(link -> link.startsWith("/prod"));
        assertThat(broken).isEmpty();
        String css = links.stream()
                .filter(link -> link.matches("/assets/site\\.[0-9a-f]{16}\\.css"))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> again = http.get(css);
        assertThat(again.headers().firstValue("X-Cache")).hasValue(HIT);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void questions_votes_and_searches_are_never_kept() {
        // when
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            responses.add(http.postJson("/ask", "{\"question\":\"How big is the stack a goroutine starts with?\"}"));
            responses.add(http.get("/ask?q=" + URLEncoder.encode("what is a goroutine", StandardCharsets.UTF_8)));
            responses.add(http.get("/api/search?q=goroutine"));
            responses.add(http.get("/search?q=goroutine"));
        }

        // then every one reached the functions, and the answers were theirs
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Cache"))
                    .as(response.uri().toString())
                    .hasValue(MISS);
        });
        assertThat(responses.getFirst().body()).contains("\"mode\":\"extractive\"");
        assertThat(responses.get(2).body()).contains("\"results\"");
    }

    @Test
    void a_post_to_a_kept_path_is_refused_at_the_edge() {
        // when
        HttpResponse<String> response = http.postJson("/history", "{}");

        // then
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void an_edited_page_is_served_new_after_the_reload_invalidates_it_and_the_others_stay_kept()
            throws IOException, InterruptedException {
        // given both pages kept at the edge
        http.get("/history");
        http.get("/essentials");
        assertThat(http.get("/history").headers().firstValue("X-Cache")).hasValue(HIT);
        String before = site.backend().contentVersion();

        // when the history page gets a sentence (nothing the navigation shows)
        Path page = content.resolve("history.md");
        Files.writeString(page, Files.readString(page) + "\nThe gopher mascot was drawn by Renee French.\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> history = http.get("/history");
        while (!history.body().contains("drawn by Renee French") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            history = http.get("/history");
        }

        // then the new version is served, and the page nobody changed is still the edge's
        assertThat(site.backend().contentVersion()).isNotEqualTo(before);
        assertThat(history.body()).contains("drawn by Renee French");
        assertThat(http.get("/essentials").headers().firstValue("X-Cache")).hasValue(HIT);
    }
}
