package dev.gophersite.pages.handler;

import static dev.gophersite.pages.handler.PagesApiHandlerTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.Hashes;
import dev.gophersite.common.store.StoreUnavailableException;
import dev.gophersite.common.testing.InMemoryContentStore;
import dev.gophersite.pages.wiring.PagesWiring;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteHandlerTest {
    private final InMemoryContentStore store = TestContent.store();
    private final SiteHandler handler = new SiteHandler(PagesWiring.of(store));

    @Test
    void renders_home_with_navigation_widget_opener_and_stage_relative_links() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("site-home"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        String html = response.getBody();
        assertThat(html)
                .contains(
                        "<nav class=\"site-nav\"",
                        "href=\"/prod/history\"",
                        "href=\"/prod/\" aria-current=\"page\"",
                        "id=\"ask-open\" href=\"/prod/ask\"",
                        "<form class=\"site-search\" role=\"search\" aria-label=\"Site\" method=\"get\" action=\"/prod/search\">",
                        "<span class=\"brand-go\">Go</span><span class=\"brand-rest\">:goroutine</span>",
                        "<body data-base=\"/prod\">");
        assertThat(html)
                .containsPattern("src=\"/prod/assets/widget\\.[0-9a-f]{16}\\.js\"")
                .containsPattern("src=\"/prod/assets/search\\.[0-9a-f]{16}\\.js\"")
                .containsPattern("href=\"/prod/assets/site\\.[0-9a-f]{16}\\.css\"");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void renders_a_page_with_table_of_contents_anchored_sections_and_code() {
        // when
        String html = handler.handleRequest(event("site-page-essentials"), null).getBody();

        // then
        assertThat(html)
                .contains(
                        "<h1>Essentials: the Go 8</h1>",
                        "<nav class=\"toc\"",
                        "<section id=\"goroutines\" class=\"card\">",
                        "href=\"#goroutines\"",
                        "<code class=\"language-go\">",
                        "aria-current=\"page\">Essentials</a>");
    }

    @Test
    void html_responses_carry_security_headers() {
        // when
        Map<String, String> headers =
                handler.handleRequest(event("site-page-essentials"), null).getHeaders();

        // then
        assertThat(headers.get("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(headers)
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY")
                .containsKey("Referrer-Policy");
        assertThat(headers.get("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(headers.get("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
    }

    @Test
    void the_same_page_under_a_stage_and_at_the_root_has_two_etags() {
        // given the page under /prod, and the same page at the root, whose links differ
        APIGatewayProxyRequestEvent atRoot = event("site-page-essentials");
        atRoot.getRequestContext().setPath(atRoot.getPath());
        APIGatewayProxyResponseEvent staged = handler.handleRequest(event("site-page-essentials"), null);

        // when the root is asked with the staged page's ETag
        atRoot.getHeaders().put("If-None-Match", staged.getHeaders().get("ETag"));
        APIGatewayProxyResponseEvent root = handler.handleRequest(atRoot, null);

        // then it is not a 304: the staged copy's links would be wrong at the root
        assertThat(staged.getBody()).contains("href=\"/prod/history\"");
        assertThat(root.getStatusCode()).isEqualTo(200);
        assertThat(root.getBody()).contains("href=\"/history\"");
        assertThat(root.getHeaders().get("ETag"))
                .isNotEqualTo(staged.getHeaders().get("ETag"));
    }

    @Test
    void unknown_page_is_a_404_html_page_with_navigation() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("site-page-unknown"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody())
                .contains("Page not found", "href=\"/prod/history\"")
                .doesNotContain("rust");
    }

    @Test
    void malformed_slug_never_reaches_the_page_lookup_or_the_html() {
        // given
        APIGatewayProxyRequestEvent request = event("site-page-unknown");
        request.setPathParameters(Map.of("slug", "<script>alert(1)</script>"));

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("<script>alert");
    }

    @Test
    void returns_304_when_page_etag_matches() {
        // given
        String etag = handler.handleRequest(event("site-page-essentials"), null)
                .getHeaders()
                .get("ETag");
        APIGatewayProxyRequestEvent conditional = event("site-page-essentials");
        conditional.getHeaders().put("If-None-Match", etag);

        // then
        assertThat(handler.handleRequest(conditional, null).getStatusCode()).isEqualTo(304);
    }

    @Test
    void home_slug_redirects_to_the_root() {
        // given
        APIGatewayProxyRequestEvent request = event("site-page-unknown");
        request.setPathParameters(Map.of("slug", "home"));
        request.setPath("/home");
        request.getRequestContext().setPath("/prod/home");

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(response.getHeaders()).containsEntry("Location", "/prod/");
        assertThat(response.getHeaders().get("Cache-Control")).startsWith("public, max-age=");
    }

    @Test
    void serves_stylesheet_and_rejects_unknown_or_traversing_asset_names() {
        // when
        APIGatewayProxyResponseEvent css = handler.handleRequest(event("site-asset-css"), null);
        APIGatewayProxyRequestEvent traversal = event("site-asset-css");
        traversal.setPathParameters(Map.of("file", "../../etc/passwd"));

        // then
        assertThat(css.getStatusCode()).isEqualTo(200);
        assertThat(css.getHeaders().get("Content-Type")).startsWith("text/css");
        assertThat(css.getBody()).contains(".site-nav");
        assertThat(handler.handleRequest(traversal, null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void an_asset_under_the_name_pages_link_is_kept_for_a_year_and_the_name_is_its_contents_hash() {
        // given the name the home page links the stylesheet with
        String home = handler.handleRequest(event("site-home"), null).getBody();
        Matcher linked = Pattern.compile("href=\"/prod/assets/(site\\.([0-9a-f]{16})\\.css)\"")
                .matcher(home);
        assertThat(linked.find()).isTrue();

        // when
        APIGatewayProxyResponseEvent css = asset(linked.group(1));

        // then
        assertThat(css.getStatusCode()).isEqualTo(200);
        assertThat(css.getHeaders())
                .containsEntry("Cache-Control", "public, max-age=31536000, immutable")
                .containsEntry("ETag", "\"" + linked.group(2) + "\"");
        assertThat(Hashes.sha256Hex(css.getBody().getBytes(StandardCharsets.UTF_8)))
                .startsWith(linked.group(2));
    }

    @Test
    void an_old_hash_or_the_plain_name_gets_the_current_file_for_minutes_only() {
        // when a page rendered before the stylesheet changed asks for its old name, or a link uses the plain one
        APIGatewayProxyResponseEvent old = asset("site.0000000000000000.css");
        APIGatewayProxyResponseEvent plain = asset("site.css");

        // then both work, and neither is kept longer than the file may stay the same
        for (APIGatewayProxyResponseEvent response : List.of(old, plain)) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains(".site-nav");
            assertThat(response.getHeaders()).containsEntry("Cache-Control", "public, max-age=300");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "site.0123.css",
                "site.0123456789ABCDEF.css",
                "site.css.0123456789abcdef",
                "nope.css",
                "site..css",
                "site.0123456789abcdef.0123456789abcdef.css"
            })
    void a_name_that_is_no_asset_is_a_404(String name) {
        assertThat(asset(name).getStatusCode()).isEqualTo(404);
    }

    @Test
    void pages_are_kept_a_minute_in_a_browser_and_five_at_the_edge() {
        // when
        APIGatewayProxyResponseEvent page = handler.handleRequest(event("site-page-essentials"), null);

        // then
        assertThat(page.getHeaders())
                .containsEntry("Cache-Control", "public, max-age=60, s-maxage=300, stale-while-revalidate=300");
    }

    private APIGatewayProxyResponseEvent asset(String name) {
        APIGatewayProxyRequestEvent request = event("site-asset-css");
        request.setPathParameters(Map.of("file", name));
        request.setPath("/assets/" + name);
        return handler.handleRequest(request, null);
    }

    @Test
    void store_outage_is_a_503_page_with_retry_after() {
        // given
        store.failWith(new StoreUnavailableException("down", null, 2));

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("site-page-essentials"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(response.getBody()).contains("Temporarily unavailable");
    }
}
