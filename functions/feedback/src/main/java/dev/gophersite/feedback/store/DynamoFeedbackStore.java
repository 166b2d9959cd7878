package dev.gophersite.feedback.store;

import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.feedback.Feedback;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** One PutItem per vote, expiring through the table's TTL attribute {@code expiresAt}. */
public final class DynamoFeedbackStore implements FeedbackStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;
    private final Clock clock;

    public DynamoFeedbackStore(DynamoDbClient dynamo, String table, Duration ttl, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public String save(Feedback feedback) {
        String id = UUID.randomUUID().toString();
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("FB#" + id));
        item.put("answerId", AttributeValue.fromS(feedback.answerId()));
        item.put("question", AttributeValue.fromS(feedback.question()));
        item.put("vote", AttributeValue.fromS(feedback.vote()));
        if (feedback.comment() != null) {
            item.put("comment", AttributeValue.fromS(feedback.comment()));
        }
        item.put("createdAt", AttributeValue.fromN(Long.toString(now)));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now + ttl.toSeconds())));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (SdkException e) {
            throw DynamoContentStore.translate(e);
        }
        return id;
    }
}
