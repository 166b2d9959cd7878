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

    /**
     * Closes the gate and waits, at most {@code limit}, for the calls in flight; true when none is left. An interrupt
     * does not cut the wait short (the process would exit with a call in flight, which is the crash this prevents);
     * it is kept for the caller.
     */
    synchronized boolean close(Duration limit) {
        closed = true;
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        long left;
        while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
