package dev.gophersite.common.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * One request a function sends itself before its snapshot: a route ({@code /api/pages/{slug}}), the value of its
 * one path parameter if it has one, and query parameters. Only reads: priming must not change anything.
 */
public record PrimingRequest(String method, String resource, String pathValue, Map<String, String> query, String body) {

    public PrimingRequest {
        query = Map.copyOf(query);
    }

    public static PrimingRequest get(String resource) {
        return new PrimingRequest("GET", resource, "", Map.of(), "");
    }

    public static PrimingRequest get(String resource, String pathValue) {
        return new PrimingRequest("GET", resource, pathValue, Map.of(), "");
    }

    public static PrimingRequest get(String resource, Map<String, String> query) {
        return new PrimingRequest("GET", resource, "", query, "");
    }

    /** A POST of a JSON body that the function refuses before it writes anything. */
    public static PrimingRequest refusedPost(String resource, String json) {
        return new PrimingRequest("POST", resource, "", Map.of(), json);
    }

    /** The request as API Gateway would deliver it. */
    public APIGatewayProxyRequestEvent event() {
        int open = resource.indexOf('{');
        Map<String, String> params = null;
        String path = resource;
        if (open >= 0) {
            params = new HashMap<>();
            params.put(resource.substring(open + 1, resource.indexOf('}')), pathValue);
            path = resource.substring(0, open) + pathValue;
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "*/*");
        if (!body.isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(path)
                .withHeaders(headers)
                .withPathParameters(params)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body.isEmpty() ? null : body)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId("snapstart-priming")
                        .withPath(path)
                        .withResourcePath(resource)
                        .withHttpMethod(method));
    }
}
