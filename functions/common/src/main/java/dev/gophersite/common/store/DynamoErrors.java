package dev.gophersite.common.store;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Maps a DynamoDB SDK failure to what a function can tell its client: retry later (503) or a server fault (500). */
public final class DynamoErrors {
    private static final Set<String> THROTTLING = Set.of(
            "ProvisionedThroughputExceededException",
            "ThrottlingException",
            "RequestLimitExceeded",
            "LimitExceededException");

    private DynamoErrors() {}

    public static StoreException translate(SdkException e) {
        if (e instanceof DynamoDbException ddb) {
            String code =
                    ddb.awsErrorDetails() == null ? "" : ddb.awsErrorDetails().errorCode();
            if (THROTTLING.contains(code)) {
                return new StoreUnavailableException("DynamoDB throttled the request (" + code + ")", e, 1);
            }
            if (ddb.statusCode() >= 500) {
                return new StoreUnavailableException("DynamoDB answered " + ddb.statusCode(), e, 2);
            }
            return new StoreException("DynamoDB rejected the request (" + code + ")", e);
        }
        if (e instanceof SdkClientException) {
            return new StoreUnavailableException(
                    "DynamoDB unreachable or too slow: " + e.getClass().getSimpleName(), e, 2);
        }
        return new StoreException("DynamoDB call failed: " + e.getClass().getSimpleName(), e);
    }
}
