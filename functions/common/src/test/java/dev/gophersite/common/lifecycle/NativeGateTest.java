package dev.gophersite.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NativeGateTest {

    @Test
    void close_waits_for_the_call_in_flight_then_refuses_new_ones() throws Exception {
        // given a call inside the gate
        NativeGate gate = new NativeGate();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Thread caller = Thread.ofPlatform()
                .start(() -> gate.run(() -> {
                    inside.countDown();
                    await(release);
                    finished.set(true);
                    return null;
                }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        // when the gate closes while the call runs, and the call then returns
        Thread closer = Thread.ofPlatform().start(() -> gate.close(Duration.ofSeconds(10)));
        Thread.sleep(50);
        boolean closerWaited = closer.isAlive();
        release.countDown();
        closer.join(5000);
        caller.join(5000);

        // then the close waited for it, and nothing runs afterwards
        assertThat(closerWaited).isTrue();
        assertThat(finished).isTrue();
        assertThat(gate.inFlight()).isZero();
        assertThatThrownBy(() -> gate.run(() -> "late")).isInstanceOf(NativeWork.Stopped.class);
    }

    @Test
    void close_gives_up_after_its_limit_and_says_so() throws Exception {
        // given a call that does not return
        NativeGate gate = new NativeGate();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform()
                .start(() -> gate.run(() -> {
                    inside.countDown();
                    await(release);
                    return null;
                }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        // when
        boolean drained = gate.close(Duration.ofMillis(100));

        // then
        assertThat(drained).isFalse();
        assertThat(gate.closed()).isTrue();
        release.countDown();
        caller.join(5000);
    }

    @Test
    void an_interrupt_does_not_cut_the_wait_short_and_is_kept() throws Exception {
        // given a call inside the gate
        NativeGate gate = new NativeGate();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform()
                .start(() -> gate.run(() -> {
                    inside.countDown();
                    await(release);
                    return null;
                }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean drained = new AtomicBoolean();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread closer = Thread.ofPlatform().start(() -> {
            drained.set(gate.close(Duration.ofSeconds(10)));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        Thread.sleep(50);

        // when the closing thread is interrupted while it waits, and the call returns afterwards
        closer.interrupt();
        Thread.sleep(50);
        boolean stillWaiting = closer.isAlive();
        release.countDown();
        closer.join(5000);
        caller.join(5000);

        // then the close went on waiting until the call was out, and the interrupt is still there for its caller
        assertThat(stillWaiting).isTrue();
        assertThat(drained).isTrue();
        assertThat(interruptKept).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
