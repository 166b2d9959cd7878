package dev.gophersite.common.store;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Reads the current site from the content table.
 *
 * <p>Items under a version never change, so they are cached for the life of the execution environment; only the
 * pointer is re-read, at most once per {@code pointerTtl}. A warm request therefore costs at most one GetItem,
 * usually none, and a content load becomes visible within {@code pointerTtl}.
 */
public final class DynamoContentStore implements ContentStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final long pointerTtlNanos;
    private final LongSupplier clock;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private volatile SiteIndex index;
    private volatile String version;
    private volatile long versionReadAt;
    private volatile boolean recheck;

    public DynamoContentStore(DynamoDbClient dynamo, ContentSettings settings) {
        this(dynamo, settings.table(), settings.pointerTtl(), System::nanoTime);
    }

    DynamoContentStore(DynamoDbClient dynamo, String table, Duration pointerTtl, LongSupplier clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.pointerTtlNanos = pointerTtl.toNanos();
        this.clock = clock;
    }

    @Override
    public String currentVersion() {
        long now = clock.getAsLong();
        String known = version;
        if (known != null && !recheck && now - versionReadAt < pointerTtlNanos) {
            return known;
        }
        Map<String, AttributeValue> pointer = get(ContentItems.pointerKey());
        if (pointer == null || !pointer.containsKey("version")) {
            throw new StoreException("content table " + table + " has no current site version; run the loader");
        }
        String current = pointer.get("version").s();
        if (!current.equals(known)) {
            pages.clear();
            index = null;
        }
        version = current;
        versionReadAt = now;
        recheck = false;
        return current;
    }

    @Override
    public void forgetCurrentVersion() {
        recheck = true;
    }

    @Override
    public SiteIndex index() {
        String current = currentVersion();
        SiteIndex cached = index;
        if (cached != null && cached.version().equals(current)) {
            return cached;
        }
        Map<String, AttributeValue> item = get(ContentItems.indexKey(current));
        if (item == null) {
            throw new StoreException("site version " + current + " has no page index");
        }
        SiteIndex loaded = ContentItems.index(current, item);
        index = loaded;
        return loaded;
    }

    @Override
    public Optional<Page> page(String slug) {
        String current = currentVersion();
        Page cached = pages.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        Map<String, AttributeValue> item = get(ContentItems.pageKey(current, slug));
        if (item == null) {
            return Optional.empty();
        }
        Page page = ContentItems.page(item);
        if (current.equals(version)) {
            pages.put(slug, page);
        }
        return Optional.of(page);
    }

    @Override
    public List<Page> allPages() {
        String current = currentVersion();
        List<Page> result = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :page)")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(ContentItems.versionPk(current)),
                            ":page", AttributeValue.fromS(ContentItems.PAGE_PREFIX)))
                    .consistentRead(true);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = call(() -> dynamo.query(request.build()));
            for (Map<String, AttributeValue> item : response.items()) {
                result.add(ContentItems.page(item));
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        result.sort(Comparator.comparingInt(Page::order).thenComparing(Page::slug));
        return result;
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        GetItemResponse response = call(() -> dynamo.getItem(b -> b.tableName(table).key(key)));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw DynamoErrors.translate(e);
        }
    }
}
