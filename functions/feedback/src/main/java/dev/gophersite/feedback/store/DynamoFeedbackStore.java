package dev.gophersite.feedback.store;

import dev.gophersite.common.store.DynamoErrors;
import dev.gophersite.common.store.FeedbackItems;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.feedback.Feedback;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One conditional PutItem per vote, onto the item the ask function wrote when it gave the answer
 * ({@link FeedbackItems}); the vote then expires through the table's TTL attribute.
 */
public final class DynamoFeedbackStore implements FeedbackStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;
    private final Clock clock;
    private final StoreBackoff backoff;

    public DynamoFeedbackStore(DynamoDbClient dynamo, String table, Duration ttl, Clock clock, StoreBackoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
        this.backoff = backoff;
    }

    @Override
    public boolean vote(Feedback feedback) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(FeedbackItems.PK, AttributeValue.fromS(FeedbackItems.answerKey(feedback.answerId())));
        item.put("question", AttributeValue.fromS(feedback.question()));
        item.put("vote", AttributeValue.fromS(feedback.vote()));
        feedback.comment().ifPresent(comment -> item.put("comment", AttributeValue.fromS(comment)));
        item.put("votedAt", AttributeValue.fromN(Long.toString(now)));
        item.put(FeedbackItems.EXPIRES_AT, AttributeValue.fromN(Long.toString(now + ttl.toSeconds())));
        try {
            backoff.call(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException unknown) {
            return false;
        } catch (SdkException e) {
            throw DynamoErrors.translate(e);
        }
    }
}
