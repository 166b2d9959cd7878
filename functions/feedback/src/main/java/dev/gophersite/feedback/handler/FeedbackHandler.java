package dev.gophersite.feedback.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.http.ErrorFormat;
import dev.gophersite.common.http.HandlerEnvelope;
import dev.gophersite.common.http.Json;
import dev.gophersite.common.http.Parsed;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.feedback.Feedback;
import dev.gophersite.feedback.store.FeedbackStore;
import dev.gophersite.feedback.wiring.FeedbackWiring;
import java.util.Map;

/** {@code POST /api/feedback}: reads a vote and stores it on the answer it is about, if the site gave that answer. */
public final class FeedbackHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final JsonLog LOG = new JsonLog(FeedbackHandler.class);
    private static final ErrorFormat ERRORS = ErrorFormat.JSON;
    private final FeedbackWiring wiring;
    private final FeedbackStore store;

    @SuppressWarnings("UnusedVariable") // never read: held so CRaC, which keeps resources weakly, runs the hooks
    private Priming priming;

    /** The production constructor, run once per execution environment (and captured by SnapStart). */
    public FeedbackHandler() {
        this(FeedbackWiring.fromEnvironment());
        priming = wiring.prime(this);
    }

    public FeedbackHandler(FeedbackWiring wiring) {
        this.wiring = wiring;
        this.store = wiring.store();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return HandlerEnvelope.run(event, LOG, ERRORS, this::dispatch);
    }

    private APIGatewayProxyResponseEvent dispatch(APIGatewayProxyRequestEvent event) {
        return switch (Requests.resource(event)) {
            case "/api/feedback" ->
                "POST".equals(Requests.method(event)) ? vote(event) : ERRORS.methodNotAllowed("POST");
            default -> ERRORS.notFound("No such resource.");
        };
    }

    private APIGatewayProxyResponseEvent vote(APIGatewayProxyRequestEvent event) {
        return switch (Feedback.read(event)) {
            case Parsed.Invalid<Feedback> invalid -> invalid.response();
            case Parsed.Valid<Feedback>(Feedback feedback) -> {
                if (!store.vote(feedback)) {
                    LOG.info("vote for an unknown answer refused", Map.of("answerId", feedback.answerId()));
                    yield ERRORS.error(
                            404,
                            "unknown_answer",
                            "Votes are taken for answers this site gave in the last day; this one is not known.");
                }
                LOG.info("vote stored", Map.of("vote", feedback.vote(), "answerId", feedback.answerId()));
                yield Responses.noStore(Responses.json(
                        201,
                        "{\"answerId\":" + Json.quote(feedback.answerId()) + ",\"vote\":" + Json.quote(feedback.vote())
                                + "}"));
            }
        };
    }
}
