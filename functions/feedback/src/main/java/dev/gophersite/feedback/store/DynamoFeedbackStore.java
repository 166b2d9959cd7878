package dev.gophersite.feedback.store;

import dev.gophersite.common.store.DynamoErrors;
import dev.gophersite.common.store.FeedbackItems;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.feedback.Feedback;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One conditional UpdateItem per vote, onto the item the ask function wrote when it gave the answer
 * ({@link FeedbackItems}), which keeps the question stored there; the vote then expires through the table's TTL
 * attribute.
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
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":vote", AttributeValue.fromS(feedback.vote()));
        values.put(":votedAt", AttributeValue.fromN(Long.toString(now)));
        values.put(":expiresAt", AttributeValue.fromN(Long.toString(now + ttl.toSeconds())));
        String update = "SET vote = :vote, votedAt = :votedAt, " + FeedbackItems.EXPIRES_AT + " = :expiresAt";
        if (feedback.comment().isPresent()) {
            values.put(":comment", AttributeValue.fromS(feedback.comment().get()));
            update += ", #comment = :comment";
        } else {
            // a new vote replaces the earlier one whole, its comment included
            update += " REMOVE #comment";
        }
        String expression = update;
        try {
            backoff.call(() -> dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(FeedbackItems.PK, AttributeValue.fromS(FeedbackItems.answerKey(feedback.answerId()))))
                    .updateExpression(expression)
                    .expressionAttributeNames(Map.of("#comment", "comment"))
                    .expressionAttributeValues(values)
                    .conditionExpression("attribute_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException unknown) {
            return false;
        } catch (SdkException e) {
            throw DynamoErrors.translate(e);
        }
    }
}
