package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads API Gateway proxy events the way API Gateway fills them (nullable maps, any header case, base64 bodies). */
public final class Requests {
    private Requests() {
    }

    public static String header(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public static String pathParameter(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> params = event.getPathParameters();
        return params == null ? null : params.get(name);
    }

    public static String queryParameter(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    /** The body's bytes, decoding base64 when API Gateway marked it so; empty when there is no body. */
    public static byte[] bodyBytes(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static String requestId(APIGatewayProxyRequestEvent event) {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /** Media type without parameters, lower case; {@code ""} when absent. */
    public static String mediaType(APIGatewayProxyRequestEvent event) {
        String value = header(event, "Content-Type");
        if (value == null) {
            return "";
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The path prefix the API is served under: {@code /prod} on an execute-api URL (the stage), empty on a custom
     * domain or the dev server. Links in HTML are built on it so they work in both.
     */
    public static String basePath(APIGatewayProxyRequestEvent event) {
        String path = event.getPath();
        String full = event.getRequestContext() == null ? null : event.getRequestContext().getPath();
        if (path == null || full == null || full.equals(path)) {
            return "";
        }
        if (full.endsWith(path)) {
            return full.substring(0, full.length() - path.length());
        }
        if (path.equals("/") && full.endsWith("/")) {
            return full.substring(0, full.length() - 1);
        }
        return "";
    }

    /** True when an If-None-Match header names the given entity tag (or {@code *}); weak tags compare equal. */
    public static boolean etagMatches(APIGatewayProxyRequestEvent event, String etag) {
        String header = header(event, "If-None-Match");
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
