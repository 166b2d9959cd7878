package dev.gophersite.loader;

import dev.gophersite.common.Hashes;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.store.ContentItems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes parsed pages as a new immutable site version, then makes it current with one conditional update of the
 * pointer item. A load that dies half-way leaves the previous version current and complete; the next load
 * writes again and removes the leftovers. Loading the same content twice writes nothing.
 */
public final class ContentLoader {
    private static final String VERSION_PREFIX = "VERSION#";
    private static final int BATCH = 25;
    static final Duration DEFAULT_KEEP = Duration.ofMinutes(15);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Consumer<String> log;
    private final Duration keepReplaced;

    /**
     * @param change what differs from the version it replaced: nothing when the content was unchanged
     */
    public record Result(
            String version,
            String replaced,
            boolean changed,
            int itemsWritten,
            int versionsRemoved,
            ContentChange change) {}

    /**
     * @param keepReplaced how long a version written by any load is kept after it stops being current or previous:
     *                     a function may still hold it (pointer TTL) and a concurrent load may be about to make it
     *                     current, so only versions older than this are removed
     */
    public ContentLoader(
            DynamoDbClient dynamo, String table, Clock clock, Consumer<String> log, Duration keepReplaced) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.log = log;
        this.keepReplaced = keepReplaced;
    }

    public ContentLoader(DynamoDbClient dynamo, String table, Clock clock, Consumer<String> log) {
        this(dynamo, table, clock, log, DEFAULT_KEEP);
    }

    public ContentLoader(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC(), message -> {});
    }

    /** A site version ready to store: pages with their dates and API bodies, and the page index. */
    public record Site(String version, List<Page> pages, SiteIndex index) {}

    /**
     * Dates and renders parsed pages. A page whose content is unchanged from {@code stored} keeps its
     * {@code updatedAt}, so reloading the same content yields byte-identical items.
     */
    public static Site render(List<ParsedPage> parsed, Map<String, Page> stored, String now) {
        String version = siteVersion(parsed);
        List<Page> pages = new ArrayList<>();
        for (ParsedPage page : parsed) {
            String hash = page.hash();
            Page old = stored.get(page.slug());
            String updatedAt = old != null && old.hash().equals(hash) ? old.updatedAt() : now;
            pages.add(new Page(
                    page.slug(),
                    page.title(),
                    page.summary(),
                    page.order(),
                    page.sections(),
                    updatedAt,
                    hash,
                    PageJson.page(page, updatedAt, hash),
                    page.presentation()));
        }
        List<PageSummary> summaries = pages.stream().map(Page::summaryView).toList();
        return new Site(version, List.copyOf(pages), new SiteIndex(version, summaries, PageJson.index(summaries)));
    }

    /** The content of a directory rendered as a site, as a load would store it; for tests and tools. */
    public static Site renderDirectory(Path contentDir, String now) {
        return render(new ContentParser().parseDirectory(contentDir), Map.of(), now);
    }

    public static String siteVersion(List<ParsedPage> pages) {
        return Hashes.sha256Hex(pages.stream()
                        .map(p -> p.slug() + "=" + p.hash())
                        .sorted()
                        .toArray(String[]::new))
                .substring(0, 12);
    }

    /** Parses the whole directory first, so invalid content fails before anything is written. */
    public Result loadDirectory(java.nio.file.Path contentDir) {
        return load(new ContentParser().parseDirectory(contentDir));
    }

    public Result load(List<ParsedPage> parsed) {
        String version = siteVersion(parsed);
        Map<String, AttributeValue> pointer = dynamo.getItem(
                        b -> b.tableName(table).key(ContentItems.pointerKey()).consistentRead(true))
                .item();
        String current = pointer == null || pointer.isEmpty()
                ? null
                : pointer.get("version").s();
        String previous = pointer == null || pointer.isEmpty() || !pointer.containsKey("previous")
                ? null
                : pointer.get("previous").s();

        if (version.equals(current)) {
            int removed = removeVersionsExcept(version, previous);
            log.accept("content unchanged at version " + version);
            return new Result(version, current, false, 0, removed, ContentChange.NONE);
        }

        Map<String, Page> stored = current == null ? Map.of() : pagesOf(current);
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        Site site = render(parsed, stored, now);
        List<Page> pages = site.pages();
        SiteIndex index = site.index();

        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        ContentItems.PK,
                        AttributeValue.fromS(ContentItems.POINTER_PK),
                        ContentItems.SK,
                        AttributeValue.fromS(VERSION_PREFIX + version),
                        "createdAt",
                        AttributeValue.fromS(now))));
        List<WriteRequest> writes = new ArrayList<>();
        for (Page page : pages) {
            writes.add(put(ContentItems.pageItem(version, page)));
        }
        writes.add(put(ContentItems.indexItem(index)));
        batchWrite(writes);

        flipPointer(version, current, now, pages.size());
        int removed = removeVersionsExcept(version, current);
        log.accept("content version " + version + " is current (" + pages.size() + " pages, replaced "
                + (current == null ? "nothing" : current) + ")");
        return new Result(version, current, true, writes.size() + 2, removed, ContentChange.between(stored, pages));
    }

    private void flipPointer(String version, String expected, String now, int pageCount) {
        Map<String, AttributeValue> item = new HashMap<>(ContentItems.pointerKey());
        item.put("version", AttributeValue.fromS(version));
        item.put("updatedAt", AttributeValue.fromS(now));
        item.put("pageCount", AttributeValue.fromN(Integer.toString(pageCount)));
        if (expected != null) {
            item.put("previous", AttributeValue.fromS(expected));
        }
        PutItemRequest.Builder request =
                PutItemRequest.builder().tableName(table).item(item);
        if (expected == null) {
            request.conditionExpression("attribute_not_exists(pk)");
        } else {
            request.conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromS(expected)));
        }
        try {
            dynamo.putItem(request.build());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException(
                    "another load changed the site while this one ran; run the loader again", e);
        }
    }

    private Map<String, Page> pagesOf(String version) {
        Map<String, Page> pages = new HashMap<>();
        for (Map<String, AttributeValue> item : query(ContentItems.versionPk(version), ContentItems.PAGE_PREFIX)) {
            Page page = ContentItems.page(item);
            pages.put(page.slug(), page);
        }
        return pages;
    }

    /** Deletes every stored version but the two given (current and the one readers may still hold). */
    private int removeVersionsExcept(String keep, String alsoKeep) {
        int removed = 0;
        for (Map<String, AttributeValue> entry : query(ContentItems.POINTER_PK, VERSION_PREFIX)) {
            String sk = entry.get(ContentItems.SK).s();
            String version = sk.substring(VERSION_PREFIX.length());
            if (version.equals(keep) || version.equals(alsoKeep) || tooRecent(entry)) {
                continue;
            }
            List<WriteRequest> deletes = new ArrayList<>();
            for (Map<String, AttributeValue> item : query(ContentItems.versionPk(version), "")) {
                deletes.add(delete(ContentItems.key(
                        item.get(ContentItems.PK).s(), item.get(ContentItems.SK).s())));
            }
            batchWrite(deletes);
            dynamo.deleteItem(b -> b.tableName(table).key(ContentItems.key(ContentItems.POINTER_PK, sk)));
            removed++;
        }
        return removed;
    }

    private boolean tooRecent(Map<String, AttributeValue> versionEntry) {
        AttributeValue created = versionEntry.get("createdAt");
        if (created == null || created.s() == null) {
            return false;
        }
        return Instant.parse(created.s()).plus(keepReplaced).isAfter(Instant.now(clock));
    }

    private List<Map<String, AttributeValue>> query(String pk, String skPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request =
                    QueryRequest.builder().tableName(table).consistentRead(true);
            if (skPrefix.isEmpty()) {
                request.keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)));
            } else {
                request.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(
                                Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(skPrefix)));
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return items;
    }

    private void batchWrite(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 8) {
                    throw new IllegalStateException("DynamoDB kept refusing writes after " + attempt + " attempts");
                }
                if (attempt > 0) {
                    sleep(50L << Math.min(attempt, 6));
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                pending = pending.isEmpty() || pending.values().stream().allMatch(List::isEmpty) ? Map.of() : pending;
            }
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build())
                .build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build())
                .build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying writes", e);
        }
    }
}
