package dev.gophersite.pages.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.content.Slugs;
import dev.gophersite.common.http.ErrorFormat;
import dev.gophersite.common.http.HandlerEnvelope;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.web.CacheHeaders;
import dev.gophersite.pages.wiring.PagesWiring;
import java.util.Optional;

/** {@code GET /api/pages} and {@code GET /api/pages/{slug}}: stored JSON bodies with ETags. */
public final class PagesApiHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String CACHE_CONTROL = CacheHeaders.PAGE;
    private static final JsonLog LOG = new JsonLog(PagesApiHandler.class);
    private static final ErrorFormat ERRORS = ErrorFormat.JSON;
    private final PagesWiring wiring;
    private final ContentStore store;

    @SuppressWarnings("UnusedVariable") // never read: held so CRaC, which keeps resources weakly, runs the hooks
    private Priming priming;

    /** The production constructor, run once per execution environment (and captured by SnapStart). */
    public PagesApiHandler() {
        this(PagesWiring.fromEnvironment());
        priming = wiring.primePagesApi(this);
    }

    public PagesApiHandler(PagesWiring wiring) {
        this.wiring = wiring;
        this.store = wiring.store();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return Responses.markStale(HandlerEnvelope.run(event, LOG, ERRORS, this::dispatch), store.staleSince());
    }

    private APIGatewayProxyResponseEvent dispatch(APIGatewayProxyRequestEvent event) {
        return switch (Requests.resource(event)) {
            case "/api/pages" -> Requests.isRead(event) ? list(event) : ERRORS.methodNotAllowed("GET");
            case "/api/pages/{slug}" -> Requests.isRead(event) ? page(event) : ERRORS.methodNotAllowed("GET");
            default -> ERRORS.notFound("No such resource.");
        };
    }

    private APIGatewayProxyResponseEvent list(APIGatewayProxyRequestEvent event) {
        SiteIndex index = store.index();
        return cacheable(event, index.etag(), index.json());
    }

    private APIGatewayProxyResponseEvent page(APIGatewayProxyRequestEvent event) {
        String slug = Requests.pathParameter(event, "slug");
        Optional<Page> page = Slugs.isValid(slug) ? store.page(slug) : Optional.empty();
        if (page.isEmpty()) {
            return ERRORS.notFound("No page has that name.");
        }
        return cacheable(event, page.get().etag(), page.get().json());
    }

    private static APIGatewayProxyResponseEvent cacheable(APIGatewayProxyRequestEvent event, String etag, String body) {
        if (Requests.etagMatches(event, etag)) {
            return Responses.notModified(etag, CACHE_CONTROL);
        }
        return Responses.cacheable(Responses.json(200, body), etag, CACHE_CONTROL);
    }
}
