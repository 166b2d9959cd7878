package dev.gophersite.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.local.TestSites;
import dev.gophersite.local.template.FunctionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsTest {
    private static final String HANDLER = "dev.gophersite.local.testfn.TestHandler::handleRequest";

    @TempDir
    static Path dir;

    static Path jar;

    @BeforeAll
    static void buildJar() throws Exception {
        jar = dir.resolve(TestSites.JAR);
        TestSites.buildJar(jar);
    }

    @Test
    void handler_is_built_after_its_environment_is_set_and_runs_with_its_own_context_class_loader() {
        // given
        FunctionSpec spec = spec("EchoFunction", HANDLER, 5, Map.of("TABLE_NAME", "local-table", "GREETING", "hi"));

        // when
        Map<String, String> echo;
        try (Functions functions = Functions.start(List.of(spec), 1, Duration.ofSeconds(1))) {
            echo = echo(functions.invoke("EchoFunction", event("/", null), "req-1"));
        }

        // then
        assertThat(echo)
                .containsEntry("tableAtInit", "local-table")
                .containsEntry("env.GREETING", "hi")
                .containsEntry("contextLoaderIsOwn", "true")
                .containsEntry("context.functionName", "EchoFunction")
                .containsEntry("context.requestId", "req-1")
                .containsEntry("context.memory", "256")
                .containsEntry("context.remainingPositive", "true");
    }

    @Test
    void every_execution_environment_loads_its_own_copy_of_the_function() throws Exception {
        // given
        FunctionSpec spec = spec("EchoFunction", HANDLER, 5, Map.of());

        // when
        ExecutionEnvironment first =
                ExecutionEnvironment.start(spec, 1, getClass().getClassLoader());
        ExecutionEnvironment second =
                ExecutionEnvironment.start(spec, 2, getClass().getClassLoader());
        Map<String, String> one = echo(first.invoke(event("/", null), "a"));
        Map<String, String> two = echo(second.invoke(event("/", null), "b"));
        first.discard();
        second.discard();

        // then
        assertThat(one.get("loader")).isNotEqualTo(two.get("loader"));
        assertThat(one).containsEntry("init", "1");
        assertThat(two).containsEntry("init", "1");
    }

    @Test
    void handler_exception_is_a_function_error_without_its_message_and_the_environment_is_reused() {
        // given
        FunctionSpec spec = spec("EchoFunction", HANDLER, 5, Map.of());

        try (Functions functions = Functions.start(List.of(spec), 1, Duration.ofSeconds(1))) {
            String before = echo(functions.invoke("EchoFunction", event("/", null), "a"))
                    .get("loader");

            // when
            Outcome failed = functions.invoke("EchoFunction", event("/fail", null), "b");

            // then
            assertThat(failed)
                    .isInstanceOfSatisfying(
                            Outcome.FunctionError.class,
                            error -> assertThat(error.message())
                                    .contains("EchoFunction failed with java.lang.IllegalStateException")
                                    .doesNotContain("secret detail"));
            assertThat(echo(functions.invoke("EchoFunction", event("/", null), "c"))
                            .get("loader"))
                    .isEqualTo(before);
        }
    }

    @Test
    void invocation_past_the_timeout_discards_its_environment() {
        // given
        FunctionSpec spec = spec("SlowFunction", HANDLER, 1, Map.of());

        try (Functions functions = Functions.start(List.of(spec), 1, Duration.ofSeconds(1))) {
            String before = echo(functions.invoke("SlowFunction", event("/", null), "a"))
                    .get("loader");

            // when
            long started = System.nanoTime();
            Outcome outcome = functions.invoke("SlowFunction", event("/sleep", Map.of("ms", "8000")), "b");
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            // then
            assertThat(outcome).isEqualTo(new Outcome.Timeout(Duration.ofSeconds(1)));
            assertThat(tookMillis).isBetween(900L, 6000L);
            assertThat(echo(functions.invoke("SlowFunction", event("/", null), "c"))
                            .get("loader"))
                    .isNotEqualTo(before);
        }
    }

    @Test
    void requests_beyond_the_pool_wait_then_are_throttled() {
        // given
        FunctionSpec spec = spec("SlowFunction", HANDLER, 5, Map.of());

        try (Functions functions = Functions.start(List.of(spec), 1, Duration.ofMillis(200))) {
            CompletableFuture<Outcome> busy = CompletableFuture.supplyAsync(
                    () -> functions.invoke("SlowFunction", event("/sleep", Map.of("ms", "1000")), "a"));
            sleep(300);

            // when
            Outcome second = functions.invoke("SlowFunction", event("/", null), "b");

            // then
            assertThat(second).isInstanceOf(Outcome.Throttled.class);
            assertThat(busy.join()).isInstanceOf(Outcome.Response.class);
            assertThat(functions.environments("SlowFunction")).isEqualTo(1);
        }
    }

    @Test
    void stream_handler_gets_the_event_as_json_and_its_output_is_read_as_the_response() {
        // given
        FunctionSpec spec =
                spec("StreamFunction", "dev.gophersite.local.testfn.StreamHandler::handleRequest", 5, Map.of());
        APIGatewayProxyRequestEvent event =
                event("/stream", null).withHttpMethod("POST").withBody("ping");

        // when
        Outcome outcome;
        try (Functions functions = Functions.start(List.of(spec), 1, Duration.ofSeconds(1))) {
            outcome = functions.invoke("StreamFunction", event, "a");
        }

        // then
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Response.class, r -> {
            assertThat(r.event().getStatusCode()).isEqualTo(201);
            assertThat(r.event().getHeaders()).containsEntry("X-Mode", "stream");
            assertThat(r.event().getBody()).isEqualTo("hasHttpMethod=true hasBody=true");
        });
    }

    private static FunctionSpec spec(String id, String handler, int timeoutSeconds, Map<String, String> env) {
        return new FunctionSpec(id, handler, jar, Duration.ofSeconds(timeoutSeconds), 256, env, List.of());
    }

    private static APIGatewayProxyRequestEvent event(String resource, Map<String, String> query) {
        return new APIGatewayProxyRequestEvent()
                .withResource(resource)
                .withPath(resource)
                .withHttpMethod("GET")
                .withQueryStringParameters(query)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("event-id"));
    }

    private static Map<String, String> echo(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Response.class);
        APIGatewayProxyResponseEvent response = ((Outcome.Response) outcome).event();
        assertThat(response.getStatusCode()).isEqualTo(200);
        return TestSites.echo(response.getBody());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
