package dev.gophersite.ask.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.fakes.FakeChatModel;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.common.testing.InMemoryContentStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AskHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryContentStore store = TestContent.store();
    private final FakeChatModel model = FakeChatModel.answering("Each goroutine starts with a 2KB stack [1].");
    private final AskHandler handler = TestSettings.handler(store, model, AnswerCache.none(), TestSettings.defaults());
    private final SearchHandler searchHandler = TestSettings.searchHandler(store);

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    private static APIGatewayProxyRequestEvent postWithBody(String body) {
        return event("post-ask.json").withBody(body);
    }

    @Test
    void answers_a_question_with_the_model_and_its_sources() throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(event("post-ask.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("Cache-Control", "no-store");
        JsonNode body = body(response);
        assertThat(body.get("answer").asText()).isEqualTo("Each goroutine starts with a 2KB stack [1].");
        assertThat(body.get("grounded").asBoolean()).isTrue();
        assertThat(body.get("mode").asText()).isEqualTo("llm");
        assertThat(body.get("model").asText()).isEqualTo(TestSettings.MODEL);
        assertThat(body.get("id").asText()).isNotBlank();
        assertThat(body.get("timingsMs").has("total")).isTrue();
        JsonNode first = body.get("sources").get(0);
        assertThat(first.get("text").asText()).contains("2KB");
        assertThat(first.get("url").asText())
                .isEqualTo("/" + first.get("slug").asText() + "#"
                        + first.get("url").asText().split("#")[1]);
        assertThat(first.has("title")).isTrue();
        assertThat(first.has("section")).isTrue();
        assertThat(first.get("score").asDouble()).isPositive();
        List<Double> scores = new ArrayList<>();
        body.get("sources").forEach(s -> scores.add(s.get("score").asDouble()));
        assertThat(scores).isNotEmpty();
    }

    @Test
    void refuses_a_question_clearly_about_something_else_without_calling_the_model() throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(event("post-ask-off-topic.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("mode").asText()).isEqualTo("refused");
        assertThat(body.get("grounded").asBoolean()).isFalse();
        assertThat(body.get("sources").size()).isPositive();
        assertThat(model.calls()).isZero();
    }

    @Test
    void accepts_json_with_a_charset_and_history() throws IOException {
        // given a model that rewrites the follow-up, then answers it
        model.thenReply("When did Go get generics?").thenReply("Go 1.18 added generics [1].");

        // when
        APIGatewayProxyResponseEvent response = handle(event("post-ask-with-history.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("mode").asText()).isEqualTo("llm");
        assertThat(model.lastMessages()).hasSize(2);
        assertThat(model.lastUserText()).contains("User: Does Go have generics?");
    }

    @Test
    void decodes_a_base64_body() throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(event("post-ask-base64.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(model.lastUserText()).contains("Question: What does the defer statement do?");
    }

    @ParameterizedTest
    @CsvSource({
        "post-ask-text-plain.json, 415, unsupported_media_type",
        "post-ask-malformed-json.json, 400, bad_request",
        "post-ask-blank-question.json, 400, bad_request",
        "post-ask-bad-role.json, 400, bad_request",
        "post-ask-invalid-utf8.json, 400, bad_request"
    })
    void rejects_bad_input_without_calling_the_model(String fixture, int status, String code) throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(event(fixture));

        // then
        assertThat(response.getStatusCode()).isEqualTo(status);
        JsonNode error = body(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(model.calls()).isZero();
    }

    @Test
    void rejects_a_body_over_16_kb_with_413() throws IOException {
        // given
        String question = "What is Go? ".repeat(1500);

        // when
        APIGatewayProxyResponseEvent response =
                handle(postWithBody(JSON.writeValueAsString(Map.of("question", question))));

        // then
        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(body(response).get("error").get("code").asText()).isEqualTo("payload_too_large");
        assertThat(model.calls()).isZero();
    }

    @Test
    void rejects_a_base64_body_that_decodes_to_over_16_kb_with_413() {
        // given
        byte[] large = JSON_BYTES(Map.of("question", "x".repeat(17 * 1024)));
        APIGatewayProxyRequestEvent event =
                event("post-ask-base64.json").withBody(Base64.getEncoder().encodeToString(large));

        // when
        APIGatewayProxyResponseEvent response = handle(event);

        // then
        assertThat(response.getStatusCode()).isEqualTo(413);
    }

    @Test
    void rejects_a_question_over_1000_characters() throws IOException {
        // when
        APIGatewayProxyResponseEvent response =
                handle(postWithBody(JSON.writeValueAsString(Map.of("question", "a".repeat(1001)))));

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("error").get("message").asText()).contains("1000");
    }

    @Test
    void accepts_a_question_of_exactly_1000_characters() throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(postWithBody(JSON.writeValueAsString(
                Map.of("question", "goroutine ".repeat(100).strip() + "s"))));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void rejects_history_over_20_turns() throws IOException {
        // given
        List<Map<String, String>> history = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            history.add(Map.of("role", i % 2 == 0 ? "user" : "assistant", "content", "turn " + i));
        }

        // when
        APIGatewayProxyResponseEvent response =
                handle(postWithBody(JSON.writeValueAsString(Map.of("question", "What is Go?", "history", history))));

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(model.calls()).isZero();
    }

    @Test
    void rejects_a_history_turn_over_4000_characters() throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(postWithBody(JSON.writeValueAsString(Map.of(
                "question", "What is Go?", "history", List.of(Map.of("role", "user", "content", "a".repeat(4001)))))));

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"question\": 42}",
                "[\"What is Go?\"]",
                "{\"question\": \"What is Go?\", \"history\": \"none\"}",
                "{\"question\": \"What is Go?\", \"history\": [\"user: hi\"]}",
                "{\"question\": \"What is Go?\", \"history\": [{\"role\": \"user\"}]}",
                "{\"question\": \"What is Go?\"} trailing",
                "{}"
            })
    void rejects_malformed_requests_with_400(String body) throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(postWithBody(body));

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("error").get("message").asText()).doesNotContain(body);
        assertThat(model.calls()).isZero();
    }

    @Test
    void rejects_a_missing_content_type_with_415() {
        // given
        APIGatewayProxyRequestEvent event = event("post-ask.json");
        event.getHeaders().remove("Content-Type");
        event.getMultiValueHeaders().remove("Content-Type");

        // when / then
        assertThat(handle(event).getStatusCode()).isEqualTo(415);
    }

    @Test
    void get_ask_serves_a_form_page() {
        // when
        APIGatewayProxyResponseEvent response = handle(event("get-ask-form.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(response.getBody())
                .contains(
                        "<form",
                        "name=\"q\"",
                        "<nav class=\"site-nav\"",
                        "<label for=\"q\">",
                        "<meta name=\"robots\" content=\"noindex, nofollow\">");
        assertThat(response.getHeaders().get("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void get_ask_with_a_question_shows_the_answer_with_escaped_text() {
        // when
        APIGatewayProxyResponseEvent response = handle(event("get-ask-form-with-question.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("&lt;b&gt;defer&lt;/b&gt;")
                .doesNotContain("<b>defer</b>")
                .contains("Sources")
                .containsPattern("<li><a href=\"[^\"]*/[a-z-]+#[a-z0-9-]+\">");
    }

    @Test
    void search_is_not_served_here_but_by_its_own_function() {
        // when
        APIGatewayProxyResponseEvent response = handle(event("get-search.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(model.calls()).isZero();
    }

    @Test
    void answers_405_for_other_methods_and_404_for_other_resources() {
        // given
        APIGatewayProxyRequestEvent unknown =
                event("get-search.json").withResource("/api/other").withPath("/api/other");

        // when
        APIGatewayProxyResponseEvent put = handle(event("put-ask.json"));
        APIGatewayProxyResponseEvent other = handle(unknown);

        // then
        assertThat(put.getStatusCode()).isEqualTo(405);
        assertThat(put.getHeaders()).containsEntry("Allow", "GET, POST");
        assertThat(other.getStatusCode()).isEqualTo(404);
    }

    @Test
    void answers_503_when_the_content_store_is_down_and_no_index_exists() throws IOException {
        // given
        InMemoryContentStore down = TestContent.store();
        down.failAsUnavailable();
        AskHandler cold = TestSettings.handler(down, model, AnswerCache.none(), TestSettings.defaults());

        // when
        APIGatewayProxyResponseEvent response = cold.handleRequest(event("post-ask.json"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(body(response).get("error").get("code").asText()).isEqualTo("unavailable");
    }

    @Test
    void escapes_markup_characters_in_json_bodies() {
        // given
        model.thenReply("Each goroutine starts with a <script>2KB</script> stack & grows [1].");

        // when
        APIGatewayProxyResponseEvent response = handle(event("post-ask.json"));

        // then
        assertThat(response.getBody()).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
    }

    private static byte[] JSON_BYTES(Object value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void blank_history_turns_are_a_400() {
        // given
        APIGatewayProxyRequestEvent request = event("post-ask.json")
                .withBody("{\"question\":\"And defer?\",\"history\":[{\"role\":\"user\",\"content\":\"   \"}]}");

        // when
        APIGatewayProxyResponseEvent response = handle(request);

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"question\":\"What is a goroutine?\",\"stream\":true}",
                "{\"question\":\"What is a goroutine?\",\"history\":[{\"role\":\"user\",\"content\":\"hi\",\"name\":\"x\"}]}"
            })
    void rejects_fields_the_request_model_does_not_declare_without_relying_on_api_gateway(String body)
            throws IOException {
        // when
        APIGatewayProxyResponseEvent response = handle(postWithBody(body));

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(model.calls()).isZero();
    }

    @Test
    void reads_headers_from_multi_value_headers_and_refuses_two_content_types() {
        // given an event with only multi-value headers, and one whose two Content-Types disagree
        APIGatewayProxyRequestEvent multiOnly = event("post-ask.json");
        multiOnly.setHeaders(null);
        APIGatewayProxyRequestEvent twoTypes = event("post-ask.json");
        twoTypes.getMultiValueHeaders().put("Content-Type", List.of("text/plain", "application/json"));

        // then
        assertThat(handle(multiOnly).getStatusCode()).isEqualTo(200);
        assertThat(handle(twoTypes).getStatusCode()).isEqualTo(400);
    }

    @Test
    void a_question_sent_by_get_never_calls_the_model() {
        // given
        APIGatewayProxyRequestEvent get = event("get-ask-form-with-question.json");

        // when
        APIGatewayProxyResponseEvent response = handle(get);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(model.calls()).isZero();
    }

    /** Texts with nothing to look up: invisible characters alone, a lone combining mark, punctuation, symbols. */
    static final List<String> NOTHING_TO_LOOK_UP = List.of(
            "\u200b",
            "\ufeff",
            "\u00ad",
            "\u2060",
            "\u0301",
            "\u200b\u200b\u200b",
            "?!",
            "\ud83d\ude00",
            "\u202e",
            "\u2066x\u2069");

    @Test
    void a_question_with_nothing_to_look_up_is_a_400_saying_why_on_every_route() throws IOException {
        for (String text : NOTHING_TO_LOOK_UP) {
            // when
            APIGatewayProxyResponseEvent post = handle(postWithBody(JSON.writeValueAsString(Map.of("question", text))));
            APIGatewayProxyResponseEvent search = searchHandler.handleRequest(
                    event("get-search.json").withQueryStringParameters(Map.of("q", text)), null);
            APIGatewayProxyResponseEvent askPage =
                    handle(event("get-ask-form-with-question.json").withQueryStringParameters(Map.of("q", text)));
            APIGatewayProxyResponseEvent searchPage = searchHandler.handleRequest(
                    event("get-search-page.json").withQueryStringParameters(Map.of("q", text)), null);

            // then
            String name = "U+" + Integer.toHexString(text.codePointAt(0));
            assertThat(post.getStatusCode()).as(name + " POST /ask").isEqualTo(400);
            assertThat(body(post).at("/error/message").asText())
                    .as(name)
                    .matches(".*(letter or digit|invisible formatting characters).*");
            assertThat(search.getStatusCode()).as(name + " /api/search").isEqualTo(400);
            assertThat(askPage.getStatusCode()).as(name + " GET /ask").isEqualTo(400);
            assertThat(askPage.getHeaders().get("Content-Type")).startsWith("text/html");
            assertThat(askPage.getBody()).contains("role=\"alert\"");
            assertThat(searchPage.getStatusCode()).as(name + " GET /search").isEqualTo(400);
            assertThat(searchPage.getHeaders().get("Content-Type")).startsWith("text/html");
        }
    }

    @Test
    void an_unpaired_surrogate_or_a_direction_override_is_refused_in_history_turns_too() {
        for (String content : List.of("\\ud800 and then?", "and \\u202e then?", "\\u200b")) {
            // given
            String body =
                    "{\"question\":\"And defer?\",\"history\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";

            // when
            APIGatewayProxyResponseEvent response = handle(postWithBody(body));

            // then
            assertThat(response.getStatusCode()).as(content).isEqualTo(400);
        }
    }
}
