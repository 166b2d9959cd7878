package dev.gophersite.ask.generation;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling the model for {@code openFor} after a failure that will not clear within seconds (see
 * {@link FailureKind#opensCircuit()}); the first call after that is a trial that closes or reopens it. Keeps
 * extractive answers fast while Ollama is down instead of paying a connection attempt on every request.
 */
public final class CircuitBreaker {
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private volatile long openUntil;
    private volatile boolean open;

    public CircuitBreaker(Duration openFor) {
        this(openFor, System::nanoTime);
    }

    public CircuitBreaker(Duration openFor, LongSupplier nanoClock) {
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    public boolean allowsCall() {
        return !open || nanoClock.getAsLong() - openUntil >= 0;
    }

    public void recordSuccess() {
        open = false;
    }

    public void recordFailure(FailureKind kind) {
        if (kind.opensCircuit()) {
            openUntil = nanoClock.getAsLong() + openForNanos;
            open = true;
        }
    }
}
