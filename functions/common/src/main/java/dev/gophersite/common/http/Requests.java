package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Reads API Gateway proxy events the way API Gateway fills them (nullable maps, any header case, base64 bodies). */
public final class Requests {
    private static final Pattern BASE_PATH = Pattern.compile("/[A-Za-z0-9_-]+");
    /** The path prefix a proxy in front serves the site under, {@code /} for its root (the edge sets it). */
    public static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";

    private Requests() {}

    /**
     * A header's value, by case-insensitive name: from {@code headers}, where API Gateway puts the last value of a
     * repeated header, or from {@code multiValueHeaders} when an event carries only those.
     */
    public static String header(APIGatewayProxyRequestEvent event, String name) {
        String single = find(event.getHeaders(), name);
        if (single != null) {
            return single;
        }
        List<String> values = headerValues(event, name);
        return values.isEmpty() ? null : values.getLast();
    }

    /** Every value the request sent for a header, in order ({@code multiValueHeaders}, else {@code headers}). */
    public static List<String> headerValues(APIGatewayProxyRequestEvent event, String name) {
        List<String> multi = find(event.getMultiValueHeaders(), name);
        if (multi != null) {
            return multi.stream().filter(Objects::nonNull).toList();
        }
        String single = find(event.getHeaders(), name);
        return single == null ? List.of() : List.of(single);
    }

    private static <V> V find(Map<String, V> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, V> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The route the event came in on ({@code /api/pages/{slug}}), which handlers dispatch on; never null. */
    public static String resource(APIGatewayProxyRequestEvent event) {
        String resource = event.getResource() != null ? event.getResource() : event.getPath();
        return resource == null ? "" : resource;
    }

    /** The HTTP method in upper case; never null. */
    public static String method(APIGatewayProxyRequestEvent event) {
        return event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT);
    }

    /** GET, and HEAD, which API Gateway hands to a GET route's function. */
    public static boolean isRead(APIGatewayProxyRequestEvent event) {
        String method = method(event);
        return method.equals("GET") || method.equals("HEAD");
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
        return event.getRequestContext() == null
                ? null
                : event.getRequestContext().getRequestId();
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
     * domain or the dev server. Links in HTML are built on it so they work in both. Only one plain segment is
     * trusted as a prefix: anything else ({@code //evil.example}, dots, encoded characters) would make every link
     * and redirect point elsewhere, so it gives the empty prefix instead.
     *
     * <p>Behind the edge the request reaches the stage too, but the viewer is at the distribution's root: CloudFront
     * says so with {@value #FORWARDED_PREFIX} ({@code /}), which it sets on every origin request over any value a
     * viewer sent. A viewer calling the API directly with that header only rebases its own links, within the same
     * rule of one plain segment.
     */
    public static String basePath(APIGatewayProxyRequestEvent event) {
        String forwarded = header(event, FORWARDED_PREFIX);
        if (forwarded != null) {
            String prefix = forwarded.strip();
            prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (prefix.isEmpty() || BASE_PATH.matcher(prefix).matches()) {
                return prefix;
            }
        }
        String path = event.getPath();
        String full = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getPath();
        if (path == null || full == null || full.equals(path)) {
            return "";
        }
        String prefix;
        if (full.endsWith(path)) {
            prefix = full.substring(0, full.length() - path.length());
        } else if (path.equals("/") && !full.endsWith("/")) {
            prefix = full;
        } else {
            return "";
        }
        if (path.equals("/") && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return BASE_PATH.matcher(prefix).matches() ? prefix : "";
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
