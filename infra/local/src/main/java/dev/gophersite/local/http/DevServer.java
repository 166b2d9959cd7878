package dev.gophersite.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gophersite.local.Log;
import dev.gophersite.local.runtime.Functions;
import dev.gophersite.local.runtime.Outcome;
import dev.gophersite.local.runtime.ProxyJson;
import dev.gophersite.local.template.RequestModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local API Gateway: routes from the template, proxy events to the functions, and API Gateway's own
 * answers when no function is reached. Unlike API Gateway, which answers 403 "Missing Authentication Token"
 * both for an unknown path and for a known path with the wrong method, this answers 404 and 405, which say
 * what is wrong. With a stage, it serves under {@code /<stage>/} as an execute-api URL does: the function's event
 * has the path without the stage and {@code requestContext.path} with it.
 */
public final class DevServer implements AutoCloseable {
    /** Lambda's synchronous payload limit. */
    public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final Functions functions;
    private final boolean logRequests;
    private final Optional<String> stage;
    private final BodyValidator validator = new BodyValidator();

    private DevServer(
            HttpServer server,
            ExecutorService executor,
            RouteTable routes,
            Functions functions,
            boolean logRequests,
            Optional<String> stage) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.functions = functions;
        this.logRequests = logRequests;
        this.stage = stage;
    }

    public static DevServer start(
            InetSocketAddress address, RouteTable routes, Functions functions, boolean logRequests) throws IOException {
        return start(address, routes, functions, logRequests, Optional.empty());
    }

    /** @param stage serve under {@code /<stage>/}, as the execute-api URL of that stage does */
    public static DevServer start(
            InetSocketAddress address,
            RouteTable routes,
            Functions functions,
            boolean logRequests,
            Optional<String> stage)
            throws IOException {
        // Without TCP_NODELAY a response larger than the server's 8 KB buffer goes out in two writes, and Nagle's
        // algorithm holds the second until the client's delayed ACK: 40 ms on every larger page. Read once, when
        // the JDK's server configuration class loads, hence before the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(address, 512);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        DevServer devServer = new DevServer(server, executor, routes, functions, logRequests, stage);
        server.createContext("/", devServer::handle);
        server.setExecutor(executor);
        server.start();
        return devServer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String requestId = requestId();
        String method = exchange.getRequestMethod();
        String fullPath = exchange.getRequestURI().getRawPath();
        String target = "-";
        ProxyEvents.Response response;
        boolean head = method.equals("HEAD");
        try (exchange) {
            Optional<String> routed = withoutStage(fullPath);
            RouteTable.Match match = routed.isEmpty() ? new RouteTable.NotFound() : routes.match(method, routed.get());
            response = routed.isEmpty()
                    ? new ProxyEvents.Response(
                            403,
                            multi(Map.of("Content-Type", JSON)),
                            "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8))
                    : switch (match) {
                        case RouteTable.NotFound ignored ->
                            error(404, "not_found", "No route in template.yaml matches this path.");
                        case RouteTable.BadPath ignored ->
                            error(400, "bad_request", "The path is not valid percent-encoding.");
                        case RouteTable.MethodNotAllowed m ->
                            withHeader(
                                    error(
                                            405,
                                            "method_not_allowed",
                                            "This path does not accept this method; see Allow."),
                                    "Allow",
                                    String.join(", ", m.allowed()));
                        case RouteTable.Preflight p -> new ProxyEvents.Response(200, multi(p.headers()), new byte[0]);
                        case RouteTable.Found found -> {
                            target = found.route().functionId();
                            yield invoke(exchange, found, routed.get(), requestId);
                        }
                    };
            send(exchange, withHeader(response, "x-amzn-RequestId", requestId), head);
            if (logRequests) {
                long micros = (System.nanoTime() - started) / 1000;
                Log.info(method + " " + fullPath + " " + response.status() + " " + micros / 1000 + "."
                        + micros % 1000 / 100 + " ms " + target);
            }
        } catch (IOException e) {
            // the client went away; nothing left to answer
        }
    }

    /** The path the routes see: without the stage; empty for a path outside the stage. */
    private Optional<String> withoutStage(String rawPath) {
        if (stage.isEmpty()) {
            return Optional.of(rawPath);
        }
        String prefix = "/" + stage.get();
        if (rawPath.equals(prefix)) {
            return Optional.of("/");
        }
        return rawPath.startsWith(prefix + "/") ? Optional.of(rawPath.substring(prefix.length())) : Optional.empty();
    }

    private ProxyEvents.Response invoke(HttpExchange exchange, RouteTable.Found found, String rawPath, String requestId)
            throws IOException {
        Optional<byte[]> body = readBody(exchange);
        if (body.isEmpty()) {
            return error(413, "payload_too_large", "The request body is over Lambda's 6 MB payload limit.");
        }
        Optional<ProxyEvents.Response> refused =
                validate(exchange, found.route().requestModel(), body.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        URI uri = exchange.getRequestURI();
        APIGatewayProxyRequestEvent event;
        try {
            event = ProxyEvents.toEvent(
                    new ProxyEvents.Request(
                            exchange.getRequestMethod(),
                            rawPath,
                            uri.getRawQuery(),
                            exchange.getRequestHeaders(),
                            body.get(),
                            exchange.getRemoteAddress().getAddress().getHostAddress(),
                            exchange.getProtocol()),
                    stage,
                    found.head() ? "GET" : exchange.getRequestMethod(),
                    found.route().path(),
                    found.pathParameters(),
                    requestId,
                    Instant.now());
        } catch (IllegalArgumentException e) {
            return error(400, "bad_request", "The query string is not valid percent-encoding.");
        }
        String function = found.route().functionId();
        return switch (functions.invoke(function, event, requestId)) {
            case Outcome.Response r -> {
                try {
                    yield ProxyEvents.toHttp(r.event());
                } catch (ProxyEvents.MalformedResponseException e) {
                    Log.warn("[" + function + "] malformed proxy response to " + requestId + ": " + e.getMessage());
                    yield error(
                            502,
                            "function_error",
                            function + " returned a malformed proxy response: " + e.getMessage() + ".");
                }
            }
            case Outcome.FunctionError f -> error(502, "function_error", f.message());
            case Outcome.Timeout t ->
                error(
                        504,
                        "timeout",
                        function + " did not answer within its " + t.limit().toSeconds() + " s Timeout.");
            case Outcome.Throttled t ->
                withHeader(
                        error(
                                429,
                                "too_many_requests",
                                "Every execution environment of " + function + " stayed busy for "
                                        + t.waited().toMillis() + " ms."),
                        "Retry-After",
                        "1");
        };
    }

    /** The body, or empty when it is over the limit (told by Content-Length, or found while reading). */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && parseLength(declared) > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(body);
        }
    }

    /** API Gateway's answer to a body its request model refuses; the reason goes to the log, as to CloudWatch. */
    private Optional<ProxyEvents.Response> validate(HttpExchange exchange, Optional<RequestModel> model, byte[] body) {
        if (model.isEmpty()) {
            return Optional.empty();
        }
        // the value the function is given (the last, as in the event's headers), so validation and delivery agree
        List<String> contentTypes = exchange.getRequestHeaders().getOrDefault("Content-Type", List.of());
        Optional<String> problem =
                validator.problem(model.get(), contentTypes.isEmpty() ? null : contentTypes.getLast(), body);
        problem.ifPresent(reason -> Log.warn(exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getRawPath() + " refused, as API Gateway would: " + reason));
        return problem.map(reason -> new ProxyEvents.Response(
                model.get().invalidStatus(),
                multi(Map.of("Content-Type", JSON)),
                model.get().invalidBody().getBytes(StandardCharsets.UTF_8)));
    }

    private static void send(HttpExchange exchange, ProxyEvents.Response response, boolean head) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> {
            // the server frames the body itself, as API Gateway does
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                headers.put(name, values);
            }
        });
        int status = response.status();
        boolean noBody = head || status == 204 || status == 304 || response.body().length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    static ProxyEvents.Response error(int status, String code, String message) {
        ObjectNode body = ProxyJson.MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return new ProxyEvents.Response(
                status,
                multi(Map.of("Content-Type", JSON, "Cache-Control", "no-store")),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ProxyEvents.Response withHeader(ProxyEvents.Response response, String name, String value) {
        response.headers().put(name, List.of(value));
        return response;
    }

    private static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        single.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }

    /** A random (version 4) UUID without the shared SecureRandom, which serializes busy servers. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
