package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.StoreException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every handler does around its dispatch: binds the request id for the logs, and turns a failing store or an
 * unexpected exception into the function's own error response. A Lambda function error would reach the client
 * as API Gateway's bare 502.
 */
public final class HandlerEnvelope {
    private HandlerEnvelope() {}

    public static APIGatewayProxyResponseEvent run(
            APIGatewayProxyRequestEvent event,
            JsonLog log,
            ErrorFormat errors,
            Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> dispatch) {
        return run(event, log, errors, failure -> {}, dispatch);
    }

    /** @param storeFailed told of each store failure, after it is logged (for metrics) */
    public static APIGatewayProxyResponseEvent run(
            APIGatewayProxyRequestEvent event,
            JsonLog log,
            ErrorFormat errors,
            Consumer<StoreException> storeFailed,
            Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> dispatch) {
        return JsonLog.inRequest(Requests.requestId(event), () -> {
            try {
                return dispatch.apply(event);
            } catch (StoreException e) {
                log.error("content store failed", e);
                storeFailed.accept(e);
                return errors.storeFailure(e);
            } catch (RuntimeException e) {
                log.error("unexpected failure", e);
                return errors.unexpected();
            }
        });
    }
}
