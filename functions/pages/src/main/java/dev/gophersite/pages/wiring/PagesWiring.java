package dev.gophersite.pages.wiring;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.snapstart.PrimingRequest;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.pages.site.Assets;
import java.util.List;

/**
 * The composition root of PagesApiFunction and SiteFunction (one jar, two handlers): what a handler's no-arg
 * constructor builds once per execution environment, and what each primes before a SnapStart snapshot.
 */
public record PagesWiring(ContentStore store, Assets assets) {
    static final List<PrimingRequest> PAGES_API_PRIMING = List.of(
            PrimingRequest.get("/api/pages"),
            PrimingRequest.get("/api/pages/{slug}", "home"),
            PrimingRequest.get("/api/pages/{slug}", "history"));
    static final List<PrimingRequest> SITE_PRIMING = List.of(
            PrimingRequest.get("/"),
            PrimingRequest.get("/{slug}", "essentials"),
            PrimingRequest.get("/assets/{file}", "site.css"));

    public static PagesWiring fromEnvironment() {
        PagesSettings settings = PagesSettings.fromEnv();
        return of(new DynamoContentStore(
                DynamoDbClients.create(settings.dynamo()),
                settings.content(),
                new StoreBackoff(new JsonLog(StoreBackoff.class))));
    }

    public static PagesWiring of(ContentStore store) {
        return new PagesWiring(store, new Assets());
    }

    public Priming primePagesApi(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return Priming.register("PagesApiFunction", handler, PAGES_API_PRIMING, store::forgetCurrentVersion);
    }

    public Priming primeSite(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return Priming.register("SiteFunction", handler, SITE_PRIMING, store::forgetCurrentVersion);
    }
}
