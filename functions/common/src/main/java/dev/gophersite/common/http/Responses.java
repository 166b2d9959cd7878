package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

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
        return cacheable(response, etag, cacheControl);
    }

    /** {@code {"error":{"code","message"}}}; the message is ours, never an exception's text or raw input. */
    public static APIGatewayProxyResponseEvent error(int status, String code, String message) {
        return noStore(json(status,
                "{\"error\":{\"code\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}}"));
    }

    /** For answers computed per request (questions, searches, errors), which no cache may keep. */
    public static APIGatewayProxyResponseEvent noStore(APIGatewayProxyResponseEvent response) {
        response.getHeaders().put("Cache-Control", "no-store");
        return response;
    }

    /** For content identified by {@code etag}, which caches may keep as {@code cacheControl} says. */
    public static APIGatewayProxyResponseEvent cacheable(APIGatewayProxyResponseEvent response, String etag,
                                                         String cacheControl) {
        response.getHeaders().put("ETag", etag);
        response.getHeaders().put("Cache-Control", cacheControl);
        return response;
    }
}
