package dev.gophersite.ask.model;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One deadline per request: what is left of the function's timeout when the request starts, less what must still
 * run after a model call (two DynamoDB writes, the answer cache's and the issued answer's, each bounded by the
 * call budget, and a second for the reply). A model call, the rewrite of a follow-up included, gets at most what
 * is left of it, so the slowest request ends before Lambda stops the function.
 *
 * <p>The handler binds the deadline to its thread; the thread a model call runs on is started from it and
 * inherits the value, which a scoped value would not pass to an executor's thread.
 */
public final class RequestDeadline {
    private static final InheritableThreadLocal<Long> DEADLINE_NANOS = new InheritableThreadLocal<>();
    /** Serialising the answer and returning it; far above what it takes. */
    static final Duration REPLY = Duration.ofSeconds(1);

    private final Duration reserve;

    private RequestDeadline(Duration reserve) {
        this.reserve = reserve;
    }

    /** The reserve for the writes after the model call, each taking at most {@code storeCallBudget}. */
    public static RequestDeadline reservingWritesOf(Duration storeCallBudget) {
        return new RequestDeadline(storeCallBudget.multipliedBy(2).plus(REPLY));
    }

    public Duration reserve() {
        return reserve;
    }

    /** Runs the request with its deadline bound; without a context (priming, a local call) with none. */
    public <T> T within(Context context, Supplier<T> request) {
        if (context == null) {
            return request.get();
        }
        long deadline = System.nanoTime()
                + Duration.ofMillis(context.getRemainingTimeInMillis())
                        .minus(reserve)
                        .toNanos();
        Long outer = DEADLINE_NANOS.get();
        DEADLINE_NANOS.set(deadline);
        try {
            return request.get();
        } finally {
            if (outer == null) {
                DEADLINE_NANOS.remove();
            } else {
                DEADLINE_NANOS.set(outer);
            }
        }
    }

    /** What is left before the deadline of the request this thread works for; empty outside one. */
    public static Optional<Duration> remaining() {
        Long deadline = DEADLINE_NANOS.get();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(deadline - System.nanoTime()));
    }
}
