package dev.gophersite.feedback.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.Env;
import dev.gophersite.common.http.Json;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.http.UserText;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.feedback.Feedback;
import dev.gophersite.feedback.store.DynamoFeedbackStore;
import dev.gophersite.feedback.store.FeedbackStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code POST /api/feedback}: validates a vote and stores it. */
public final class FeedbackHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final int MAX_BODY_BYTES = 8 * 1024;
    private static final JsonLog LOG = new JsonLog("FeedbackHandler");
    private final FeedbackStore store;

    public FeedbackHandler() {
        this(new DynamoFeedbackStore(
                DynamoDbClients.create(Env.millis("DYNAMODB_CALL_BUDGET_MILLIS", 3000)),
                Env.string("FEEDBACK_TABLE", "gopher-site-feedback"),
                Duration.ofDays(Env.number("FEEDBACK_TTL_DAYS", 90)),
                Clock.systemUTC()));
    }

    public FeedbackHandler(FeedbackStore store) {
        this.store = store;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String requestId = Requests.requestId(event);
        if (!"POST".equals(event.getHttpMethod())) {
            return Responses.error(405, "method_not_allowed", "Use POST.");
        }
        if (!Requests.mediaType(event).equals("application/json")) {
            return Responses.error(415, "unsupported_media_type", "Send the vote as application/json.");
        }
        byte[] bytes = Requests.bodyBytes(event);
        if (bytes == null) {
            return Responses.error(400, "bad_request", "The body is not valid base64.");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return Responses.error(413, "payload_too_large", "The body must be at most " + MAX_BODY_BYTES + " bytes.");
        }
        Optional<String> body = UserText.strictUtf8(bytes);
        if (body.isEmpty()) {
            return Responses.error(400, "bad_request", "The body is not valid UTF-8.");
        }
        Feedback feedback;
        try {
            feedback = Feedback.parse(body.get());
        } catch (Feedback.Invalid e) {
            return Responses.error(400, "bad_request", e.reason());
        }
        try {
            String id = store.save(feedback);
            LOG.info(requestId, "feedback stored", Map.of("vote", feedback.vote(), "answerId", feedback.answerId()));
            APIGatewayProxyResponseEvent response = Responses.json(201, "{\"id\":" + Json.quote(id) + "}");
            response.getHeaders().put("Cache-Control", "no-store");
            return response;
        } catch (StoreException e) {
            LOG.error(requestId, "feedback store failed", e);
            return Responses.storeFailure(e);
        } catch (RuntimeException e) {
            // a Lambda function error would reach the client as API Gateway's plain 502
            LOG.error(requestId, "unexpected failure", e);
            return Responses.error(500, "internal", "Something went wrong; the error was logged.");
        }
    }
}
