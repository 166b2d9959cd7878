package dev.gophersite.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.Env;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function for the dev server's tests, run from a jar built by the tests. The echo answer lists what the
 * handler saw, one {@code key=value} per line, so tests can check the event, the environment and the context.
 */
public class TestHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final AtomicInteger INITS = new AtomicInteger();
    private final int init = INITS.incrementAndGet();
    private final String tableAtInit = Env.get("TABLE_NAME");

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String resource = event.getResource();
        switch (resource) {
            case "/sleep" -> {
                try {
                    Thread.sleep(Long.parseLong(event.getQueryStringParameters().get("ms")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return text(200, "slept");
            }
            case "/fail" -> throw new IllegalStateException("secret detail from the handler");
            case "/binary" -> {
                return new APIGatewayProxyResponseEvent()
                        .withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                        .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}))
                        .withIsBase64Encoded(true);
            }
            case "/malformed" -> {
                return new APIGatewayProxyResponseEvent().withBody("no status");
            }
            default -> {
                context.getLogger().log("echo " + event.getPath());
                return echo(event, context);
            }
        }
    }

    private APIGatewayProxyResponseEvent echo(APIGatewayProxyRequestEvent event, Context context) {
        StringBuilder out = new StringBuilder();
        line(out, "resource", event.getResource());
        line(out, "path", event.getPath());
        line(out, "httpMethod", event.getHttpMethod());
        line(out, "body", event.getBody());
        line(out, "isBase64Encoded", event.getIsBase64Encoded());
        line(out, "queryIsNull", event.getQueryStringParameters() == null);
        map(out, "pathParameter.", event.getPathParameters());
        map(out, "query.", event.getQueryStringParameters());
        if (event.getMultiValueQueryStringParameters() != null) {
            event.getMultiValueQueryStringParameters()
                    .forEach((k, v) -> line(out, "multiQuery." + k, String.join(",", v)));
        }
        map(out, "header.", event.getHeaders());
        line(out, "requestContext.requestId", event.getRequestContext().getRequestId());
        line(out, "requestContext.stage", event.getRequestContext().getStage());
        line(out, "context.requestId", context.getAwsRequestId());
        line(out, "context.functionName", context.getFunctionName());
        line(out, "context.memory", context.getMemoryLimitInMB());
        line(out, "context.remainingPositive", context.getRemainingTimeInMillis() > 0);
        line(out, "env.TABLE_NAME", Env.get("TABLE_NAME"));
        line(out, "env.GREETING", Env.get("GREETING"));
        line(out, "env.CONTENT_POINTER_TTL_MILLIS", Env.get("CONTENT_POINTER_TTL_MILLIS"));
        line(out, "tableAtInit", tableAtInit);
        line(out, "init", init);
        line(out, "loader", System.identityHashCode(TestHandler.class.getClassLoader()));
        line(
                out,
                "contextLoaderIsOwn",
                Thread.currentThread().getContextClassLoader() == TestHandler.class.getClassLoader());
        APIGatewayProxyResponseEvent response = text(200, out.toString());
        response.setMultiValueHeaders(Map.of("X-Multi", List.of("a", "b")));
        return response;
    }

    private static APIGatewayProxyResponseEvent text(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8"))
                .withBody(body);
    }

    private static void map(StringBuilder out, String prefix, Map<String, String> values) {
        if (values != null) {
            new TreeMap<>(values).forEach((k, v) -> line(out, prefix + k, v));
        }
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append('=').append(value).append('\n');
    }
}
