package dev.gophersite.common.store;

/** The store failed in a way retrying will not fix (bad table, bad item): a 500. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
