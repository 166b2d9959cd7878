package dev.gophersite.common.store;

/** The store is throttling, unreachable or too slow right now: a 503 with Retry-After. */
public class StoreUnavailableException extends StoreException {
    private final int retryAfterSeconds;

    public StoreUnavailableException(String message, Throwable cause, int retryAfterSeconds) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
