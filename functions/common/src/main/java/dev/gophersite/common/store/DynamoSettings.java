package dev.gophersite.common.store;

import dev.gophersite.common.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How a function reaches DynamoDB.
 *
 * @param endpoint   a local DynamoDB API (dynalite, LocalStack) from {@code DYNAMODB_ENDPOINT_URL}; empty on AWS,
 *                   where the SDK's regional endpoint is right. Not the SDK's {@code AWS_ENDPOINT_URL_DYNAMODB}:
 *                   the SDK would take even a declared empty value as the endpoint.
 * @param callBudget how long one DynamoDB call may take, retries included, before the request gives up on it
 */
public record DynamoSettings(Optional<URI> endpoint, Duration callBudget) {
    public static final Duration DEFAULT_CALL_BUDGET = Duration.ofSeconds(3);

    public static DynamoSettings fromEnv() {
        String endpoint = Env.string("DYNAMODB_ENDPOINT_URL", "");
        return new DynamoSettings(
                endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
                Env.millis("DYNAMODB_CALL_BUDGET_MILLIS", DEFAULT_CALL_BUDGET.toMillis()));
    }
}
