package dev.gophersite.feedback.wiring;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.snapstart.PrimingRequest;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.feedback.store.DynamoFeedbackStore;
import dev.gophersite.feedback.store.FeedbackStore;
import java.time.Clock;
import java.util.List;

/**
 * The composition root of FeedbackFunction: what the handler's no-arg constructor builds once per execution
 * environment, and what it primes before a SnapStart snapshot.
 */
public record FeedbackWiring(FeedbackStore store) {
    /** A vote the function refuses before writing: the request path up to validation, and no item written. */
    static final List<PrimingRequest> PRIMING = List.of(PrimingRequest.refusedPost(
            "/api/feedback", "{\"answerId\":\"priming\",\"question\":\"q\",\"vote\":\"none\"}"));

    public static FeedbackWiring fromEnvironment() {
        FeedbackSettings settings = FeedbackSettings.fromEnv();
        return new FeedbackWiring(new DynamoFeedbackStore(
                DynamoDbClients.create(settings.dynamo()),
                settings.table(),
                settings.voteTtl(),
                Clock.systemUTC(),
                new StoreBackoff(new JsonLog(StoreBackoff.class))));
    }

    public Priming prime(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return Priming.register("FeedbackFunction", handler, PRIMING, () -> {});
    }
}
