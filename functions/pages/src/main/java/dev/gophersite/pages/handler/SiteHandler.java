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
import dev.gophersite.pages.site.Assets;
import dev.gophersite.pages.site.PageRenderer;
import dev.gophersite.pages.wiring.PagesWiring;
import java.util.Optional;

/** The HTML site: {@code GET /}, {@code GET /{slug}} and {@code GET /assets/{file}}. Works with JavaScript off. */
public final class SiteHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final String HOME = "home";
    /** The home page's one address does not change; a day is short enough to move it if it ever must. */
    private static final String REDIRECT_CACHE = "public, max-age=86400";

    private static final JsonLog LOG = new JsonLog(SiteHandler.class);
    /** Browsers show what an HTML route answers, errors included, so those are pages too. */
    private static final ErrorFormat ERRORS = PageRenderer::error;

    private final PagesWiring wiring;
    private final ContentStore store;
    private final Assets assets;

    @SuppressWarnings("UnusedVariable") // never read: held so CRaC, which keeps resources weakly, runs the hooks
    private Priming priming;

    /** The production constructor, run once per execution environment (and captured by SnapStart). */
    public SiteHandler() {
        this(PagesWiring.fromEnvironment());
        priming = wiring.primeSite(this);
    }

    public SiteHandler(PagesWiring wiring) {
        this.wiring = wiring;
        this.store = wiring.store();
        this.assets = wiring.assets();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return Responses.markStale(HandlerEnvelope.run(event, LOG, ERRORS, this::dispatch), store.staleSince());
    }

    private APIGatewayProxyResponseEvent dispatch(APIGatewayProxyRequestEvent event) {
        if (!Requests.isRead(event)) {
            return ERRORS.methodNotAllowed("GET");
        }
        return switch (Requests.resource(event)) {
            case "/" -> page(event, HOME);
            case "/{slug}" -> {
                String slug = Requests.pathParameter(event, "slug");
                // the home page has one address, the site's root
                yield HOME.equals(slug) ? redirectHome(event) : page(event, slug);
            }
            case "/assets/{file}" -> asset(event, Requests.pathParameter(event, "file"));
            default -> ERRORS.notFound("No such page.");
        };
    }

    private APIGatewayProxyResponseEvent page(APIGatewayProxyRequestEvent event, String slug) {
        String base = Requests.basePath(event);
        SiteIndex index = store.index();
        Optional<Page> page = Slugs.isValid(slug) ? store.page(slug) : Optional.empty();
        if (page.isEmpty()) {
            return Responses.noStore(Responses.html(404, PageRenderer.notFound(base, index)));
        }
        // the page's hash alone is not enough: navigation comes from the index, which changes with the version, and
        // every link carries the stage base, so the same page at /prod/ and at the root are two representations
        String etag = "\"" + page.get().hash() + "-" + index.version() + base + "\"";
        if (Requests.etagMatches(event, etag)) {
            return Responses.notModified(etag, CacheHeaders.PAGE);
        }
        return Responses.cacheable(
                Responses.html(200, PageRenderer.page(base, index, page.get())), etag, CacheHeaders.PAGE);
    }

    private static APIGatewayProxyResponseEvent redirectHome(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent redirect = Responses.response(301, Responses.HTML, "");
        redirect.getHeaders().put("Location", Requests.basePath(event) + "/");
        redirect.getHeaders().put("Cache-Control", REDIRECT_CACHE);
        return redirect;
    }

    private APIGatewayProxyResponseEvent asset(APIGatewayProxyRequestEvent event, String file) {
        Optional<Assets.Asset> asset = assets.find(file);
        if (asset.isEmpty()) {
            return ERRORS.notFound("No such asset.");
        }
        // an old hash (a page rendered before the file changed) gets today's file, but only for as long as a plain
        // name: kept for a year, it would stay wrong for that old name if a rollback brought the old file back
        String cache = asset.get().current() ? CacheHeaders.IMMUTABLE : CacheHeaders.ASSET;
        if (Requests.etagMatches(event, asset.get().etag())) {
            return Responses.notModified(asset.get().etag(), cache);
        }
        return Responses.cacheable(
                Responses.response(200, asset.get().contentType(), asset.get().body()),
                asset.get().etag(),
                cache);
    }
}
