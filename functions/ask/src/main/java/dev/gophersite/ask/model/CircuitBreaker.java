package dev.gophersite.ask.model;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling the model for {@code openFor} after a failure that will not clear within seconds (see
 * {@link FailureKind#opensCircuit()}); after that, one call is let through as the trial that closes or reopens
 * it, while every other call keeps being refused until it has ended (half-open), so a model that is still down
 * costs one request its wait, not every request that arrives at the same moment. Keeps extractive answers fast
 * while Ollama is down instead of paying a connection attempt on every request. A trial whose outcome is never
 * recorded (its caller was interrupted) counts as ended after another {@code openFor}.
 */
public final class CircuitBreaker {
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private long openUntil;
    private boolean open;
    private boolean trialRunning;
    private long trialStartedAt;

    public CircuitBreaker(Duration openFor) {
        this(openFor, System::nanoTime);
    }

    public CircuitBreaker(Duration openFor, LongSupplier nanoClock) {
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether this call may go to the model; when half-open, true for exactly one caller, the trial. */
    public synchronized boolean allowsCall() {
        if (!open) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (now - openUntil < 0 || (trialRunning && now - trialStartedAt < openForNanos)) {
            return false;
        }
        trialRunning = true;
        trialStartedAt = now;
        return true;
    }

    public synchronized void recordSuccess() {
        open = false;
        trialRunning = false;
    }

    /** A failure that does not open the circuit still ends a trial: the model answered, if badly. */
    public synchronized void recordFailure(FailureKind kind) {
        boolean trial = trialRunning;
        trialRunning = false;
        if (kind.opensCircuit()) {
            openUntil = nanoClock.getAsLong() + openForNanos;
            open = true;
        } else if (trial) {
            open = false;
        }
    }
}
