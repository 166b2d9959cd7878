package dev.gophersite.dynalite;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** A DynamoDB client for a local endpoint (dynalite, LocalStack), with the dummy credentials they accept. */
public final class LocalDynamo {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private LocalDynamo() {}

    public static DynamoDbClient client(URI endpoint) {
        return builder(endpoint).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Endpoint, region and credentials set; the caller picks the HTTP client and overrides. */
    public static DynamoDbClientBuilder builder(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }
}
