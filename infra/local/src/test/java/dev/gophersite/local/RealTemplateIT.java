package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gophersite.local.runtime.ProxyJson;
import dev.gophersite.project.Repo;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the real template.yaml through the dev server, served by the functions' shaded jars.
 * Ollama is pointed at a closed port so /ask answers extractively, the same on every machine.
 */
class RealTemplateIT {
    static LocalSite site;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = Map.of("MODEL_ENDPOINT", "http://127.0.0.1:9");
        site = LocalSite.start(new LocalSettings(
                Repo.root().resolve("template.yaml"),
                Repo.root().resolve("content"),
                0,
                Optional.empty(),
                env,
                2,
                false,
                false));
        http = new Http(site.url());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void home_and_page_routes_render_html_with_navigation() {
        // when
        HttpResponse<String> home = http.get("/");
        HttpResponse<String> page = http.get("/why-go");

        // then
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("href=\"/why-go\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Why use Go");
    }

    @Test
    void unknown_page_slug_reaches_the_site_function_and_is_its_404() {
        // when
        HttpResponse<String> response = http.get("/no-such-page");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void pages_api_lists_pages_and_serves_a_page_with_an_etag_that_revalidates_to_304() throws Exception {
        // when
        HttpResponse<String> list = http.get("/api/pages");
        HttpResponse<String> page = http.get("/api/pages/why-go");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revalidated = http.get("/api/pages/why-go", "If-None-Match", etag);

        // then
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(ProxyJson.MAPPER.readTree(list.body()).path("pages")).hasSize(8);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(ProxyJson.MAPPER.readTree(page.body()).path("slug").asText()).isEqualTo("why-go");
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void assets_are_served_with_their_content_type() {
        // when
        HttpResponse<String> script = http.get("/assets/widget.js");

        // then
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    @Test
    void ask_answers_from_the_pages_with_sources_when_ollama_is_down() throws Exception {
        // when
        HttpResponse<String> response = http.postJson("/ask", "{\"question\":\"What is a goroutine?\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = ProxyJson.MAPPER.readTree(response.body());
        assertThat(answer.path("mode").asText()).isEqualTo("extractive");
        assertThat(answer.path("grounded").asBoolean()).isTrue();
        assertThat(answer.path("sources")).isNotEmpty();
    }

    @Test
    void bodies_breaking_the_request_models_are_refused_as_api_gateway_would() {
        // when
        HttpResponse<String> ask = http.postJson("/ask", "{\"question\":\"\"}");
        HttpResponse<String> feedback =
                http.postJson("/api/feedback", "{\"answerId\":\"local-test-1\",\"vote\":\"maybe\"}");

        // then
        assertThat(ask.statusCode()).isEqualTo(400);
        assertThat(ask.body())
                .isEqualTo(
                        "{\"error\":{\"code\":\"bad_request\",\"message\":\"The request body does not match the API.\"}}");
        assertThat(feedback.statusCode()).isEqualTo(400);
    }

    @Test
    void search_ranks_passages_for_a_query() {
        // when
        HttpResponse<String> response = http.get("/api/search?q=goroutine");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().toLowerCase(Locale.ROOT)).contains("goroutine");
    }

    @Test
    void a_vote_is_stored_for_an_answer_the_site_gave_and_refused_for_any_other() throws Exception {
        // given an answer from /ask, which records its id
        String answerId = ProxyJson.MAPPER
                .readTree(
                        http.postJson("/ask", "{\"question\":\"What is Go?\"}").body())
                .path("id")
                .asText();

        // when
        HttpResponse<String> vote = http.postJson(
                "/api/feedback", "{\"answerId\":\"" + answerId + "\",\"question\":\"What is Go?\",\"vote\":\"up\"}");
        HttpResponse<String> madeUp = http.postJson(
                "/api/feedback", "{\"answerId\":\"local-test-1\",\"question\":\"What is Go?\",\"vote\":\"up\"}");

        // then
        assertThat(vote.statusCode()).isEqualTo(201);
        assertThat(vote.body()).contains("\"answerId\":\"" + answerId + "\"");
        assertThat(madeUp.statusCode()).isEqualTo(404);
        assertThat(madeUp.body()).contains("\"unknown_answer\"");
    }

    @Test
    void unknown_route_is_404_and_wrong_method_is_405() {
        // when
        HttpResponse<String> unknown = http.get("/api/nothing/here");
        HttpResponse<String> wrongMethod = http.method("DELETE", "/api/feedback");

        // then
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"not_found\"");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }
}
