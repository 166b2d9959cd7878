package dev.gophersite.ask.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.service.AskService;
import dev.gophersite.ask.wiring.AskWiring;
import dev.gophersite.ask.wiring.SearchWiring;
import dev.gophersite.common.http.ErrorFormat;
import dev.gophersite.common.http.HandlerEnvelope;
import dev.gophersite.common.http.Parsed;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.store.ContentStore;

/**
 * {@code GET /api/search} and {@code GET /search}, in SearchFunction: the same retrieval as {@code /ask}, wired
 * without a model, so a search never waits behind a model call for a slot.
 */
public final class SearchHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final JsonLog LOG = new JsonLog(SearchHandler.class);
    private static final ErrorFormat ERRORS = ErrorFormat.JSON;
    private final AskWiring wiring;
    private final AskService service;
    private final ContentStore store;
    private final AskMetrics metrics;

    @SuppressWarnings("UnusedVariable") // never read: held so CRaC, which keeps resources weakly, runs the hooks
    private Priming priming;

    /** The production constructor, run once per execution environment (and captured by SnapStart). */
    public SearchHandler() {
        this(SearchWiring.fromEnvironment());
        priming = SearchWiring.prime(wiring, this);
    }

    public SearchHandler(AskWiring wiring) {
        this.wiring = wiring;
        this.service = wiring.service();
        this.store = wiring.store();
        this.metrics = wiring.metrics();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        APIGatewayProxyResponseEvent response =
                HandlerEnvelope.run(event, LOG, ERRORS, failure -> metrics.storeFailed(), this::dispatch);
        return Responses.markStale(response, store.staleSince());
    }

    private APIGatewayProxyResponseEvent dispatch(APIGatewayProxyRequestEvent event) {
        return switch (Requests.resource(event)) {
            case "/api/search" -> Requests.isRead(event) ? search(event) : ERRORS.methodNotAllowed("GET");
            case "/search" -> Requests.isRead(event) ? searchPage(event) : ERRORS.methodNotAllowed("GET");
            default -> ERRORS.notFound("No such resource.");
        };
    }

    private APIGatewayProxyResponseEvent search(APIGatewayProxyRequestEvent event) {
        return switch (AskRequestReader.query(event, AskRequestReader.MAX_SEARCH_QUERY_CHARS)) {
            case Parsed.Invalid<String> invalid -> invalid.response();
            case Parsed.Valid<String>(String query) ->
                Responses.noStore(Responses.json(200, AskJson.search(service.search(query))));
        };
    }

    /** The site search without JavaScript, answered by the same retriever as /api/search. */
    private APIGatewayProxyResponseEvent searchPage(APIGatewayProxyRequestEvent event) {
        return FormPages.render(
                event, store, AskRequestReader.MAX_SEARCH_QUERY_CHARS, SearchPage::render, service::search);
    }
}
