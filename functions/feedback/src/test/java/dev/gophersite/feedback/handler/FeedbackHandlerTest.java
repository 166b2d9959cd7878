package dev.gophersite.feedback.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.gophersite.common.store.StoreUnavailableException;
import dev.gophersite.feedback.Feedback;
import dev.gophersite.feedback.store.FeedbackStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackHandlerTest {
    /** Fake store: remembers what it was asked to save. */
    static final class RecordingFeedbackStore implements FeedbackStore {
        final List<Feedback> saved = new ArrayList<>();
        RuntimeException failure;

        @Override
        public String save(Feedback feedback) {
            if (failure != null) {
                throw failure;
            }
            saved.add(feedback);
            return "id-" + saved.size();
        }
    }

    private final RecordingFeedbackStore store = new RecordingFeedbackStore();
    private final FeedbackHandler handler = new FeedbackHandler(store);

    static APIGatewayProxyRequestEvent event() {
        return EventLoader.loadApiGatewayRestEvent("events/feedback-up.json");
    }

    @Test
    void stores_a_valid_vote_and_returns_its_id() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event(), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo("{\"id\":\"id-1\"}");
        assertThat(store.saved).containsExactly(new Feedback("a1b2c3d4e5f6", "What is a goroutine?", "up", "clear"));
    }

    @Test
    void accepts_base64_bodies_as_api_gateway_sends_them() {
        // given
        APIGatewayProxyRequestEvent request = event();
        request.setBody(Base64.getEncoder().encodeToString(request.getBody().getBytes(StandardCharsets.UTF_8)));
        request.setIsBase64Encoded(true);

        // then
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"q\",\"vote\":\"sideways\"}",
            "{\"answerId\":\"short\",\"question\":\"q\",\"vote\":\"up\"}",
            "{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"\",\"vote\":\"up\"}",
            "{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"q\",\"vote\":\"up\",\"isAdmin\":true}",
            "{\"answerId\":\"a1b2c3d4e5f6\",\"question\":42,\"vote\":\"up\"}",
            "{\"answerId\":\"<img src=x onerror=alert(1)>\",\"question\":\"q\",\"vote\":\"up\"}"
    })
    void rejects_invalid_votes_with_400_and_stores_nothing(String body) {
        // given
        APIGatewayProxyRequestEvent request = event();
        request.setBody(body);

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).startsWith("{\"error\":{\"code\":\"bad_request\"").doesNotContain("<img");
        assertThat(store.saved).isEmpty();
    }

    @Test
    void rejects_wrong_content_type_oversized_body_and_invalid_utf8() {
        // given
        APIGatewayProxyRequestEvent form = event();
        form.getHeaders().put("Content-Type", "text/plain");
        APIGatewayProxyRequestEvent huge = event();
        huge.setBody("{\"comment\":\"" + "x".repeat(FeedbackHandler.MAX_BODY_BYTES) + "\"}");
        APIGatewayProxyRequestEvent binary = event();
        binary.setBody(Base64.getEncoder().encodeToString(new byte[]{'{', (byte) 0xC3, (byte) 0x28, '}'}));
        binary.setIsBase64Encoded(true);

        // then
        assertThat(handler.handleRequest(form, null).getStatusCode()).isEqualTo(415);
        assertThat(handler.handleRequest(huge, null).getStatusCode()).isEqualTo(413);
        assertThat(handler.handleRequest(binary, null).getStatusCode()).isEqualTo(400);
        assertThat(store.saved).isEmpty();
    }

    @Test
    void store_outage_is_a_503() {
        // given
        store.failure = new StoreUnavailableException("down", null, 2);

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event(), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
    }
}
