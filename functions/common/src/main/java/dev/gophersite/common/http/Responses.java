package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds API Gateway proxy responses with the headers every response of the site carries. */
public final class Responses {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    /** No inline script or style anywhere on the site, so the policy can forbid them outright. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** HTTPS only, for a year; browsers ignore it over the dev server's plain HTTP. */
    public static final String HSTS = "max-age=31536000; includeSubDomains";
    /** The site uses none of the browser's powerful features, so no page, or anything framed into it, may. */
    public static final String PERMISSIONS =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " + "display-capture=(), fullscreen=()";

    /**
     * On a response built from content the store could not confirm as current (it is failing): when that began.
     * The content is the last version this function read; it may have been replaced since.
     */
    public static final String STALE_HEADER = "X-Content-Stale";

    private Responses() {}

    /** Says on {@code response} that it was built from stale content, when it was; errors of ours say nothing. */
    public static APIGatewayProxyResponseEvent markStale(
            APIGatewayProxyResponseEvent response, Optional<Instant> staleSince) {
        if (staleSince.isPresent() && response.getStatusCode() != null && response.getStatusCode() < 500) {
            response.getHeaders().put(STALE_HEADER, staleSince.get().toString());
        }
        return response;
    }

    public static APIGatewayProxyResponseEvent json(int status, String body) {
        return response(status, JSON, body);
    }

    public static APIGatewayProxyResponseEvent html(int status, String body) {
        APIGatewayProxyResponseEvent response = response(status, HTML, body);
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Strict-Transport-Security", HSTS);
        response.getHeaders().put("Permissions-Policy", PERMISSIONS);
        return response;
    }

    public static APIGatewayProxyResponseEvent response(int status, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body);
    }

    public static APIGatewayProxyResponseEvent notModified(String etag, String cacheControl) {
        APIGatewayProxyResponseEvent response = response(304, JSON, "");
        response.getHeaders().remove("Content-Type");
        return cacheable(response, etag, cacheControl);
    }

    /** {@code {"error":{"code","message"}}}; the message is ours, never an exception's text or raw input. */
    public static APIGatewayProxyResponseEvent error(int status, String code, String message) {
        return noStore(json(
                status, "{\"error\":{\"code\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}}"));
    }

    /** For answers computed per request (questions, searches, errors), which no cache may keep. */
    public static APIGatewayProxyResponseEvent noStore(APIGatewayProxyResponseEvent response) {
        response.getHeaders().put("Cache-Control", "no-store");
        return response;
    }

    /** For content identified by {@code etag}, which caches may keep as {@code cacheControl} says. */
    public static APIGatewayProxyResponseEvent cacheable(
            APIGatewayProxyResponseEvent response, String etag, String cacheControl) {
        response.getHeaders().put("ETag", etag);
        response.getHeaders().put("Cache-Control", cacheControl);
        return response;
    }
}
