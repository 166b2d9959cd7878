package dev.gophersite.ask.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

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

    @Test
    void after_the_open_period_one_trial_goes_to_the_model_and_the_others_wait_for_its_outcome() {
        // given an open circuit whose period has passed
        breaker.recordFailure(FailureKind.UNREACHABLE);
        now.addAndGet(Duration.ofSeconds(30).toNanos());

        // when three requests arrive together
        boolean first = breaker.allowsCall();
        boolean second = breaker.allowsCall();
        boolean third = breaker.allowsCall();

        // then only the first is the trial
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(third).isFalse();

        // and when the trial fails again, the circuit stays open for another period
        breaker.recordFailure(FailureKind.TIMEOUT);
        assertThat(breaker.allowsCall()).isFalse();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.allowsCall()).isTrue();

        // and when that trial succeeds, every call goes through
        breaker.recordSuccess();
        assertThat(breaker.allowsCall()).isTrue();
        assertThat(breaker.allowsCall()).isTrue();
    }

    @Test
    void a_trial_whose_outcome_never_comes_does_not_hold_the_circuit_open_forever() {
        // given a trial that was let through and never reported back
        breaker.recordFailure(FailureKind.UNREACHABLE);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.allowsCall()).isTrue();

        // when another open period passes
        now.addAndGet(Duration.ofSeconds(30).toNanos());

        // then a new trial is allowed
        assertThat(breaker.allowsCall()).isTrue();
    }
}
