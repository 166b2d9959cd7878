package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev server over real HTTP, with the test functions of {@code templates/echo.yaml}. */
class DevServerIT {
    @TempDir
    static Path dir;

    static LocalSite site;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path template = TestSites.workspace(dir, "echo.yaml");
        site = LocalSite.start(TestSites.settings(template, Map.of("GREETING", "overridden"), 2));
        http = new Http(site.url());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void route_receives_the_proxy_event_api_gateway_would_send() {
        // when
        HttpResponse<String> response = http.get("/items/a%20b?tag=x&tag=y", "X-Test", "1");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> echo = TestSites.echo(response.body());
        assertThat(echo)
                .containsEntry("resource", "/items/{id}")
                .containsEntry("path", "/items/a b")
                .containsEntry("httpMethod", "GET")
                .containsEntry("pathParameter.id", "a b")
                .containsEntry("query.tag", "y")
                .containsEntry("multiQuery.tag", "x,y")
                .containsEntry("header.X-Test", "1")
                .containsEntry("requestContext.stage", "local")
                .containsEntry("env.TABLE_NAME", "gopher-site-content")
                .containsEntry("env.GREETING", "overridden")
                .containsEntry("env.CONTENT_POINTER_TTL_MILLIS", "500");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue(echo.get("context.requestId"));
        assertThat(echo.get("requestContext.requestId")).isEqualTo(echo.get("context.requestId"));
        assertThat(response.headers().allValues("X-Multi")).containsExactly("a", "b");
    }

    @Test
    void literal_route_wins_over_a_parameter_route() {
        // when
        HttpResponse<String> response = http.get("/items/special");

        // then
        assertThat(TestSites.echo(response.body())).containsEntry("resource", "/items/special");
    }

    @Test
    void greedy_any_route_takes_every_method_and_the_rest_of_the_path() {
        // when
        HttpResponse<String> response = http.method("DELETE", "/files/docs/a.txt");

        // then
        assertThat(TestSites.echo(response.body()))
                .containsEntry("pathParameter.path", "docs/a.txt")
                .containsEntry("httpMethod", "DELETE");
    }

    @Test
    void unknown_path_is_a_404_json_error() {
        // when
        HttpResponse<String> response = http.get("/nothing/here");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).startsWith("{\"error\":{\"code\":\"not_found\",\"message\":");
    }

    @Test
    void known_path_with_the_wrong_method_is_a_405_json_error_with_allow() {
        // when
        HttpResponse<String> response = http.method("PUT", "/items/special");

        // then
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(response.body()).contains("\"code\":\"method_not_allowed\"");
    }

    @Test
    void preflight_is_answered_from_the_template_cors_settings() {
        // when
        HttpResponse<String> response = http.method(
                "OPTIONS", "/items", "Origin", "https://example.test", "Access-Control-Request-Method", "POST");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://example.test");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("POST,OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    }

    @Test
    void head_is_answered_by_the_get_route_without_a_body() {
        // when
        HttpResponse<String> response = http.method("HEAD", "/");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void base64_response_reaches_the_client_as_bytes_and_binary_requests_arrive_base64() {
        // when
        HttpResponse<byte[]> binary = http.bytes("/binary");
        HttpResponse<String> upload = http.post("/items", "application/octet-stream", new byte[] {(byte) 0xff, 0, 1});

        // then
        assertThat(binary.body()).containsExactly(0, 1, 2, 0xff);
        assertThat(TestSites.echo(upload.body()))
                .containsEntry("isBase64Encoded", "true")
                .containsEntry("body", "/wAB");
    }

    @Test
    void body_over_six_megabytes_is_refused_with_413_before_the_function_runs() {
        // when
        HttpResponse<String> response = http.post("/items", "text/plain", new byte[6 * 1024 * 1024 + 1]);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
    }

    @Test
    void handler_exception_is_a_502_without_its_message_or_stack() {
        // when
        HttpResponse<String> response = http.get("/fail");

        // then
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body())
                .contains("\"code\":\"function_error\"")
                .doesNotContain("secret")
                .doesNotContain("at dev.");
    }

    @Test
    void malformed_proxy_response_is_a_502() {
        // when
        HttpResponse<String> response = http.get("/malformed");

        // then
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("malformed proxy response");
    }

    @Test
    void handler_running_past_its_timeout_gets_504_and_the_next_request_gets_a_fresh_environment() {
        // given
        long started = System.nanoTime();

        // when
        HttpResponse<String> slow = http.get("/sleep?ms=8000");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> next = http.get("/sleep?ms=1");

        // then
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(slow.body()).contains("\"code\":\"timeout\"").contains("1 s Timeout");
        assertThat(tookMillis).isBetween(900L, 6000L);
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void stream_handler_is_served_like_a_typed_one() {
        // when
        HttpResponse<String> response = http.post("/stream", "text/plain", "ping".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("hasHttpMethod=true hasBody=true");
    }
}
