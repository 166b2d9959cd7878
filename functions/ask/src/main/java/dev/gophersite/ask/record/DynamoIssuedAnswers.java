package dev.gophersite.ask.record;

import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.FeedbackItems;
import dev.gophersite.common.store.StoreBackoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Issued answer ids in the feedback table ({@link FeedbackItems}) with a TTL: the item a vote on that answer later
 * then updates (a conditional PutItem here, a conditional UpdateItem there, all either function's policy allows).
 * Every response gets an id of its own, a cached answer included, so one vote never stands for many people.
 */
public final class DynamoIssuedAnswers implements IssuedAnswers {
    /** Long enough to read an answer and vote on it, even after coming back to the tab the next day. */
    public static final Duration TTL = Duration.ofHours(36);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final StoreBackoff backoff;
    private final Outage outage;

    public DynamoIssuedAnswers(DynamoDbClient dynamo, String table, Clock clock, StoreBackoff backoff, JsonLog log) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.backoff = backoff;
        this.outage = new Outage(log);
    }

    @Override
    public void record(String answerId, String question) {
        if (backoff.down()) {
            // the answer goes out without its record while DynamoDB fails; a vote on it will be refused
            return;
        }
        long now = clock.instant().getEpochSecond();
        try {
            backoff.call(() -> dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            FeedbackItems.PK,
                            AttributeValue.fromS(FeedbackItems.answerKey(answerId)),
                            FeedbackItems.QUESTION,
                            AttributeValue.fromS(question),
                            "issuedAt",
                            AttributeValue.fromN(Long.toString(now)),
                            FeedbackItems.EXPIRES_AT,
                            AttributeValue.fromN(Long.toString(now + TTL.toSeconds()))))
                    .conditionExpression("attribute_not_exists(pk) OR attribute_not_exists(vote)")));
            outage.recovered("answer ids are recorded again", Map.of("table", table));
        } catch (ConditionalCheckFailedException voted) {
            // the answer already has its vote, which outlives the record
        } catch (RuntimeException e) {
            outage.failed("recording answer ids failed; votes on these answers will be refused until it recovers", e);
        }
    }
}
