package dev.gophersite.local.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gophersite.local.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code EDGE=1}: an {@link Edge} served over HTTP in front of the dev server, as CloudFront stands in front of
 * the API's stage. Each response says how it was answered in {@code X-Cache}, as CloudFront's do.
 */
public final class EdgeProxy implements AutoCloseable {
    /** Headers the origin's connection owns, which the edge does not pass on. */
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date");

    private static final Duration ORIGIN_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Edge edge;
    private final Clock clock;

    private EdgeProxy(HttpServer server, ExecutorService executor, Edge edge, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.edge = edge;
        this.clock = clock;
    }

    /** @param origin the stage's root, without the origin path (the config adds it) */
    public static EdgeProxy start(InetSocketAddress address, EdgeConfig config, URI origin, Clock clock)
            throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Edge edge = new Edge(config, request -> fetch(client, origin, request), executor::execute);
        HttpServer server = HttpServer.create(address, 512);
        EdgeProxy proxy = new EdgeProxy(server, executor, edge, clock);
        server.createContext("/", proxy::handle);
        server.setExecutor(executor);
        server.start();
        return proxy;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Edge edge() {
        return edge;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getLast()));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            Edge.Request request = new Edge.Request(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    headers,
                    body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            Edge.Result result;
            try {
                result = edge.handle(request, clock.millis());
            } catch (UncheckedIOException e) {
                result = new Edge.Result(
                        new EdgeCache.Response(
                                502,
                                Map.of("Content-Type", List.of("text/plain")),
                                "The origin did not answer.".getBytes(StandardCharsets.UTF_8)),
                        Edge.Outcome.PASS);
            }
            EdgeCache.Response response = result.response();
            response.headers().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.getResponseHeaders().set("X-Cache", result.outcome().xCache());
            boolean empty = exchange.getRequestMethod().equals("HEAD")
                    || response.status() == 304
                    || response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            // the viewer went away
        }
    }

    /** The origin's answer to a request the edge sends; a failure is an {@link UncheckedIOException}. */
    public static EdgeCache.Response fetch(HttpClient client, URI origin, Edge.OriginRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(origin.resolve(request.pathAndQuery()))
                .timeout(ORIGIN_TIMEOUT)
                .method(
                        request.method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::setHeader);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new EdgeCache.Response(
                    response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            Log.warn("edge: origin request failed: " + e.getMessage());
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
