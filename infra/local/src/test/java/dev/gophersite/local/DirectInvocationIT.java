package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.local.http.ProxyEvents;
import dev.gophersite.local.http.RouteTable;
import dev.gophersite.project.Repo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request through the dev server gets exactly what the handler returns when it is called directly with the
 * same event: same status, same headers (besides those the HTTP layer adds), same body bytes.
 */
class DirectInvocationIT {
    private static final Set<String> ADDED_BY_HTTP = Set.of("date", "content-length", "x-amzn-requestid");
    static LocalSite site;
    static RouteTable routes;
    static Map<String, String> handlers = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        site = LocalSite.start(new LocalSettings(
                Repo.root().resolve("template.yaml"),
                Repo.root().resolve("content"),
                0,
                Optional.empty(),
                Map.of(),
                1,
                false,
                false));
        routes = new RouteTable(
                site.functionSpecs().stream().flatMap(f -> f.routes().stream()).toList());
        site.functionSpecs().forEach(f -> handlers.put(f.logicalId(), f.handlerClass()));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET | /api/pages                |",
                "GET | /api/pages/why-go         |",
                "GET | /api/pages/why-go         | If-None-Match",
                "GET | /api/pages/No_Such        |",
                "GET | /                         |",
                "GET | /why-go                   |",
                "GET | /assets/widget.js         |",
            })
    void server_response_equals_the_handler_response_for_the_same_event(String method, String path, String revalidate)
            throws Exception {
        // given
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", List.of("127.0.0.1:" + site.port()));
        if (revalidate != null) {
            headers.put("If-None-Match", List.of(etagOf(path)));
        }
        RouteTable.Found found = (RouteTable.Found) routes.match(method, path);
        APIGatewayProxyRequestEvent event = ProxyEvents.toEvent(
                new ProxyEvents.Request(method, path, null, headers, new byte[0], "127.0.0.1", "HTTP/1.1"),
                method,
                found.route().path(),
                found.pathParameters(),
                "direct-request",
                Instant.now());

        // when
        APIGatewayProxyResponseEvent direct =
                handler(found.route().functionId()).handleRequest(event, context());
        HttpResponse<byte[]> served = send(method, path, headers);

        // then
        ProxyEvents.Response expected = ProxyEvents.toHttp(direct);
        assertThat(served.statusCode()).isEqualTo(expected.status());
        assertThat(served.body()).isEqualTo(expected.body());
        assertThat(withoutHttpHeaders(served.headers().map())).isEqualTo(lowerCaseNames(expected.headers()));
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler(String functionId)
            throws ReflectiveOperationException {
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(handlers.get(functionId))
                        .asSubclass(RequestHandler.class)
                        .getConstructor()
                        .newInstance();
    }

    private static String etagOf(String path) throws Exception {
        return send("GET", path, Map.of()).headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<byte[]> send(String method, String path, Map<String, List<String>> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static Map<String, List<String>> withoutHttpHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = lowerCaseNames(headers);
        ADDED_BY_HTTP.forEach(kept::remove);
        return kept;
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
        return lower;
    }

    private static Context context() {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return "direct-request";
            }

            @Override
            public String getLogGroupName() {
                return "direct";
            }

            @Override
            public String getLogStreamName() {
                return "direct";
            }

            @Override
            public String getFunctionName() {
                return "direct";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "direct";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 10_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        System.out.println(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }
}
