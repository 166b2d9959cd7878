package dev.gophersite.common.lifecycle;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Counts calls in flight and, once closed, refuses new ones: the mechanism behind {@link NativeWork}, as an object
 * so that it can be tested without closing the process's own gate.
 */
final class NativeGate {
    private int inFlight;
    private boolean closed;

    <T> T run(Supplier<T> call) {
        synchronized (this) {
            if (closed) {
                throw new NativeWork.Stopped();
            }
            inFlight++;
        }
        try {
            return call.get();
        } finally {
            synchronized (this) {
                inFlight--;
                notifyAll();
            }
        }
    }

    /** Closes the gate and waits, at most {@code limit}, for the calls in flight; true when none is left. */
    synchronized boolean close(Duration limit) {
        closed = true;
        long deadline = System.nanoTime() + limit.toNanos();
        long left;
        while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return inFlight == 0;
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
