package dev.gophersite.ask.wiring;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.ask.metrics.PowertoolsAskMetrics;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.IssuedAnswers;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.snapstart.PrimingRequest;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreBackoff;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root of SearchFunction: AskFunction's retrieval over the same store, with no chat model, no
 * answer cache and no issued answers, so nothing in this function can spend a model call or write.
 */
public final class SearchWiring {
    /** Both routes with a query: the index, the ranking and both renderings, none of which writes. */
    static final List<PrimingRequest> PRIMING = List.of(
            PrimingRequest.get("/api/search", Map.of("q", "goroutine stack size")),
            PrimingRequest.get("/search", Map.of("q", "goroutine stack size")));

    private SearchWiring() {}

    public static AskWiring fromEnvironment() {
        AskSettings settings = AskSettings.fromEnv();
        return AskWiring.of(
                new DynamoContentStore(
                        DynamoDbClients.create(settings.dynamo()),
                        settings.content(),
                        new StoreBackoff(new JsonLog(StoreBackoff.class))),
                Optional.empty(),
                AnswerCache.none(),
                IssuedAnswers.none(),
                settings,
                new PowertoolsAskMetrics(),
                AskWiring.retrieval(settings.retrieval()));
    }

    public static Priming prime(
            AskWiring wiring, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return Priming.register(
                "SearchFunction",
                handler,
                PRIMING,
                () -> wiring.service().awaitMeaning(AskWiring.MEANING_WAIT),
                wiring.store()::forgetCurrentVersion);
    }
}
