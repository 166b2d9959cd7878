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
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.pages.handler.PagesApiHandler;
import dev.gophersite.pages.wiring.PagesWiring;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynaliteExtension.class)
class DynaliteContentServiceIT extends ContentServiceContract {
    private final URI endpoint;

    DynaliteContentServiceIT(Dynalite dynalite) {
        endpoint = dynalite.endpoint();
    }

    @Override
    protected URI endpoint() {
        return endpoint;
    }

    @Test
    void unreachable_dynamodb_is_a_503_within_the_call_budget() throws IOException {
        // given a port nothing listens on, and the production client settings
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        DynamoDbClient dead = LocalDynamo.builder(URI.create("http://127.0.0.1:" + closed))
                .httpClient(DynamoDbClients.httpClient(Duration.ofSeconds(2)))
                .overrideConfiguration(DynamoDbClients.overrides(Duration.ofSeconds(2)))
                .build();
        PagesApiHandler handler = new PagesApiHandler(PagesWiring.of(new DynamoContentStore(
                dead,
                new ContentSettings("content", Duration.ofSeconds(10)),
                new StoreBackoff(new JsonLog(StoreBackoff.class)))));

        // when
        long start = System.nanoTime();
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("api-page-history"), null);
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(millis).isLessThan(4000);
    }
}
