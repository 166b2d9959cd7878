package dev.gophersite.pages.handler;

import static dev.gophersite.pages.handler.PagesApiHandlerTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.pages.wiring.PagesWiring;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(home)
                .contains("href=\"/prod/history\"", "href=\"/prod/why-go\"", "href=\"/prod/compare\"")
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
        assertThat(page.getBody())
                .doesNotContain("evil.example")
                .containsPattern("src=\"/assets/widget\\.[0-9a-f]{16}\\.js\"");
        assertThat(redirect.getStatusCode()).isEqualTo(301);
        assertThat(redirect.getHeaders()).containsEntry("Location", "/");
    }

    @Test
    void behind_the_edge_links_are_at_the_distribution_root_though_the_request_came_through_the_stage() {
        // given the request as API Gateway delivers it from CloudFront, whose origin path is the stage
        APIGatewayProxyRequestEvent request = edge("/");

        // when
        APIGatewayProxyResponseEvent home = handler.handleRequest(request, null);
        APIGatewayProxyResponseEvent direct = get("/", "/prod/");

        // then the edge's viewers get root links; a visitor of the execute-api URL still gets the stage's
        assertThat(home.getBody()).contains("href=\"/history\"").doesNotContain("/prod/");
        assertThat(direct.getBody()).contains("href=\"/prod/history\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/a/b", "/../x", "https://evil.example/"})
    void a_forwarded_prefix_that_is_not_one_plain_segment_is_ignored(String prefix) {
        // given
        APIGatewayProxyRequestEvent request = edge(prefix);

        // when
        String body = handler.handleRequest(request, null).getBody();

        // then the stage's prefix, as without the header
        assertThat(body).doesNotContain("evil.example").contains("href=\"/prod/history\"");
    }

    /** The home page as API Gateway delivers it under the stage, with the header the edge adds. */
    private static APIGatewayProxyRequestEvent edge(String prefix) {
        APIGatewayProxyRequestEvent request = event("site-page-unknown");
        request.setResource("/");
        request.setPathParameters(null);
        request.setPath("/");
        request.getRequestContext().setPath("/prod/");
        Map<String, String> headers = new HashMap<>(request.getHeaders());
        headers.put("X-Forwarded-Prefix", prefix);
        request.setHeaders(headers);
        Map<String, List<String>> multi = new HashMap<>(request.getMultiValueHeaders());
        multi.put("X-Forwarded-Prefix", List.of(prefix));
        request.setMultiValueHeaders(multi);
        return request;
    }

    @Test
    void a_plain_stage_name_is_the_prefix() {
        // when
        APIGatewayProxyResponseEvent redirect = get("/home", "/dev_2-x/home");

        // then
        assertThat(redirect.getHeaders()).containsEntry("Location", "/dev_2-x/");
    }
}
