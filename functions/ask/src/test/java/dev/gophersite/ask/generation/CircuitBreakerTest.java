package dev.gophersite.ask.generation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(30), now::get);

    @Test
    void stops_calls_for_the_open_period_after_the_model_is_unreachable() {
        // when
        breaker.recordFailure(FailureKind.UNREACHABLE);

        // then
        assertThat(breaker.allowsCall()).isFalse();
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(breaker.allowsCall()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.allowsCall()).isTrue();
    }

    @Test
    void stays_closed_after_failures_that_clear_by_themselves() {
        // when
        breaker.recordFailure(FailureKind.SERVER_ERROR);
        breaker.recordFailure(FailureKind.MALFORMED_REPLY);

        // then
        assertThat(breaker.allowsCall()).isTrue();
    }

    @Test
    void closes_after_a_successful_trial_call() {
        // given
        breaker.recordFailure(FailureKind.TIMEOUT);
        now.addAndGet(Duration.ofSeconds(31).toNanos());

        // when
        breaker.recordSuccess();

        // then
        assertThat(breaker.allowsCall()).isTrue();
    }
}
