package dev.gophersite.pages.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.pages.wiring.PagesWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.gophersite.pages.handler.PagesApiHandlerTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Links and redirects under an API Gateway stage prefix, and what is not accepted as one. */
class StagePrefixTest {
    private final SiteHandler handler = new SiteHandler(PagesWiring.of(TestContent.store()));

    private APIGatewayProxyResponseEvent get(String path, String contextPath) {
        APIGatewayProxyRequestEvent request = event("site-page-unknown");
        String slug = path.substring(1);
        request.setResource(slug.isEmpty() ? "/" : "/{slug}");
        request.setPathParameters(slug.isEmpty() ? null : Map.of("slug", slug));
        request.setPath(path);
        request.getRequestContext().setPath(contextPath);
        return handler.handleRequest(request, null);
    }

    @Test
    void links_written_in_page_content_get_the_stage_prefix() {
        // when
        String home = get("/", "/prod/").getBody();

        // then the home page's own Markdown links, not only the navigation
        assertThat(home).contains("href=\"/prod/history\"", "href=\"/prod/why-go\"", "href=\"/prod/compare\"")
                .doesNotContain("href=\"/history\"");
    }

    @Test
    void the_stored_html_stays_free_of_any_prefix() {
        // when
        String atRoot = get("/", "/").getBody();

        // then
        assertThat(atRoot).contains("href=\"/history\"").doesNotContain("/prod/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/prod/../x", "/a/b", "/%2F%2Fevil.example", "/evil.example"})
    void a_crafted_prefix_is_ignored_in_links_and_redirects(String prefix) {
        // when
        APIGatewayProxyResponseEvent page = get("/history", prefix + "/history");
        APIGatewayProxyResponseEvent redirect = get("/home", prefix + "/home");

        // then links and the redirect stay on this site's root
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).doesNotContain("evil.example").contains("src=\"/assets/widget.js\"");
        assertThat(redirect.getStatusCode()).isEqualTo(301);
        assertThat(redirect.getHeaders()).containsEntry("Location", "/");
    }

    @Test
    void a_plain_stage_name_is_the_prefix() {
        // when
        APIGatewayProxyResponseEvent redirect = get("/home", "/dev_2-x/home");

        // then
        assertThat(redirect.getHeaders()).containsEntry("Location", "/dev_2-x/");
    }
}
