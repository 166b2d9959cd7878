package dev.gophersite.feedback.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.gophersite.common.store.StoreUnavailableException;
import dev.gophersite.feedback.Feedback;
import dev.gophersite.feedback.store.FeedbackStore;
import dev.gophersite.feedback.wiring.FeedbackWiring;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedbackHandlerTest {
    /** Fake store: knows the answers the site gave and remembers the votes it was asked to store. */
    static final class RecordingFeedbackStore implements FeedbackStore {
        final Set<String> given = new HashSet<>(Set.of("a1b2c3d4e5f6"));
        final List<Feedback> saved = new ArrayList<>();
        RuntimeException failure;

        @Override
        public boolean vote(Feedback feedback) {
            if (failure != null) {
                throw failure;
            }
            if (!given.contains(feedback.answerId())) {
                return false;
            }
            saved.add(feedback);
            return true;
        }
    }

    private final RecordingFeedbackStore store = new RecordingFeedbackStore();
    private final FeedbackHandler handler = new FeedbackHandler(new FeedbackWiring(store));

    static APIGatewayProxyRequestEvent event() {
        return EventLoader.loadApiGatewayRestEvent("events/feedback-up.json");
    }

    @Test
    void stores_a_valid_vote_on_an_answer_the_site_gave() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event(), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo("{\"answerId\":\"a1b2c3d4e5f6\",\"vote\":\"up\"}");
        assertThat(store.saved).containsExactly(new Feedback("a1b2c3d4e5f6", "up", Optional.of("clear")));
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
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"q\",\"vote\":\"sideways\"}",
                "{\"answerId\":\"short\",\"question\":\"q\",\"vote\":\"up\"}",
                "{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"\u202eq\",\"vote\":\"up\"}",
                "{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"\\ud800q\",\"vote\":\"up\"}",
                "{\"answerId\":\"a1b2c3d4e5f6\",\"vote\":\"up\",\"comment\":\"nice\u200b\"}",
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
        assertThat(response.getBody())
                .startsWith("{\"error\":{\"code\":\"bad_request\"")
                .doesNotContain("<img");
        assertThat(store.saved).isEmpty();
    }

    @Test
    void rejects_wrong_content_type_oversized_body_and_invalid_utf8() {
        // given
        APIGatewayProxyRequestEvent form = event();
        form.getHeaders().put("Content-Type", "text/plain");
        APIGatewayProxyRequestEvent huge = event();
        huge.setBody("{\"comment\":\"" + "x".repeat(Feedback.MAX_BODY_BYTES) + "\"}");
        APIGatewayProxyRequestEvent binary = event();
        binary.setBody(Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
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

    @Test
    void refuses_a_vote_on_an_answer_the_site_never_gave() {
        // given
        APIGatewayProxyRequestEvent request = event();
        request.setBody("{\"answerId\":\"madeUpAnswer01\",\"question\":\"q\",\"vote\":\"down\"}");

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(request, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("\"unknown_answer\"");
        assertThat(store.saved).isEmpty();
    }

    @Test
    void rejects_duplicate_keys_which_would_let_two_readers_see_two_votes() {
        // given
        APIGatewayProxyRequestEvent request = event();
        request.setBody("{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"q\",\"vote\":\"up\",\"vote\":\"down\"}");

        // then
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(400);
        assertThat(store.saved).isEmpty();
    }

    @Test
    void rejects_a_request_with_two_content_types() {
        // given
        APIGatewayProxyRequestEvent request = event();
        request.setMultiValueHeaders(
                new java.util.HashMap<>(Map.of("Content-Type", List.of("text/plain", "application/json"))));

        // then
        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(400);
        assertThat(store.saved).isEmpty();
    }

    @Test
    void counts_lengths_in_characters_as_people_do_not_in_utf16_units() {
        // given a comment of 1000 emoji (2000 UTF-16 units, 4000 bytes) and one of 1001
        APIGatewayProxyRequestEvent fits = event();
        fits.setBody("{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"q\",\"vote\":\"up\",\"comment\":\""
                + "\uD83D\uDE00".repeat(Feedback.MAX_COMMENT) + "\"}");
        APIGatewayProxyRequestEvent tooLong = event();
        tooLong.setBody("{\"answerId\":\"a1b2c3d4e5f6\",\"question\":\"q\",\"vote\":\"up\",\"comment\":\""
                + "\uD83D\uDE00".repeat(Feedback.MAX_COMMENT + 1) + "\"}");

        // then
        assertThat(handler.handleRequest(fits, null).getStatusCode()).isEqualTo(201);
        assertThat(handler.handleRequest(tooLong, null).getStatusCode()).isEqualTo(400);
        assertThat(store.saved).hasSize(1);
    }
}
