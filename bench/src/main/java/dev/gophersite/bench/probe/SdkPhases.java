package dev.gophersite.bench.probe;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the AWS SDK's start-up goes, in a fresh JVM next to the pages jar: the HTTP client (which sets up TLS),
 * the DynamoDB client, the first GetItem (signing, endpoint rules, marshalling, connection) and a second one.
 * Prints one JSON line of milliseconds per phase.
 */
public final class SdkPhases {
    private SdkPhases() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        long t1 = System.nanoTime();
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .build();
        long t2 = System.nanoTime();
        Map<String, AttributeValue> key =
                Map.of("pk", AttributeValue.fromS("SITE"), "sk", AttributeValue.fromS("CURRENT"));
        dynamo.getItem(b -> b.tableName(args[0]).key(key));
        long t3 = System.nanoTime();
        dynamo.getItem(b -> b.tableName(args[0]).key(key));
        long t4 = System.nanoTime();
        System.out.println(
                "ready {\"http_client_with_tls_ms\":" + ms(t1 - t0) + ",\"dynamodb_client_ms\":" + ms(t2 - t1)
                        + ",\"first_get_item_ms\":" + ms(t3 - t2) + ",\"second_get_item_ms\":" + ms(t4 - t3) + "}");
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
