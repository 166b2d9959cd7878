package dev.gophersite.pages.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.content.Slugs;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.pages.site.PagesComposition;

import java.util.Map;
import java.util.Optional;

/** {@code GET /api/pages} and {@code GET /api/pages/{slug}}: stored JSON bodies with ETags. */
public final class PagesApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
    private static final JsonLog LOG = new JsonLog("PagesApiHandler");
    private final ContentStore store;
    private Priming priming;

    public PagesApiHandler() {
        this(PagesComposition.contentStore());
        priming = PagesComposition.prime("PagesApiFunction", this, store,
                "/api/pages", "", "/api/pages/{slug}", "home", "/api/pages/{slug}", "history");
    }

    public PagesApiHandler(ContentStore store) {
        this.store = store;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String requestId = Requests.requestId(event);
        if (!"GET".equals(event.getHttpMethod()) && !"HEAD".equals(event.getHttpMethod())) {
            return Responses.error(405, "method_not_allowed", "Only GET is supported here.");
        }
        String slug = Requests.pathParameter(event, "slug");
        try {
            if (slug == null) {
                SiteIndex index = store.index();
                return cacheable(event, index.etag(), index.json());
            }
            if (!Slugs.isValid(slug)) {
                return Responses.error(404, "not_found", "No page has that name.");
            }
            Optional<Page> page = store.page(slug);
            if (page.isEmpty()) {
                return Responses.error(404, "not_found", "No page has that name.");
            }
            return cacheable(event, page.get().etag(), page.get().json());
        } catch (StoreException e) {
            LOG.error(requestId, "content store failed", e);
            return Responses.storeFailure(e);
        } catch (RuntimeException e) {
            // a Lambda function error would reach the client as API Gateway's plain 502
            LOG.error(requestId, "unexpected failure", e);
            return Responses.error(500, "internal", "Something went wrong; the error was logged.");
        }
    }

    private static APIGatewayProxyResponseEvent cacheable(APIGatewayProxyRequestEvent event, String etag, String body) {
        if (Requests.etagMatches(event, etag)) {
            return Responses.notModified(etag, CACHE_CONTROL);
        }
        APIGatewayProxyResponseEvent response = Responses.json(200, body);
        Map<String, String> headers = response.getHeaders();
        headers.put("ETag", etag);
        headers.put("Cache-Control", CACHE_CONTROL);
        return response;
    }
}
