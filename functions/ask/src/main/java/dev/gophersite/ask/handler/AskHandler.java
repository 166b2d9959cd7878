package dev.gophersite.ask.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.question.AskRequest;
import dev.gophersite.ask.record.Answer;
import dev.gophersite.ask.service.AskService;
import dev.gophersite.ask.wiring.AskWiring;
import dev.gophersite.common.http.ErrorFormat;
import dev.gophersite.common.http.HandlerEnvelope;
import dev.gophersite.common.http.Parsed;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.store.ContentStore;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /ask} and {@code GET /ask}. Translates API Gateway events to {@link AskService} calls and results to
 * responses; the work happens in the service. Search has a function of its own ({@link SearchHandler}).
 */
public final class AskHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final JsonLog LOG = new JsonLog(AskHandler.class);
    private static final ErrorFormat ERRORS = ErrorFormat.JSON;
    private final AskWiring wiring;
    private final AskService service;
    private final ContentStore store;
    private final AskMetrics metrics;

    @SuppressWarnings("UnusedVariable") // never read: held so CRaC, which keeps resources weakly, runs the hooks
    private Priming priming;

    /** The production constructor, run once per execution environment (and captured by SnapStart). */
    public AskHandler() {
        this(AskWiring.fromEnvironment());
        priming = wiring.prime(this);
        AskWiring.stopNativeWorkOnShutdown();
    }

    public AskHandler(AskWiring wiring) {
        this.wiring = wiring;
        this.service = wiring.service();
        this.store = wiring.store();
        this.metrics = wiring.metrics();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        // model calls get what is left of the function's timeout, less the writes that follow them
        APIGatewayProxyResponseEvent response = wiring.deadline()
                .within(
                        context,
                        () -> HandlerEnvelope.run(
                                event, LOG, ERRORS, failure -> metrics.storeFailed(), this::dispatch));
        return Responses.markStale(response, store.staleSince());
    }

    private APIGatewayProxyResponseEvent dispatch(APIGatewayProxyRequestEvent event) {
        String method = Requests.method(event);
        return switch (Requests.resource(event)) {
            case "/ask" ->
                switch (method) {
                    case "POST" -> ask(event);
                    case "GET", "HEAD" -> askPage(event);
                    default -> ERRORS.methodNotAllowed("GET, POST");
                };
            default -> ERRORS.notFound("No such resource.");
        };
    }

    private APIGatewayProxyResponseEvent ask(APIGatewayProxyRequestEvent event) {
        return switch (AskRequestReader.body(event)) {
            case Parsed.Invalid<AskRequest> invalid -> invalid.response();
            case Parsed.Valid<AskRequest>(AskRequest request) -> {
                Answer answer = answer(request, AskService.Generation.MODEL);
                yield Responses.noStore(Responses.json(200, AskJson.answer(answer)));
            }
        };
    }

    private APIGatewayProxyResponseEvent askPage(APIGatewayProxyRequestEvent event) {
        // a GET can come from any page's link or image tag: it gets the cached or extractive answer, never a fresh
        // model call, which only the form's POST may spend
        return FormPages.render(
                event,
                store,
                AskRequestReader.MAX_QUESTION_CHARS,
                AskPage::render,
                question -> answer(new AskRequest(question, List.of()), AskService.Generation.CACHED_OR_EXTRACTIVE));
    }

    private Answer answer(AskRequest request, AskService.Generation generation) {
        Answer answer = service.ask(request, generation);
        metrics.answered(answer);
        LOG.info(
                "answered",
                Map.of(
                        "mode",
                        answer.mode().wire(),
                        "sources",
                        answer.sources().size(),
                        "ms",
                        answer.timingsMs().getOrDefault("total", 0L)));
        return answer;
    }
}
