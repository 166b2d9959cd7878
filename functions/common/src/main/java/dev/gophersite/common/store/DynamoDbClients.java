package dev.gophersite.common.store;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client the functions share. Region and credentials follow the SDK's standard settings, the
 * endpoint is overridden only for a local DynamoDB API ({@link DynamoSettings#endpoint()}), and the time budget
 * is fixed, so a slow or dead DynamoDB costs a bounded wait instead of the SDK's much longer defaults.
 *
 * <p>Cold start: where the SDK would walk its provider chains, this takes the first links directly (system
 * properties, then environment variables, which is where Lambda puts region and credentials), and inside Lambda
 * it skips the profile files, which never exist there. The chains stay in place for every other setup. Those
 * reads use the process environment, not {@code Env}: they mirror what the SDK's own providers read.
 */
public final class DynamoDbClients {
    private DynamoDbClients() {}

    public static DynamoDbClient create(DynamoSettings settings) {
        Duration callBudget = settings.callBudget();
        DynamoDbClientBuilder builder =
                DynamoDbClient.builder().httpClient(httpClient(callBudget)).credentialsProvider(credentials());
        settings.endpoint().ifPresent(builder::endpointOverride);
        ClientOverrideConfiguration.Builder overrides = overrides(callBudget).toBuilder();
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
            ProfileFile none = ProfileFile.aggregator().build();
            overrides.defaultProfileFileSupplier(() -> none).defaultProfileName("default");
        }
        region().ifPresent(builder::region);
        return builder.overrideConfiguration(overrides.build()).build();
    }

    public static AwsCredentialsProvider credentials() {
        if (System.getProperty("aws.accessKeyId") != null) {
            return SystemPropertyCredentialsProvider.create();
        }
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The region as the SDK's first providers would find it; empty leaves the search to the SDK. */
    public static Optional<Region> region() {
        String region = setting("aws.region", "AWS_REGION");
        return region == null || region.isBlank() ? Optional.empty() : Optional.of(Region.of(region.strip()));
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null && !value.isBlank() ? value : System.getenv(variable);
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
