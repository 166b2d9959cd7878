package dev.gophersite.pages.site;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.Env;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;


/** The composition root of the pages functions: what their no-arg constructors build once per cold start. */
public final class PagesComposition {
    private PagesComposition() {
    }

    public static ContentStore contentStore() {
        return new DynamoContentStore(
                DynamoDbClients.create(Env.millis("DYNAMODB_CALL_BUDGET_MILLIS", 3000)),
                Env.tableName(),
                Env.millis("CONTENT_POINTER_TTL_MILLIS", 10_000));
    }

    /**
     * Registers SnapStart priming that sends the given GETs (pairs of resource and path parameter value) through the
     * handler before the snapshot. After a restore the store re-reads the current version, since content may have
     * been loaded in between.
     */
    public static Priming prime(String function, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                                ContentStore store, String... resourcesAndSlugs) {
        return Priming.register(function, () -> {
            for (int i = 0; i < resourcesAndSlugs.length; i += 2) {
                handler.handleRequest(Priming.get(resourcesAndSlugs[i], resourcesAndSlugs[i + 1], null), null);
            }
        }, store::forgetCurrentVersion);
    }
}
