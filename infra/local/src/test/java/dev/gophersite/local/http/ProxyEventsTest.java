package dev.gophersite.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEventsTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    @Test
    void query_keeps_every_value_in_multi_value_map_and_the_last_in_the_single_map() {
        // given
        ProxyEvents.Request request = get("/api/search", "tag=a&tag=b&q=go+routines%21&flag");

        // when
        APIGatewayProxyRequestEvent event = toEvent(request);

        // then
        assertThat(event.getQueryStringParameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("tag", "b", "q", "go routines!", "flag", ""));
        assertThat(event.getMultiValueQueryStringParameters())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("tag", List.of("a", "b"), "q", List.of("go routines!"), "flag", List.of("")));
    }

    @Test
    void query_maps_are_null_without_a_query_string() {
        // when
        APIGatewayProxyRequestEvent event = toEvent(get("/api/pages", null));

        // then
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getMultiValueQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void headers_are_canonically_named_with_repeated_values_kept_and_forwarding_headers_added() {
        // given
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("if-none-match", List.of("\"abc\""));
        headers.put("x-multi", List.of("1", "2"));
        headers.put("Host", List.of("127.0.0.1:3000"));
        ProxyEvents.Request request =
                new ProxyEvents.Request("GET", "/api/pages", null, headers, new byte[0], "127.0.0.1", "HTTP/1.1");

        // when
        APIGatewayProxyRequestEvent event = toEvent(request);

        // then
        assertThat(event.getHeaders())
                .containsEntry("If-None-Match", "\"abc\"")
                .containsEntry("X-Multi", "2")
                .containsEntry("X-Forwarded-For", "127.0.0.1")
                .containsEntry("X-Forwarded-Proto", "http")
                .containsEntry("X-Forwarded-Port", "3000");
        assertThat(event.getMultiValueHeaders()).containsEntry("X-Multi", List.of("1", "2"));
    }

    @Test
    void utf8_text_body_is_passed_as_a_string() {
        // given
        byte[] body = "{\"question\":\"Qu'est-ce qu'une goroutine ? \u2603\"}".getBytes(StandardCharsets.UTF_8);

        // when
        APIGatewayProxyRequestEvent event = toEvent(post("application/json", body));

        // then
        assertThat(event.getBody()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void non_utf8_or_binary_typed_bodies_are_base64_encoded() {
        // given
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 0, 1};
        byte[] png = "looks like text".getBytes(StandardCharsets.US_ASCII);

        // when
        APIGatewayProxyRequestEvent raw = toEvent(post("text/plain", notUtf8));
        APIGatewayProxyRequestEvent image = toEvent(post("image/png", png));

        // then
        assertThat(raw.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(raw.getBody())).isEqualTo(notUtf8);
        assertThat(image.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(image.getBody())).isEqualTo(png);
    }

    @Test
    void path_parameters_resource_and_request_context_describe_the_matched_route() {
        // given
        ProxyEvents.Request request = get("/api/pages/what%20is", null);

        // when
        APIGatewayProxyRequestEvent event =
                ProxyEvents.toEvent(request, "GET", "/api/pages/{slug}", Map.of("slug", "what is"), "req-1", NOW);

        // then
        assertThat(event.getResource()).isEqualTo("/api/pages/{slug}");
        assertThat(event.getPath()).isEqualTo("/api/pages/what is");
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("slug", "what is"));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getStage()).isEqualTo("local");
        assertThat(context.getHttpMethod()).isEqualTo("GET");
        assertThat(context.getResourcePath()).isEqualTo("/api/pages/{slug}");
        assertThat(context.getPath()).isEqualTo("/api/pages/what is");
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getRequestTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getRequestTime()).isEqualTo("01/Mar/2025:10:15:30 +0000");
        assertThat(context.getProtocol()).isEqualTo("HTTP/1.1");
    }

    @Test
    void response_base64_body_is_decoded_and_header_maps_are_merged_without_duplicates() throws Exception {
        // given
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Set-Cookie", "a=1", "Content-Type", "application/octet-stream"))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff}))
                .withIsBase64Encoded(true);

        // when
        ProxyEvents.Response http = ProxyEvents.toHttp(response);

        // then
        assertThat(http.status()).isEqualTo(200);
        assertThat(http.body()).containsExactly(1, 2, 0xff);
        assertThat(http.headers())
                .containsEntry("Set-Cookie", List.of("a=1", "b=2"))
                .containsEntry("Content-Type", List.of("application/octet-stream"));
    }

    @Test
    void response_without_status_or_with_bad_base64_is_malformed() {
        // when / then
        assertThatThrownBy(() -> ProxyEvents.toHttp(new APIGatewayProxyResponseEvent().withBody("x")))
                .isInstanceOf(ProxyEvents.MalformedResponseException.class)
                .hasMessageContaining("statusCode");
        assertThatThrownBy(() -> ProxyEvents.toHttp(null)).isInstanceOf(ProxyEvents.MalformedResponseException.class);
        assertThatThrownBy(() -> ProxyEvents.toHttp(new APIGatewayProxyResponseEvent()
                        .withStatusCode(200)
                        .withBody("%%%")
                        .withIsBase64Encoded(true)))
                .isInstanceOf(ProxyEvents.MalformedResponseException.class)
                .hasMessageContaining("base64");
    }

    private static APIGatewayProxyRequestEvent toEvent(ProxyEvents.Request request) {
        return ProxyEvents.toEvent(request, request.method(), "/resource", Map.of(), "req-1", NOW);
    }

    private static ProxyEvents.Request get(String path, String query) {
        return new ProxyEvents.Request("GET", path, query, Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1");
    }

    private static ProxyEvents.Request post(String contentType, byte[] body) {
        return new ProxyEvents.Request(
                "POST", "/ask", null, Map.of("Content-Type", List.of(contentType)), body, "127.0.0.1", "HTTP/1.1");
    }
}
