package dev.gophersite.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.gophersite.local.template.FunctionSpec;
import java.time.Duration;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function's execution environments: created on demand up to {@code size}, each serving one request at a
 * time. A request waits up to {@code maxWait} for a free one, then is throttled, as Lambda throttles past
 * its concurrency limit. The most recently used environment is reused first, so few stay warm.
 */
final class FunctionPool implements AutoCloseable {
    private final FunctionSpec spec;
    private final ClassLoader host;
    private final Duration maxWait;
    private final Semaphore permits;
    private final Deque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
    private final Set<ExecutionEnvironment> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean closed;

    FunctionPool(FunctionSpec spec, int size, Duration maxWait, ClassLoader host) {
        this.spec = spec;
        this.host = host;
        this.maxWait = maxWait;
        this.permits = new Semaphore(size, true);
    }

    Outcome invoke(APIGatewayProxyRequestEvent event, String requestId) {
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Outcome.Throttled(maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.FunctionError("the dev server is stopping");
        }
        try {
            ExecutionEnvironment environment = idle.pollFirst();
            if (environment == null) {
                try {
                    environment = create();
                } catch (ExecutionEnvironment.InitException e) {
                    return new Outcome.FunctionError(e.getMessage());
                }
            }
            Outcome outcome = environment.invoke(event, requestId);
            release(environment);
            return outcome;
        } finally {
            permits.release();
        }
    }

    /** Runs one environment's init ahead of the first request, if none exists yet. */
    void warm() throws ExecutionEnvironment.InitException {
        if (!permits.tryAcquire()) {
            return;
        }
        try {
            if (all.isEmpty()) {
                release(create());
            }
        } finally {
            permits.release();
        }
    }

    int environments() {
        return all.size();
    }

    private ExecutionEnvironment create() throws ExecutionEnvironment.InitException {
        if (closed) {
            throw new ExecutionEnvironment.InitException("the dev server is stopping");
        }
        ExecutionEnvironment environment = ExecutionEnvironment.start(spec, created.incrementAndGet(), host);
        all.add(environment);
        return environment;
    }

    private void release(ExecutionEnvironment environment) {
        if (environment.usable() && !closed) {
            idle.addFirst(environment);
        } else {
            environment.discard();
            all.remove(environment);
        }
    }

    /** Ends every environment and waits until each has, so none is still in native code when the process exits. */
    @Override
    public void close() {
        closed = true;
        all.forEach(ExecutionEnvironment::discard);
        all.forEach(environment -> environment.shutdown(ExecutionEnvironment.NATIVE_WORK_WAIT.plusSeconds(2)));
        all.clear();
        idle.clear();
    }
}
