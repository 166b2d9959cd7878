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
import dev.gophersite.common.store.StoreUnavailableException;
import dev.gophersite.pages.site.Assets;
import dev.gophersite.pages.site.PageRenderer;
import dev.gophersite.pages.site.PagesComposition;

import java.util.Optional;

/** The HTML site: {@code GET /}, {@code GET /{slug}} and {@code GET /assets/{file}}. Works with JavaScript off. */
public final class SiteHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final String HOME = "home";
    private static final String PAGE_CACHE = "public, max-age=60, stale-while-revalidate=300";
    private static final String ASSET_CACHE = "public, max-age=300";
    private static final JsonLog LOG = new JsonLog("SiteHandler");
    private final ContentStore store;
    private final Assets assets;
    private Priming priming;

    public SiteHandler() {
        this(PagesComposition.contentStore(), new Assets());
        priming = PagesComposition.prime("SiteFunction", this, store,
                "/", "", "/{slug}", "essentials", "/assets/{file}", "site.css");
    }

    public SiteHandler(ContentStore store, Assets assets) {
        this.store = store;
        this.assets = assets;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (!"GET".equals(event.getHttpMethod()) && !"HEAD".equals(event.getHttpMethod())) {
            return Responses.error(405, "method_not_allowed", "Only GET is supported here.");
        }
        String resource = event.getResource() == null ? "" : event.getResource();
        if (resource.startsWith("/assets/")) {
            return asset(event, Requests.pathParameter(event, "file"));
        }
        String slug = resource.equals("/") ? HOME : Requests.pathParameter(event, "slug");
        String base = Requests.basePath(event);
        if (HOME.equals(slug) && !resource.equals("/")) {
            APIGatewayProxyResponseEvent redirect = Responses.response(301, Responses.HTML, "");
            redirect.getHeaders().put("Location", base + "/");
            return redirect;
        }
        try {
            SiteIndex index = store.index();
            Optional<Page> page = Slugs.isValid(slug) ? store.page(slug) : Optional.empty();
            if (page.isEmpty()) {
                APIGatewayProxyResponseEvent notFound = Responses.html(404, PageRenderer.notFound(base, index));
                notFound.getHeaders().put("Cache-Control", "no-store");
                return notFound;
            }
            // the page's hash alone is not enough: navigation comes from the index, which changes with the version
            String etag = "\"" + page.get().hash() + "-" + index.version() + "\"";
            if (Requests.etagMatches(event, etag)) {
                return Responses.notModified(etag, PAGE_CACHE);
            }
            APIGatewayProxyResponseEvent response = Responses.html(200, PageRenderer.page(base, index, page.get()));
            response.getHeaders().put("ETag", etag);
            response.getHeaders().put("Cache-Control", PAGE_CACHE);
            return response;
        } catch (StoreException e) {
            LOG.error(Requests.requestId(event), "content store failed", e);
            APIGatewayProxyResponseEvent failure = Responses.html(e instanceof StoreUnavailableException ? 503 : 500,
                    PageRenderer.unavailable());
            failure.getHeaders().put("Cache-Control", "no-store");
            if (e instanceof StoreUnavailableException unavailable) {
                failure.getHeaders().put("Retry-After", Integer.toString(unavailable.retryAfterSeconds()));
            }
            return failure;
        } catch (RuntimeException e) {
            // a Lambda function error would reach the client as API Gateway's plain 502
            LOG.error(Requests.requestId(event), "unexpected failure", e);
            APIGatewayProxyResponseEvent failure = Responses.html(500, PageRenderer.unavailable());
            failure.getHeaders().put("Cache-Control", "no-store");
            return failure;
        }
    }

    private APIGatewayProxyResponseEvent asset(APIGatewayProxyRequestEvent event, String file) {
        Optional<Assets.Asset> asset = assets.find(file);
        if (asset.isEmpty()) {
            return Responses.error(404, "not_found", "No such asset.");
        }
        if (Requests.etagMatches(event, asset.get().etag())) {
            return Responses.notModified(asset.get().etag(), ASSET_CACHE);
        }
        APIGatewayProxyResponseEvent response = Responses.response(200, asset.get().contentType(), asset.get().body());
        response.getHeaders().put("ETag", asset.get().etag());
        response.getHeaders().put("Cache-Control", ASSET_CACHE);
        return response;
    }
}
