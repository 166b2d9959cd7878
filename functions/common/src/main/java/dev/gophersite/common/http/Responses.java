package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.store.StoreException;
import dev.gophersite.common.store.StoreUnavailableException;

import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway proxy responses with the headers every response of the site carries. */
public final class Responses {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    /** No inline script or style anywhere on the site, so the policy can forbid them outright. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private Responses() {
    }

    public static APIGatewayProxyResponseEvent json(int status, String body) {
        return response(status, JSON, body);
    }

    public static APIGatewayProxyResponseEvent html(int status, String body) {
        APIGatewayProxyResponseEvent response = response(status, HTML, body);
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Frame-Options", "DENY");
        return response;
    }

    public static APIGatewayProxyResponseEvent response(int status, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(body);
    }

    public static APIGatewayProxyResponseEvent notModified(String etag, String cacheControl) {
        APIGatewayProxyResponseEvent response = response(304, JSON, "");
        response.getHeaders().remove("Content-Type");
        response.getHeaders().put("ETag", etag);
        response.getHeaders().put("Cache-Control", cacheControl);
        return response;
    }

    /** {@code {"error":{"code","message"}}}; the message is ours, never an exception's text or raw input. */
    public static APIGatewayProxyResponseEvent error(int status, String code, String message) {
        APIGatewayProxyResponseEvent response = json(status,
                "{\"error\":{\"code\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}}");
        response.getHeaders().put("Cache-Control", "no-store");
        return response;
    }

    public static APIGatewayProxyResponseEvent storeFailure(StoreException e) {
        if (e instanceof StoreUnavailableException unavailable) {
            APIGatewayProxyResponseEvent response = error(503, "unavailable",
                    "The content store is busy or unreachable; retry shortly.");
            response.getHeaders().put("Retry-After", Integer.toString(unavailable.retryAfterSeconds()));
            return response;
        }
        return error(500, "internal", "The content store failed; the error was logged.");
    }

    public static Map<String, String> copyHeaders(APIGatewayProxyResponseEvent response) {
        return response.getHeaders() == null ? new HashMap<>() : new HashMap<>(response.getHeaders());
    }
}
