package dev.gophersite.pages.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.FaultProxy;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.pages.handler.PagesApiHandler;
import dev.gophersite.pages.wiring.PagesWiring;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB misbehaving between the pages function and dynalite: every fault ends in a 503 with Retry-After within
 * the function's DynamoDB budget, the store is then left alone for its back-off (a second request does not reach
 * it), and the same function serves normally once the fault is gone and the back-off has passed.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoDbFaultIT {
    private static final Duration BUDGET = Duration.ofMillis(1500);
    private static final Duration BACKOFF = Duration.ofMillis(300);
    private static FaultProxy proxy;
    private static String table;

    enum Fault {
        REFUSE,
        RESET,
        LATENCY,
        GARBAGE,
        THROTTLING,
        SERVER_ERROR
    }

    @BeforeAll
    static void start(Dynalite dynalite) throws IOException {
        DynamoDbClient admin = LocalDynamo.client(dynalite.endpoint());
        table = "content-" + UUID.randomUUID();
        Tables.ensure(
                admin,
                SamTemplate.load(Repo.root().resolve("template.yaml")),
                Map.of("ContentTable", table),
                System.out::println);
        new ContentLoader(admin, table).loadDirectory(Repo.root().resolve("content"));
        proxy = new FaultProxy(dynalite.endpoint());
    }

    @AfterAll
    static void stop() {
        System.out.println("DynamoDbFaultIT: " + proxy.faultsInjected() + " faults injected");
        proxy.close();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void fault_gives_503_within_budget_backs_off_and_recovers(Fault fault) throws Exception {
        // given the production client settings, through the proxy, re-reading the pointer on every request
        DynamoDbClient client = LocalDynamo.builder(proxy.endpoint())
                .httpClient(DynamoDbClients.httpClient(BUDGET))
                .overrideConfiguration(DynamoDbClients.overrides(BUDGET))
                .build();
        StoreBackoff backoff = new StoreBackoff(
                BACKOFF, BACKOFF, System::nanoTime, Clock.systemUTC(), new JsonLog(StoreBackoff.class));
        PagesApiHandler handler = new PagesApiHandler(
                PagesWiring.of(new DynamoContentStore(client, new ContentSettings(table, Duration.ZERO), backoff)));
        assertThat(handler.handleRequest(ContentServiceContract.event("api-page-history"), null)
                        .getStatusCode())
                .isEqualTo(200);

        // when
        switch (fault) {
            case REFUSE -> proxy.refuse();
            case RESET -> proxy.reset();
            case LATENCY -> proxy.latency(BUDGET.toMillis() * 3);
            case GARBAGE -> proxy.garbage();
            case THROTTLING -> proxy.dynamoDbThrottling();
            case SERVER_ERROR ->
                proxy.httpError(
                        500,
                        "application/x-amz-json-1.0",
                        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"boom\"}");
        }
        long start = System.nanoTime();
        APIGatewayProxyResponseEvent failed;
        APIGatewayProxyResponseEvent duringBackoff;
        int faultsBefore;
        int faultsAfter;
        try {
            failed = handler.handleRequest(ContentServiceContract.event("api-pages-list"), null);
            faultsBefore = proxy.faultsInjected();
            duringBackoff = handler.handleRequest(ContentServiceContract.event("api-pages-list"), null);
            faultsAfter = proxy.faultsInjected();
        } finally {
            proxy.pass();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(failed.getStatusCode()).as(fault + " status").isEqualTo(503);
        assertThat(failed.getHeaders()).containsKey("Retry-After");
        assertThat(failed.getBody()).contains("\"code\":\"unavailable\"");
        assertThat(millis).as(fault + " answered within the budget").isLessThan(BUDGET.toMillis() + 1000);
        assertThat(duringBackoff.getStatusCode())
                .as(fault + " during the back-off")
                .isEqualTo(503);
        assertThat(duringBackoff.getHeaders()).containsKey("Retry-After");
        if (fault != Fault.REFUSE) {
            // a refused connection leaves no trace in the proxy; every other fault counts the requests it spoils
            assertThat(faultsAfter)
                    .as(fault + ": the store is not called during the back-off")
                    .isEqualTo(faultsBefore);
        }
        Thread.sleep(BACKOFF.toMillis() + 50);
        assertThat(handler.handleRequest(ContentServiceContract.event("api-pages-list"), null)
                        .getStatusCode())
                .as(fault + " recovered")
                .isEqualTo(200);
    }
}
