package dev.gophersite.common.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Unit-test fake of the DynamoDB client: GetItem from a map of items keyed by {@code pk/sk}, or the failure set
 * with {@link #failWith}. Counts the calls that reached it.
 */
final class FakeDynamoDbClient implements DynamoDbClient {
    private final Map<String, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items =
            new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Supplier<RuntimeException> failure;

    void put(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        items.put(item.get("pk").s() + "/" + item.get("sk").s(), item);
    }

    void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        calls.incrementAndGet();
        Supplier<RuntimeException> failing = failure;
        if (failing != null) {
            throw failing.get();
        }
        var item = items.get(
                request.key().get("pk").s() + "/" + request.key().get("sk").s());
        return item == null
                ? GetItemResponse.builder().build()
                : GetItemResponse.builder().item(item).build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
