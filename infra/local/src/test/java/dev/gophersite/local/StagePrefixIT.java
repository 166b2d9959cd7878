package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.project.Repo;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site as it is deployed on an execute-api URL, under the stage prefix {@code /prod}: the dev server serves the
 * real template there exactly as API Gateway does, and a crawl from the home page follows every link, script,
 * stylesheet and form on every page it reaches.
 */
class StagePrefixIT {
    private static final String STAGE = "prod";
    private static final Pattern LINK = Pattern.compile("\\b(?:href|src|action)=\"([^\"]*)\"");
    private static LocalSite site;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        site = LocalSite.start(new LocalSettings(
                        Repo.root().resolve("template.yaml"),
                        Repo.root().resolve("content"),
                        0,
                        Optional.empty(),
                        Map.of("MODEL_ENDPOINT", "http://127.0.0.1:9"),
                        2,
                        false,
                        false)
                .withStage(STAGE));
        http = new Http(URI.create("http://127.0.0.1:" + site.port() + "/"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void every_link_on_every_page_works_under_the_stage_prefix() {
        // given
        Deque<String> toVisit = new ArrayDeque<>(List.of("/prod/"));
        Map<String, String> pages = new HashMap<>();
        Set<String> checked = new LinkedHashSet<>();
        List<String> broken = new ArrayList<>();

        // when every page reached from the home page is fetched and every address on it requested
        while (!toVisit.isEmpty()) {
            String page = toVisit.poll();
            HttpResponse<String> response = http.get(page);
            if (response.statusCode() != 200) {
                broken.add(page + " -> " + response.statusCode());
                continue;
            }
            pages.put(page, response.body());
            for (String link : links(response.body())) {
                String target = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                if (target.isEmpty() || !checked.add(link)) {
                    continue;
                }
                if (!target.startsWith("/prod/") && !target.equals("/prod")) {
                    broken.add(page + " links to " + link + ", outside the stage");
                    continue;
                }
                HttpResponse<String> linked = http.get(target);
                if (linked.statusCode() != 200) {
                    broken.add(page + " links to " + link + " -> " + linked.statusCode());
                } else if (isPage(linked) && !pages.containsKey(target) && !toVisit.contains(target)) {
                    toVisit.add(target);
                }
            }
        }

        // then
        assertThat(broken).isEmpty();
        assertThat(pages.keySet())
                .as("pages reached")
                .hasSizeGreaterThanOrEqualTo(8)
                .contains("/prod/", "/prod/history", "/prod/compare", "/prod/ask");
        assertThat(checked).as("addresses checked").anyMatch(link -> link.startsWith("/prod/assets/"));
    }

    @Test
    void links_written_in_the_markdown_get_the_prefix_too() {
        // when
        String home = http.get("/prod/").body();

        // then the content's own links, not only the navigation's
        assertThat(home)
                .contains("href=\"/prod/history\"", "href=\"/prod/why-go\"")
                .doesNotContain("href=\"/history\"");
    }

    @Test
    void outside_the_stage_is_forbidden_as_on_api_gateway() {
        // when
        HttpResponse<String> root = http.get("/history");

        // then
        assertThat(root.statusCode()).isEqualTo(403);
    }

    private static boolean isPage(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && !response.uri().getPath().startsWith("/prod/assets/");
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            String link = matcher.group(1).replace("&amp;", "&");
            // external sites and same-page anchors are not the site's addresses
            if (!link.startsWith("http:")
                    && !link.startsWith("https:")
                    && !link.startsWith("#")
                    && !link.startsWith("mailto:")) {
                links.add(link);
            }
        }
        return links;
    }
}
