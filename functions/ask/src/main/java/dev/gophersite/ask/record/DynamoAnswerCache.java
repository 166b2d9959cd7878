package dev.gophersite.ask.record;

import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.StoreBackoff;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The answer cache in DynamoDB, with GetItem and PutItem only (all the function's policy allows). Items carry
 * {@code expiresAt} (epoch seconds) for DynamoDB's TTL; since TTL deletion can lag by hours, an expired item is
 * also treated as a miss when read. Any failure, including an item it cannot read, is a miss; while DynamoDB is
 * failing ({@link StoreBackoff#down()}) the cache is not called at all, neither read nor written.
 */
public final class DynamoAnswerCache implements AnswerCache {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;
    private final Clock clock;
    private final StoreBackoff backoff;
    private final Outage outage;

    public DynamoAnswerCache(
            DynamoDbClient dynamo, String table, Duration ttl, Clock clock, StoreBackoff backoff, JsonLog log) {
        this.dynamo = dynamo;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
        this.backoff = backoff;
        this.outage = new Outage(log);
    }

    @Override
    public Optional<CachedAnswer> get(String key) {
        if (backoff.down()) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> item = backoff.call(() ->
                            dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(key)))))
                    .item();
            recovered();
            if (item == null
                    || item.isEmpty()
                    || !item.containsKey("expiresAt")
                    || Long.parseLong(item.get("expiresAt").n())
                            <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(fromItem(item));
        } catch (RuntimeException e) {
            failed("read", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, CachedAnswer answer) {
        if (backoff.down()) {
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(key));
        item.put("answer", AttributeValue.fromS(answer.answer()));
        item.put("model", AttributeValue.fromS(answer.model()));
        item.put(
                "sources",
                AttributeValue.fromL(answer.sources().stream()
                        .map(DynamoAnswerCache::sourceItem)
                        .toList()));
        item.put("createdAt", AttributeValue.fromS(clock.instant().toString()));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(clock.instant().plus(ttl).getEpochSecond())));
        try {
            backoff.call(() -> dynamo.putItem(b -> b.tableName(table).item(item)));
            recovered();
        } catch (RuntimeException e) {
            failed("write", e);
        }
    }

    private static AttributeValue sourceItem(Source s) {
        return AttributeValue.fromM(Map.of(
                "slug",
                AttributeValue.fromS(s.slug()),
                "title",
                AttributeValue.fromS(s.title()),
                "section",
                AttributeValue.fromS(s.section()),
                "url",
                AttributeValue.fromS(s.url()),
                "text",
                AttributeValue.fromS(s.text()),
                "score",
                AttributeValue.fromN(Double.toString(s.score()))));
    }

    private static CachedAnswer fromItem(Map<String, AttributeValue> item) {
        List<Source> sources = new ArrayList<>();
        for (AttributeValue value : item.get("sources").l()) {
            Map<String, AttributeValue> m = value.m();
            sources.add(new Source(
                    m.get("slug").s(),
                    m.get("title").s(),
                    m.get("section").s(),
                    m.get("url").s(),
                    m.get("text").s(),
                    Double.parseDouble(m.get("score").n())));
        }
        return new CachedAnswer(
                item.get("answer").s(), sources, item.get("model").s());
    }

    private void recovered() {
        outage.recovered("answer cache works again", Map.of("table", table));
    }

    private void failed(String operation, Exception e) {
        outage.failed("answer cache " + operation + " failed; answering without the cache until it recovers", e);
    }
}
