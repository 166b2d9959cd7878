package dev.gophersite.ask.answer;

import dev.gophersite.ask.fakes.CapturedLog;
import dev.gophersite.dynalite.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
            DynamoAnswerCache cache = new DynamoAnswerCache(dynamo, "answers", Duration.ofHours(1), Clock.systemUTC(), log.log());

            // when
            cache.put("k", new CachedAnswer("id", "Go is simple [1].", List.of(), "m"));
            var hit = cache.get("k");

            // then
            assertThat(hit).isEmpty();
            assertThat(log.linesContaining("answer cache")).isEqualTo(1);
        }
    }
}
