package dev.gophersite.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.common.log.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class StoreBackoffTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final StoreBackoff backoff = new StoreBackoff(
            Duration.ofSeconds(1),
            Duration.ofSeconds(4),
            now::get,
            Clock.systemUTC(),
            new JsonLog(StoreBackoffTest.class, new PrintStream(logged, true, StandardCharsets.UTF_8)));
    private final AtomicInteger calls = new AtomicInteger();

    private String unreachable() {
        calls.incrementAndGet();
        throw SdkClientException.create("connect timed out");
    }

    private String answers() {
        calls.incrementAndGet();
        return "item";
    }

    @Test
    void after_a_failure_the_store_is_not_called_until_the_back_off_has_passed() {
        // given
        assertThatThrownBy(() -> backoff.call(this::unreachable)).isInstanceOf(SdkClientException.class);

        // when a call comes during the back-off
        now.addAndGet(Duration.ofMillis(900).toNanos());

        // then it fails at once, saying when to retry, and the store is not called
        assertThatThrownBy(() -> backoff.call(this::answers))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).retryAfterSeconds())
                        .isEqualTo(1));
        assertThat(calls).hasValue(1);
        assertThat(backoff.down()).isTrue();
        assertThat(backoff.downSince()).isPresent();

        // and after it, the trial reaches the store, and its success ends the outage
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(backoff.call(this::answers)).isEqualTo("item");
        assertThat(calls).hasValue(2);
        assertThat(backoff.down()).isFalse();
        assertThat(backoff.downSince()).isEmpty();
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("DynamoDB failing")
                .contains("DynamoDB answers again");
    }

    @Test
    void a_failed_trial_doubles_the_back_off_up_to_its_cap() {
        // given three failures in a row, each after its back-off
        assertThatThrownBy(() -> backoff.call(this::unreachable)).isInstanceOf(SdkClientException.class);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThatThrownBy(() -> backoff.call(this::unreachable)).isInstanceOf(SdkClientException.class);

        // then the next back-off is 2 s
        now.addAndGet(Duration.ofMillis(1900).toNanos());
        assertThat(backoff.admits()).isFalse();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(backoff.admits()).isTrue();
        assertThatThrownBy(() -> backoff.call(this::unreachable)).isInstanceOf(SdkClientException.class);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThatThrownBy(() -> backoff.call(this::unreachable)).isInstanceOf(SdkClientException.class);

        // and never more than the 4 s cap
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(backoff.admits()).isTrue();
        assertThat(calls).hasValue(4);
    }

    @Test
    void a_request_dynamodb_refuses_does_not_count_as_an_outage() {
        // when
        assertThatThrownBy(() -> backoff.call(() -> {
                    throw ConditionalCheckFailedException.builder()
                            .message("condition")
                            .statusCode(400)
                            .build();
                }))
                .isInstanceOf(ConditionalCheckFailedException.class);

        // then
        assertThat(backoff.down()).isFalse();
        assertThat(backoff.call(this::answers)).isEqualTo("item");
    }
}
