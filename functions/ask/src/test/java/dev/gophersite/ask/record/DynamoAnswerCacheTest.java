package dev.gophersite.ask.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.ask.fakes.CapturedLog;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.LocalDynamo;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class DynamoAnswerCacheTest {

    @Test
    void treats_an_unreachable_table_as_a_miss_and_logs_the_failure_once() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CapturedLog log = new CapturedLog();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.of(LocalDynamo.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalDynamo.ACCESS_KEY, LocalDynamo.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            DynamoAnswerCache cache = new DynamoAnswerCache(
                    dynamo,
                    "answers",
                    Duration.ofHours(1),
                    Clock.systemUTC(),
                    new StoreBackoff(new JsonLog(StoreBackoff.class)),
                    log.log());

            // when
            cache.put("k", new CachedAnswer("Go is simple [1].", List.of(), "m"));
            var hit = cache.get("k");

            // then
            assertThat(hit).isEmpty();
            assertThat(log.linesContaining("answer cache")).isEqualTo(1);
        }
    }

    @Test
    void while_dynamodb_is_down_the_cache_and_the_answer_records_are_skipped() {
        // given an outage another table's call has found
        StoreBackoff backoff = new StoreBackoff(new JsonLog(StoreBackoff.class));
        assertThatThrownBy(() -> backoff.call(() -> {
                    throw SdkClientException.create("connect timed out");
                }))
                .isInstanceOf(SdkClientException.class);
        NoCallsDynamoDbFake dynamo = new NoCallsDynamoDbFake();
        DynamoAnswerCache cache = new DynamoAnswerCache(
                dynamo, "answers", Duration.ofHours(1), Clock.systemUTC(), backoff, new CapturedLog().log());
        DynamoIssuedAnswers issued =
                new DynamoIssuedAnswers(dynamo, "feedback", Clock.systemUTC(), backoff, new CapturedLog().log());

        // when
        cache.put("k", new CachedAnswer("Go is simple [1].", List.of(), "m"));
        var hit = cache.get("k");
        issued.record("answer-1", "What is Go?");

        // then
        assertThat(hit).isEmpty();
        assertThat(dynamo.calls).isZero();
    }

    /** Unit-test fake: a DynamoDB client that counts the calls it gets and answers none. */
    private static final class NoCallsDynamoDbFake implements DynamoDbClient {
        int calls;

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            calls++;
            return GetItemResponse.builder().item(Map.of()).build();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            calls++;
            return PutItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
