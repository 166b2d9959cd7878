package dev.gophersite.ask.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.ask.answer.Answer;
import dev.gophersite.ask.answer.AskRequest;
import dev.gophersite.ask.answer.AskService;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.wiring.AskWiring;
import dev.gophersite.common.content.PageSummary;
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
import java.util.function.Function;

/**
 * {@code POST /ask}, {@code GET /ask} and {@code GET /api/search}. Translates API Gateway events to
 * {@link AskService} calls and results to responses; the work happens in the service.
 */
public final class AskHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final JsonLog LOG = new JsonLog(AskHandler.class);
    private static final ErrorFormat ERRORS = ErrorFormat.JSON;
    private final AskWiring wiring;
    private final AskService service;
    private final ContentStore store;
    private final AskMetrics metrics;
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
        APIGatewayProxyResponseEvent response = HandlerEnvelope.run(event, LOG, ERRORS, failure -> metrics.storeFailed(),
                this::dispatch);
        return Responses.markStale(response, store.staleSince());
    }

    private APIGatewayProxyResponseEvent dispatch(APIGatewayProxyRequestEvent event) {
        String method = Requests.method(event);
        return switch (Requests.resource(event)) {
            case "/ask" -> switch (method) {
                case "POST" -> ask(event);
                case "GET", "HEAD" -> askPage(event);
                default -> ERRORS.methodNotAllowed("GET, POST");
            };
            case "/api/search" -> Requests.isRead(event) ? search(event) : ERRORS.methodNotAllowed("GET");
            case "/search" -> Requests.isRead(event) ? searchPage(event) : ERRORS.methodNotAllowed("GET");
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
        return formPage(event, AskRequestReader.MAX_QUESTION_CHARS, AskPage::render,
                question -> answer(new AskRequest(question, List.of()), AskService.Generation.CACHED_OR_EXTRACTIVE));
    }

    private APIGatewayProxyResponseEvent search(APIGatewayProxyRequestEvent event) {
        return switch (AskRequestReader.query(event, AskRequestReader.MAX_SEARCH_QUERY_CHARS)) {
            case Parsed.Invalid<String> invalid -> invalid.response();
            case Parsed.Valid<String>(String query) ->
                    Responses.noStore(Responses.json(200, AskJson.search(service.search(query))));
        };
    }

    private Answer answer(AskRequest request, AskService.Generation generation) {
        Answer answer = service.ask(request, generation);
        metrics.answered(answer);
        LOG.info("answered", Map.of("mode", answer.mode().wire(), "sources", answer.sources().size(),
                "ms", answer.timingsMs().getOrDefault("total", 0L)));
        return answer;
    }

    /** {@code GET /search}: the site search without JavaScript, answered by the same retriever as /api/search. */
    private APIGatewayProxyResponseEvent searchPage(APIGatewayProxyRequestEvent event) {
        return formPage(event, AskRequestReader.MAX_SEARCH_QUERY_CHARS, SearchPage::render, service::search);
    }

    /** How the no-JavaScript pages render: the form alone, with what {@code q} gave, or with why it was refused. */
    private interface FormView<R> {
        String render(String base, List<PageSummary> nav, String query, R result, String error);
    }

    /** A page with a form over {@code q}: empty without it, the result for a valid one, the reason for a refusal. */
    private <R> APIGatewayProxyResponseEvent formPage(APIGatewayProxyRequestEvent event, int maxChars,
                                                      FormView<R> view, Function<String, R> result) {
        String base = Requests.basePath(event);
        List<PageSummary> nav = store.index().pages();
        String q = Requests.queryParameter(event, "q");
        if (q == null || q.isBlank()) {
            return Responses.noStore(Responses.html(200, view.render(base, nav, "", null, null)));
        }
        return switch (AskRequestReader.query(event, maxChars)) {
            case Parsed.Invalid<String> invalid -> Responses.noStore(Responses.html(invalid.status(),
                    view.render(base, nav, "", null, invalid.message())));
            case Parsed.Valid<String>(String query) -> Responses.noStore(Responses.html(200,
                    view.render(base, nav, query, result.apply(query), null)));
        };
    }
}
