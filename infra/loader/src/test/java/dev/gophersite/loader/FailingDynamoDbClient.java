package dev.gophersite.loader;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Test double: a real client that dies after a given number of writes, as a killed loader would. */
final class FailingDynamoDbClient implements DynamoDbClient {
    private final DynamoDbClient real;
    private final AtomicInteger writesLeft;

    FailingDynamoDbClient(DynamoDbClient real, int writesBeforeFailure) {
        this.real = real;
        this.writesLeft = new AtomicInteger(writesBeforeFailure);
    }

    private void write() {
        if (writesLeft.getAndDecrement() <= 0) {
            throw SdkClientException.create("injected failure: loader killed");
        }
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        write();
        return real.batchWriteItem(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        write();
        return real.putItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        write();
        return real.deleteItem(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return real.getItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return real.query(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        real.close();
    }
}
