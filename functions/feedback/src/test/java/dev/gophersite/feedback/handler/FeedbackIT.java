package dev.gophersite.feedback.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.dynalite.Repo;
import dev.gophersite.feedback.store.DynamoFeedbackStore;
import dev.gophersite.infra.SamTemplate;
import dev.gophersite.infra.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DynaliteExtension.class)
class FeedbackIT {

    @Test
    void stores_votes_with_an_expiry_and_nothing_for_bad_input(Dynalite dynalite) {
        // given
        DynamoDbClient dynamo = LocalDynamo.client(dynalite.endpoint());
        String table = "feedback-" + UUID.randomUUID();
        Tables.ensure(dynamo, SamTemplate.load(Repo.root().resolve("template.yaml")), Map.of("FeedbackTable", table),
                System.out::println);
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        FeedbackHandler handler = new FeedbackHandler(new DynamoFeedbackStore(dynamo, table, Duration.ofDays(90), clock));
        APIGatewayProxyRequestEvent bad = FeedbackHandlerTest.event();
        bad.setBody("{\"vote\":\"up\"}");

        // when
        APIGatewayProxyResponseEvent stored = handler.handleRequest(FeedbackHandlerTest.event(), null);
        APIGatewayProxyResponseEvent rejected = handler.handleRequest(bad, null);

        // then
        assertThat(stored.getStatusCode()).isEqualTo(201);
        assertThat(rejected.getStatusCode()).isEqualTo(400);
        List<Map<String, AttributeValue>> items = dynamo.scan(b -> b.tableName(table)).items();
        assertThat(items).hasSize(1);
        Map<String, AttributeValue> item = items.getFirst();
        assertThat(item.get("vote").s()).isEqualTo("up");
        assertThat(item.get("question").s()).isEqualTo("What is a goroutine?");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(Instant.parse("2026-11-29T12:00:00Z").plus(Duration.ofDays(90)).getEpochSecond());
    }
}
