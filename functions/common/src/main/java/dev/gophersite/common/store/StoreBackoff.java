package dev.gophersite.common.store;

import dev.gophersite.common.log.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a function knows about DynamoDB's health, shared by every store of the function (one per execution
 * environment, since they all reach the same endpoint). After a call fails in a way retrying later may fix
 * (unreachable, too slow, throttled, 5xx), the store is left alone for a back-off, 1 s doubling up to 15 s: calls
 * fail at once with {@link StoreUnavailableException} instead of each costing the whole call budget. When the
 * back-off has passed, calls go through again: the first success ends the outage, a failure doubles the back-off.
 * (An execution environment serves one request at a time, so that is the request's own call and, for content
 * already read, the pointer's re-read beside it; see DynamoContentStore.) Until a call succeeds {@link #down()} is
 * true, and best-effort work (answer cache, issued answer ids) is skipped.
 */
public final class StoreBackoff {
    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofSeconds(15);
    private final Duration first;
    private final Duration max;
    private final LongSupplier nanos;
    private final Clock clock;
    private final JsonLog log;
    private int failures;
    private long retryAt;
    private Instant downSince;

    public StoreBackoff(JsonLog log) {
        this(FIRST, MAX, System::nanoTime, Clock.systemUTC(), log);
    }

    public StoreBackoff(Duration first, Duration max, LongSupplier nanos, Clock clock, JsonLog log) {
        this.first = first;
        this.max = max;
        this.nanos = nanos;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Runs one DynamoDB call, or refuses it during a back-off. The call's own exceptions pass through unchanged;
     * they only update what is known of the store's health.
     *
     * @throws StoreUnavailableException without calling, while the store is backed off
     */
    public <T> T call(Supplier<T> call) {
        admit();
        T result;
        try {
            result = call.get();
        } catch (SdkException e) {
            if (DynamoErrors.translate(e) instanceof StoreUnavailableException) {
                failed(e);
            } else {
                // DynamoDB answered, if only to refuse this request (a failed condition, a bad key): it is up
                succeeded();
            }
            throw e;
        }
        succeeded();
        return result;
    }

    /** Whether the last call failed for want of the store and no call has succeeded since. */
    public synchronized boolean down() {
        return failures > 0;
    }

    /** Whether a call now would be let through: the store is up, or its back-off has passed. */
    public synchronized boolean admits() {
        return failures == 0 || nanos.getAsLong() - retryAt >= 0;
    }

    /** Since when the store has been failing, while it is. */
    public synchronized Optional<Instant> downSince() {
        return Optional.ofNullable(downSince);
    }

    private synchronized void admit() {
        long left = retryAt - nanos.getAsLong();
        if (failures > 0 && left > 0) {
            throw new StoreUnavailableException("DynamoDB failed recently; not called during the back-off", null, (int)
                    Math.max(1, (left + 999_999_999L) / 1_000_000_000L));
        }
    }

    private synchronized void succeeded() {
        if (failures > 0) {
            log.info(
                    "DynamoDB answers again; calls resume",
                    Map.of("failedCalls", failures, "downSince", String.valueOf(downSince)));
        }
        failures = 0;
        downSince = null;
    }

    private synchronized void failed(SdkException e) {
        failures++;
        long backoff = Math.min(max.toNanos(), first.toNanos() << Math.min(failures - 1, 20));
        retryAt = nanos.getAsLong() + backoff;
        if (failures == 1) {
            downSince = clock.instant();
            log.error("DynamoDB failing; calls skipped for a back-off, stale content served where there is some", e);
        }
    }
}
