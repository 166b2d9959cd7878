package dev.gophersite.feedback.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.FeedbackItems;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.feedback.store.DynamoFeedbackStore;
import dev.gophersite.feedback.wiring.FeedbackWiring;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
class FeedbackIT {

    @Test
    void a_vote_lands_on_the_answer_the_site_gave_replaces_an_earlier_vote_and_keeps_the_question_asked(
            Dynalite dynalite) {
        // given a table holding one answer the ask function gave, as it records them, with its question
        DynamoDbClient dynamo = LocalDynamo.client(dynalite.endpoint());
        String table = "feedback-" + UUID.randomUUID();
        Tables.ensure(
                dynamo,
                SamTemplate.load(Repo.root().resolve("template.yaml")),
                Map.of("FeedbackTable", table),
                System.out::println);
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        FeedbackItems.PK,
                        AttributeValue.fromS(FeedbackItems.answerKey("a1b2c3d4e5f6")),
                        FeedbackItems.QUESTION,
                        AttributeValue.fromS("How do goroutines start?"),
                        "issuedAt",
                        AttributeValue.fromN("1795000000"),
                        FeedbackItems.EXPIRES_AT,
                        AttributeValue.fromN("1795129600"))));
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        FeedbackHandler handler = new FeedbackHandler(new FeedbackWiring(new DynamoFeedbackStore(
                dynamo, table, Duration.ofDays(90), clock, new StoreBackoff(new JsonLog(StoreBackoff.class)))));
        APIGatewayProxyRequestEvent changed = FeedbackHandlerTest.event();
        changed.setBody(changed.getBody().replace("\"up\"", "\"down\"").replace(",\"comment\":\"clear\"", ""));
        APIGatewayProxyRequestEvent unknown = FeedbackHandlerTest.event();
        unknown.setBody(unknown.getBody().replace("a1b2c3d4e5f6", "neverGiven0001"));
        APIGatewayProxyRequestEvent bad = FeedbackHandlerTest.event();
        bad.setBody("{\"vote\":\"up\"}");

        // when
        APIGatewayProxyResponseEvent first = handler.handleRequest(FeedbackHandlerTest.event(), null);
        APIGatewayProxyResponseEvent second = handler.handleRequest(changed, null);
        APIGatewayProxyResponseEvent refused = handler.handleRequest(unknown, null);
        APIGatewayProxyResponseEvent rejected = handler.handleRequest(bad, null);

        // then
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(refused.getStatusCode()).isEqualTo(404);
        assertThat(rejected.getStatusCode()).isEqualTo(400);
        List<Map<String, AttributeValue>> items =
                dynamo.scan(b -> b.tableName(table)).items();
        assertThat(items).hasSize(1);
        Map<String, AttributeValue> item = items.getFirst();
        assertThat(item.get("vote").s()).isEqualTo("down");
        // the client sent "What is a goroutine?"; the question of record is the one the site answered
        assertThat(item.get("question").s()).isEqualTo("How do goroutines start?");
        assertThat(item).doesNotContainKey("comment");
        assertThat(item).containsKey("issuedAt");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(Instant.parse("2026-11-29T12:00:00Z")
                        .plus(Duration.ofDays(90))
                        .getEpochSecond());
    }
}
