package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.common.store.StoreUnavailableException;

/**
 * How a function answers what it refuses or fails at: the API functions in the JSON error envelope, the HTML
 * site as pages. Every error response is uncacheable and never carries an exception's text or raw input.
 */
@FunctionalInterface
public interface ErrorFormat {
    ErrorFormat JSON = Responses::error;

    APIGatewayProxyResponseEvent error(int status, String code, String message);

    default APIGatewayProxyResponseEvent notFound(String message) {
        return error(404, "not_found", message);
    }

    default APIGatewayProxyResponseEvent methodNotAllowed(String allowed) {
        APIGatewayProxyResponseEvent response = error(405, "method_not_allowed", "Use " + allowed + ".");
        response.getHeaders().put("Allow", allowed);
        return response;
    }

    /** 503 with Retry-After when retrying shortly will help, else 500. */
    default APIGatewayProxyResponseEvent storeFailure(StoreException e) {
        if (e instanceof StoreUnavailableException unavailable) {
            APIGatewayProxyResponseEvent response =
                    error(503, "unavailable", "The content store is busy or unreachable; retry shortly.");
            response.getHeaders().put("Retry-After", Integer.toString(unavailable.retryAfterSeconds()));
            return response;
        }
        return error(500, "internal", "The content store failed; the error was logged.");
    }

    default APIGatewayProxyResponseEvent unexpected() {
        return error(500, "internal", "Something went wrong; the error was logged.");
    }
}
