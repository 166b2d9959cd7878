package dev.gophersite.common.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.log.JsonLog;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, run its real request path once, so classes
 * are loaded, the SDK client is warm and the JIT has compiled the hot code; a restored function then serves its
 * first request like a warm one. After restore, forget what may have changed while the snapshot was stored.
 */
public final class Priming implements Resource {
    private static final JsonLog LOG = new JsonLog(Priming.class);
    private final String function;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;
    private final List<PrimingRequest> requests;
    private final Runnable prepare;
    private final Runnable afterRestore;

    private Priming(
            String function,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            List<PrimingRequest> requests,
            Runnable prepare,
            Runnable afterRestore) {
        this.function = function;
        this.handler = handler;
        this.requests = List.copyOf(requests);
        this.prepare = prepare;
        this.afterRestore = afterRestore;
    }

    /** Registers the hooks; keep the returned object referenced, CRaC holds resources weakly. */
    public static Priming register(
            String function,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            List<PrimingRequest> requests,
            Runnable afterRestore) {
        return register(function, handler, requests, () -> {}, afterRestore);
    }

    /** @param prepare runs before the requests: work the function does in the background otherwise */
    public static Priming register(
            String function,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            List<PrimingRequest> requests,
            Runnable prepare,
            Runnable afterRestore) {
        Priming priming = new Priming(function, handler, requests, prepare, afterRestore);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The requests, sent through the handler as before a snapshot; public so a test can prove they succeed. */
    public void prime() {
        prepare.run();
        for (PrimingRequest request : requests) {
            handler.handleRequest(request.event(), null);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        try {
            prime();
            LOG.info(
                    "primed before snapshot",
                    Map.of("function", function, "ms", (System.nanoTime() - start) / 1_000_000));
        } catch (RuntimeException e) {
            // a failed priming only costs speed; the snapshot must still be taken
            LOG.error("priming failed for " + function, e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        afterRestore.run();
    }
}
