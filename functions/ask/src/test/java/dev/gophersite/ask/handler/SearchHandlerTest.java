package dev.gophersite.ask.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SearchFunction: {@code GET /api/search} as JSON; the page form is in {@link SearchPageTest}. */
class SearchHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SearchHandler handler = TestSettings.searchHandler(TestContent.store());

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    @Test
    void search_returns_ranked_passages() throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(event("get-search.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("query").asText()).isEqualTo("goroutine stack size");
        JsonNode results = body.get("results");
        assertThat(results.size()).isBetween(1, 5);
        assertThat(results.get(0).get("text").asText()).containsIgnoringCase("stack");
        assertThat(results.get(0).get("score").asDouble())
                .isGreaterThanOrEqualTo(results.get(1).get("score").asDouble());
    }

    @Test
    void search_without_a_query_is_a_400() throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(event("get-search-missing-query.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("error").get("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void search_with_a_blank_or_too_long_query_is_a_400() {
        // given
        APIGatewayProxyRequestEvent blank = event("get-search.json").withQueryStringParameters(Map.of("q", "   "));
        APIGatewayProxyRequestEvent tooLong =
                event("get-search.json").withQueryStringParameters(Map.of("q", "a".repeat(201)));

        // when / then
        assertThat(handle(blank).getStatusCode()).isEqualTo(400);
        assertThat(handle(tooLong).getStatusCode()).isEqualTo(400);
    }

    @Test
    void search_and_ask_page_answer_control_characters_with_a_4xx_or_a_result() {
        // given
        APIGatewayProxyRequestEvent nul = event("get-search.json").withQueryStringParameters(Map.of("q", "\u0000"));
        APIGatewayProxyRequestEvent mixed =
                event("get-search.json").withQueryStringParameters(Map.of("q", "go\u0000\u0007routine"));

        // when
        APIGatewayProxyResponseEvent first = handle(nul);
        APIGatewayProxyResponseEvent second = handle(mixed);

        // then
        assertThat(first.getStatusCode()).isEqualTo(400);
        assertThat(second.getStatusCode()).isEqualTo(400);
        assertThat(first.getBody()).startsWith("{\"error\":{\"code\":\"bad_request\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\uD83D\uDE00",
                "\u200B",
                "'",
                "*",
                "?",
                "((",
                "\\",
                "\uFFFF",
                "\uD800",
                "a\u0301",
                "\u2028go",
                "AND OR NOT",
                "x\u00A0"
            })
    void search_answers_odd_unicode_without_a_server_error(String q) {
        // when
        APIGatewayProxyResponseEvent response =
                handle(event("get-search.json").withQueryStringParameters(Map.of("q", q)));

        // then
        assertThat(response.getStatusCode()).isBetween(200, 499);
    }

    @Test
    void answers_405_for_other_methods_and_404_for_the_routes_of_other_functions() {
        // given
        APIGatewayProxyRequestEvent post = event("get-search.json").withHttpMethod("POST");
        APIGatewayProxyRequestEvent ask = event("post-ask.json");

        // when / then
        assertThat(handle(post).getStatusCode()).isEqualTo(405);
        assertThat(handle(post).getHeaders()).containsEntry("Allow", "GET");
        assertThat(handle(ask).getStatusCode()).isEqualTo(404);
    }
}
