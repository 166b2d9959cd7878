package dev.gophersite.common.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.gophersite.common.log.JsonLog;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.HashMap;
import java.util.Map;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, run its real request path once, so classes
 * are loaded, the SDK client is warm and the JIT has compiled the hot code; a restored function then serves its
 * first request like a warm one. After restore, forget what may have changed while the snapshot was stored.
 */
public final class Priming implements Resource {
    private static final JsonLog LOG = new JsonLog("Priming");
    private final String function;
    private final Runnable prime;
    private final Runnable afterRestore;

    private Priming(String function, Runnable prime, Runnable afterRestore) {
        this.function = function;
        this.prime = prime;
        this.afterRestore = afterRestore;
    }

    /** Registers the hooks; keep the returned object referenced, CRaC holds resources weakly. */
    public static Priming register(String function, Runnable prime, Runnable afterRestore) {
        Priming priming = new Priming(function, prime, afterRestore);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * A GET of {@code resource} for priming: its one path parameter, if it has one, is {@code pathValue};
     * {@code query} may be null.
     */
    public static APIGatewayProxyRequestEvent get(String resource, String pathValue, Map<String, String> query) {
        int open = resource.indexOf('{');
        Map<String, String> params = null;
        String path = resource;
        if (open >= 0) {
            params = new HashMap<>();
            params.put(resource.substring(open + 1, resource.indexOf('}')), pathValue);
            path = resource.substring(0, open) + pathValue;
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withResource(resource).withPath(path)
                .withHeaders(Map.of("Accept", "*/*")).withPathParameters(params).withQueryStringParameters(query)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId("snapstart-priming").withPath(path).withResourcePath(resource).withHttpMethod("GET"));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        try {
            prime.run();
            LOG.info(null, "primed before snapshot", Map.of("function", function,
                    "ms", (System.nanoTime() - start) / 1_000_000));
        } catch (RuntimeException e) {
            // a failed priming only costs speed; the snapshot must still be taken
            LOG.error(null, "priming failed for " + function, e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        afterRestore.run();
    }
}
