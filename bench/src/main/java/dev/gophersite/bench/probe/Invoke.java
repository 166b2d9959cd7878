package dev.gophersite.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the Lambda runtime does, in a fresh JVM next to one function jar: load the handler class, construct it
 * (the function's init), invoke it with an API Gateway event.
 *
 * <pre>
 * cold  HANDLER METHOD PATH RESOURCE [name=value] [{json body}]   one invocation, then "ready status=…"
 * warm  N HANDLER METHOD PATH RESOURCE [name=value] [{json body}] N timed invocations after the first, as one JSON line
 * </pre>
 * With {@code -Dbench.settle.ms=M}, warm keeps invoking, untimed, for M ms first: the ask function adds the
 * meaning of its index in the background after its first request, and the warm figures are for the settled state.
 */
public final class Invoke {
    private Invoke() {}

    public static void main(String[] args) throws Exception {
        boolean warm = args[0].equals("warm");
        int runs = warm ? Integer.parseInt(args[1]) : 1;
        String[] spec = Arrays.copyOfRange(args, warm ? 2 : 1, args.length);
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = handler(spec[0]);
        APIGatewayProxyResponseEvent first = handler.handleRequest(event(spec), null);
        if (!warm) {
            readyAndHalt(first.getStatusCode());
        }
        long settleUntil = System.nanoTime() + Long.getLong("bench.settle.ms", 0) * 1_000_000;
        while (System.nanoTime() < settleUntil) {
            handler.handleRequest(event(spec), null);
        }
        Timings timings = time(handler, spec, runs);
        long[] nanos = timings.sortedNanos();
        System.out.println("{\"runs\":" + runs + ",\"errors\":" + timings.errors() + ",\"p50_ms\":" + ms(nanos, 0.50)
                + ",\"p90_ms\":" + ms(nanos, 0.90) + ",\"p99_ms\":" + ms(nanos, 0.99) + ",\"max_ms\":" + ms(nanos, 1.0)
                + ",\"last_status\":" + lastStatus(handler, spec) + "}");
    }

    /** Per invocation, sorted, and how many answered 5xx. */
    record Timings(long[] sortedNanos, int errors) {}

    /** {@code runs} timed invocations, each with a fresh event (its request id differs). */
    static Timings time(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            String[] spec,
            int runs) {
        long[] nanos = new long[runs];
        int errors = 0;
        for (int i = 0; i < runs; i++) {
            APIGatewayProxyRequestEvent event = event(spec);
            long start = System.nanoTime();
            APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
            nanos[i] = System.nanoTime() - start;
            if (response.getStatusCode() >= 500) {
                errors++;
            }
        }
        Arrays.sort(nanos);
        return new Timings(nanos, errors);
    }

    /** The line the bench times a cold start to; then the JVM ends at once, as a frozen Lambda would. */
    static void readyAndHalt(int status) {
        System.out.println("ready status=" + status);
        System.out.flush();
        Runtime.getRuntime().halt(status < 500 ? 0 : 1);
    }

    private static int lastStatus(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, String[] spec) {
        return handler.handleRequest(event(spec), null).getStatusCode();
    }

    static String ms(long[] sorted, double q) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return String.format(java.util.Locale.ROOT, "%.3f", sorted[Math.max(0, index)] / 1e6);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler(String type)
            throws ReflectiveOperationException {
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) Class.forName(type)
                .asSubclass(RequestHandler.class)
                .getConstructor()
                .newInstance();
    }

    static APIGatewayProxyRequestEvent event(String[] spec) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "*/*");
        headers.put("Host", "abc123.execute-api.us-east-1.amazonaws.com");
        headers.put("User-Agent", "Mozilla/5.0 (bench)");
        headers.put("X-Forwarded-Proto", "https");
        Map<String, String> params = null;
        Map<String, String> query = null;
        String body = null;
        for (int i = 4; i < spec.length; i++) {
            String arg = spec[i];
            int eq = arg.indexOf('=');
            if (arg.startsWith("{")) {
                body = arg;
                headers.put("Content-Type", "application/json");
            } else if (arg.startsWith("?") && eq > 0) {
                query = query == null ? new HashMap<>() : query;
                query.put(arg.substring(1, eq), arg.substring(eq + 1));
            } else if (eq > 0) {
                params = params == null ? new HashMap<>() : params;
                params.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId("bench-" + System.nanoTime())
                .withStage("prod")
                .withHttpMethod(spec[1])
                .withResourcePath(spec[3])
                .withPath("/prod" + spec[2]);
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(spec[1])
                .withPath(spec[2])
                .withResource(spec[3])
                .withHeaders(headers)
                .withPathParameters(params)
                .withQueryStringParameters(query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context);
    }
}
