package dev.gophersite.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP request → the API Gateway REST proxy event the real API would send, and the function's proxy response
 * → HTTP. The details follow API Gateway: maps are {@code null} when empty, single-value maps keep the last
 * value, query values are decoded, a response's {@code headers} and {@code multiValueHeaders} are merged.
 */
public final class ProxyEvents {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final List<String> BINARY_TYPES = List.of(
            "image/",
            "audio/",
            "video/",
            "font/",
            "application/octet-stream",
            "application/zip",
            "application/gzip",
            "application/pdf",
            "application/x-protobuf");

    /** An HTTP request as the server read it; header names in any case. */
    public record Request(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            String sourceIp,
            String protocol) {}

    /** An HTTP response to write. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {}

    /** The function's response is not something API Gateway would accept ("Malformed Lambda proxy response"). */
    public static final class MalformedResponseException extends Exception {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    private ProxyEvents() {}

    /**
     * @param httpMethod the method the route is declared for (GET for a HEAD request served by a GET route)
     * @throws IllegalArgumentException if the query string is not valid percent-encoding
     */
    public static APIGatewayProxyRequestEvent toEvent(
            Request request,
            String httpMethod,
            String resource,
            Map<String, String> pathParameters,
            String requestId,
            Instant now) {
        return toEvent(request, Optional.empty(), httpMethod, resource, pathParameters, requestId, now);
    }

    /**
     * @param stage the stage the request came in under; {@code request.rawPath()} is the path without it, as
     *              the event's {@code path}, while {@code requestContext.path} keeps it, as on API Gateway
     */
    public static APIGatewayProxyRequestEvent toEvent(
            Request request,
            Optional<String> stage,
            String httpMethod,
            String resource,
            Map<String, String> pathParameters,
            String requestId,
            Instant now) {
        String path = RouteTable.decodePathSegment(request.rawPath());
        String contextPath = stage.map(name -> "/" + name + path).orElse(path);
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        request.headers()
                .forEach((name, values) -> multiHeaders
                        .computeIfAbsent(canonical(name), k -> new ArrayList<>())
                        .addAll(values));
        String forwardedFor = last(multiHeaders.get("X-Forwarded-For"));
        multiHeaders.put(
                "X-Forwarded-For",
                List.of(forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp()));
        multiHeaders.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        String host = last(multiHeaders.get("Host"));
        if (host != null && host.lastIndexOf(':') > host.lastIndexOf(']')) {
            multiHeaders.putIfAbsent("X-Forwarded-Port", List.of(host.substring(host.lastIndexOf(':') + 1)));
        }

        Map<String, List<String>> multiQuery = query(request.rawQuery());

        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(request.sourceIp());
        identity.setUserAgent(last(multiHeaders.get("User-Agent")));
        ProxyRequestContext context = new ProxyRequestContext()
                .withAccountId("000000000000")
                .withApiId("local")
                .withResourceId("local")
                .withStage(stage.orElse("local"))
                .withRequestId(requestId)
                .withExtendedRequestId(requestId)
                .withHttpMethod(httpMethod)
                .withResourcePath(resource)
                .withPath(contextPath)
                .withProtocol(request.protocol())
                .withDomainName(host)
                .withRequestTime(REQUEST_TIME.format(now))
                .withRequestTimeEpoch(now.toEpochMilli())
                .withIdentity(identity);

        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(resource)
                .withPath(path)
                .withHttpMethod(httpMethod)
                .withHeaders(lastValues(multiHeaders))
                .withMultiValueHeaders(multiHeaders.isEmpty() ? null : multiHeaders)
                .withQueryStringParameters(lastValues(multiQuery))
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withRequestContext(context)
                .withIsBase64Encoded(false);
        byte[] body = request.body();
        if (body != null && body.length > 0) {
            String text = textOf(last(multiHeaders.get("Content-Type")), body);
            if (text != null) {
                event.setBody(text);
            } else {
                event.setBody(Base64.getEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
        }
        return event;
    }

    public static Response toHttp(APIGatewayProxyResponseEvent event) throws MalformedResponseException {
        if (event == null) {
            throw new MalformedResponseException("the handler returned null");
        }
        Integer status = event.getStatusCode();
        if (status == null || status < 100 || status > 599) {
            throw new MalformedResponseException("statusCode is " + status);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) {
                    values.forEach(value -> addHeader(headers, names, name, value, false));
                }
            });
        }
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> addHeader(headers, names, name, value, true));
        }
        String body = event.getBody() == null ? "" : event.getBody();
        byte[] bytes;
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new MalformedResponseException("isBase64Encoded is true but the body is not base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        return new Response(status, headers, bytes);
    }

    /** Header names as browsers write them ({@code content-type} → {@code Content-Type}). */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    /** API Gateway drops a single-value header that repeats one given in multiValueHeaders. */
    private static void addHeader(
            Map<String, List<String>> headers,
            Map<String, String> names,
            String name,
            String value,
            boolean skipDuplicate) {
        if (name == null || value == null) {
            return;
        }
        String key = names.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
        List<String> values = headers.computeIfAbsent(key, k -> new ArrayList<>());
        if (!skipDuplicate || !values.contains(value)) {
            values.add(value);
        }
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        if (multi.isEmpty()) {
            return null;
        }
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, last(values)));
        return single;
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    /** The body as text, or {@code null} when it is binary: a binary media type, or bytes that are not UTF-8. */
    private static String textOf(String contentType, byte[] body) {
        String type =
                contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        if (BINARY_TYPES.stream().anyMatch(type::startsWith)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
