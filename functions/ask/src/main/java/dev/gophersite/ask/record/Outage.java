package dev.gophersite.ask.record;

import dev.gophersite.common.log.JsonLog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A best-effort dependency's state for the logs: its failure is logged when it starts and its recovery when it
 * ends, not on every request in between, which would flood the log while the answers go on.
 */
final class Outage {
    private final JsonLog log;
    private final AtomicBoolean down = new AtomicBoolean();

    Outage(JsonLog log) {
        this.log = log;
    }

    void failed(String message, Exception e) {
        if (down.compareAndSet(false, true)) {
            log.error(message, e);
        }
    }

    void recovered(String message, Map<String, ?> fields) {
        if (down.compareAndSet(true, false)) {
            log.info(message, fields);
        }
    }
}
