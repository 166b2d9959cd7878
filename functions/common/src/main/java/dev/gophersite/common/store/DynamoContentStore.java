package dev.gophersite.common.store;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the current site from the content table.
 *
 * <p>Items under a version never change, so they are cached for the life of the execution environment; only the
 * pointer is re-read, at most once per {@code pointerTtl}. A warm request therefore costs at most one GetItem,
 * usually none, and a content load becomes visible within {@code pointerTtl}.
 *
 * <p>When DynamoDB fails ({@link StoreBackoff}), the version already known keeps serving, with its cached index and
 * pages, and {@link #staleSince()} says so; once the back-off has passed, the pointer is re-read off the request
 * path, so that no request for content already read waits for a store that does not answer.
 */
public final class DynamoContentStore implements ContentStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final long pointerTtlNanos;
    private final LongSupplier clock;
    private final StoreBackoff backoff;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile SiteIndex index;
    private volatile String version;
    private volatile long versionReadAt;
    private volatile boolean recheck;
    private volatile Instant staleSince;

    public DynamoContentStore(DynamoDbClient dynamo, ContentSettings settings, StoreBackoff backoff) {
        this(dynamo, settings.table(), settings.pointerTtl(), System::nanoTime, backoff);
    }

    DynamoContentStore(
            DynamoDbClient dynamo, String table, Duration pointerTtl, LongSupplier clock, StoreBackoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.pointerTtlNanos = pointerTtl.toNanos();
        this.clock = clock;
        this.backoff = backoff;
    }

    @Override
    public String currentVersion() {
        long now = clock.getAsLong();
        String known = version;
        if (known != null && !recheck && now - versionReadAt < pointerTtlNanos) {
            return known;
        }
        if (known != null && backoff.down()) {
            // marked stale before the re-read starts, so a re-read that ends first is not undone by the mark
            String served = stale(known);
            refreshInBackground();
            return served;
        }
        try {
            return readPointer(now);
        } catch (StoreUnavailableException e) {
            if (known == null) {
                throw e;
            }
            return stale(known);
        }
    }

    @Override
    public Optional<Instant> staleSince() {
        return Optional.ofNullable(staleSince);
    }

    private String stale(String known) {
        if (staleSince == null) {
            staleSince = backoff.downSince().orElseGet(Instant::now);
        }
        return known;
    }

    /** Once the back-off has passed: re-reads the pointer on a thread of its own, one re-read at a time. */
    private void refreshInBackground() {
        if (backoff.admits() && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("content-pointer").start(() -> {
                try {
                    readPointer(clock.getAsLong());
                } catch (StoreException e) {
                    // still down: the back-off has recorded it, and the known version keeps serving
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    private String readPointer(long now) {
        String known = version;
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
        staleSince = null;
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
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        result.sort(Comparator.comparingInt(Page::order).thenComparing(Page::slug));
        return result;
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        GetItemResponse response =
                call(() -> dynamo.getItem(b -> b.tableName(table).key(key)));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return backoff.call(call);
        } catch (SdkException e) {
            throw DynamoErrors.translate(e);
        }
    }
}
