package dev.gophersite.common.store;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/**
 * Builds the DynamoDB client the functions share. Region, endpoint ({@code AWS_ENDPOINT_URL_DYNAMODB}) and
 * credentials come from the SDK's standard resolution; this only fixes the HTTP client and the time budget, so
 * a slow or dead DynamoDB costs a bounded wait instead of the SDK's much longer defaults.
 */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    public static DynamoDbClient create(Duration callBudget) {
        return DynamoDbClient.builder()
                .httpClient(httpClient(callBudget))
                .overrideConfiguration(overrides(callBudget))
                .build();
    }

    public static SdkHttpClient httpClient(Duration callBudget) {
        Duration attempt = callBudget.dividedBy(3);
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofMillis(Math.min(1000, attempt.toMillis())))
                .socketTimeout(attempt)
                .build();
    }

    /** Up to three attempts, each bounded, all within {@code callBudget}. */
    public static ClientOverrideConfiguration overrides(Duration callBudget) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(callBudget)
                .apiCallAttemptTimeout(callBudget.dividedBy(3))
                .retryStrategy(RetryMode.STANDARD)
                .build();
    }
}
