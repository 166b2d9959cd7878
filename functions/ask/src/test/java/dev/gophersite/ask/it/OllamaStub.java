package dev.gophersite.ask.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.LinkedHashMap;
import java.util.Map;

/** A WireMock server that speaks Ollama's native chat API ({@code POST /api/chat}, non-streaming). */
final class OllamaStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    OllamaStub() {
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The reply shape Ollama sends for {@code "stream": false}. */
    static String chatReply(String model, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("created_at", "2026-02-11T10:15:30.123456Z");
        body.put("message", Map.of("role", "assistant", "content", content));
        body.put("done_reason", "stop");
        body.put("done", true);
        body.put("total_duration", 812_345_678L);
        body.put("load_duration", 12_345_678L);
        body.put("prompt_eval_count", 612);
        body.put("prompt_eval_duration", 400_000_000L);
        body.put("eval_count", 38);
        body.put("eval_duration", 390_000_000L);
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void replies(String model, String content) {
        server.stubFor(post(urlEqualTo("/api/chat"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(chatReply(model, content))));
    }

    void replies(int status, String body) {
        server.stubFor(post(urlEqualTo("/api/chat"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(body)));
    }

    void repliesAfter(int delayMillis, String model, String content) {
        server.stubFor(post(urlEqualTo("/api/chat"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(chatReply(model, content))));
    }

    int chatRequests() {
        return server.countRequestsMatching(
                        WireMock.postRequestedFor(urlEqualTo("/api/chat")).build())
                .getCount();
    }

    String lastChatBody() {
        return server.findAll(WireMock.postRequestedFor(urlEqualTo("/api/chat")))
                .getLast()
                .getBodyAsString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
