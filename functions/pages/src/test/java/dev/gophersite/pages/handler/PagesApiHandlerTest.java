package dev.gophersite.pages.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.common.store.StoreUnavailableException;
import dev.gophersite.common.testing.InMemoryContentStore;
import dev.gophersite.pages.wiring.PagesWiring;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesApiHandlerTest {
    private final InMemoryContentStore store = TestContent.store();
    private final PagesApiHandler handler = new PagesApiHandler(PagesWiring.of(store));

    static APIGatewayProxyRequestEvent event(String name) {
        return EventLoader.loadApiGatewayRestEvent("events/" + name + ".json");
    }

    @Test
    void lists_pages_in_order_with_etag_and_cache_control() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("api-pages-list"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsKey("ETag")
                .containsKey("Cache-Control");
        assertThat(response.getBody())
                .startsWith("{\"pages\":[{\"slug\":\"home\"")
                .contains("\"slug\":\"compare\"")
                .contains("\"order\":8");
    }

    @Test
    void returns_page_json_with_sections_and_version() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("api-page-history"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains(
                        "\"slug\":\"history\"",
                        "\"sections\":[",
                        "\"heading\":",
                        "\"html\":",
                        "\"updatedAt\":\"2026-11-01T00:00:00Z\"",
                        "\"version\":");
        assertThat(response.getHeaders().get("ETag")).matches("\"[0-9a-f]{16}\"");
    }

    @Test
    void returns_304_when_etag_matches() {
        // given
        String etag = handler.handleRequest(event("api-page-history"), null)
                .getHeaders()
                .get("ETag");
        APIGatewayProxyRequestEvent conditional = event("api-page-history");
        conditional.getHeaders().put("if-none-match", "W/" + etag);

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(conditional, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(response.getBody()).isEmpty();
        assertThat(response.getHeaders()).containsEntry("ETag", etag);
    }

    @Test
    void returns_200_when_etag_is_stale() {
        // given
        APIGatewayProxyRequestEvent conditional = event("api-page-history");
        conditional.getHeaders().put("If-None-Match", "\"0000000000000000\"");

        // then
        assertThat(handler.handleRequest(conditional, null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void unknown_slug_is_a_404_json_error() {
        // given
        APIGatewayProxyRequestEvent request = event("api-page-history");
        request.setPathParameters(Map.of("slug", "rust"));

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody())
                .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"No page has that name.\"}}");
    }

    @Test
    void malformed_slug_is_a_404_without_reading_the_store() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("api-page-malformed"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("etc");
        assertThat(store.reads()).isZero();
    }

    @Test
    void throttled_store_is_a_503_with_retry_after() {
        // given
        store.failWith(new StoreUnavailableException("throttled", null, 1));

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("api-page-history"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).contains("\"code\":\"unavailable\"").doesNotContain("throttled");
    }

    @Test
    void other_store_failures_are_a_500_without_details() {
        // given
        store.failWith(new StoreException("table gopher-content missing"));

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("api-pages-list"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("\"code\":\"internal\"").doesNotContain("gopher-content");
    }

    @Test
    void non_get_methods_are_405() {
        // given
        APIGatewayProxyRequestEvent request = event("api-pages-list");
        request.setHttpMethod("DELETE");

        // then
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(405);
    }
}
