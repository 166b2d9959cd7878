package dev.gophersite.ask.model;

import dev.gophersite.common.log.JsonLog;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs each kind of model failure once until a call succeeds again: while Ollama is down every request falls
 * back, and one line saying so is useful where a thousand identical ones are not.
 */
public final class CauseLog {
    private final JsonLog log;
    private final Set<FailureKind> logged = ConcurrentHashMap.newKeySet();

    public CauseLog(JsonLog log) {
        this.log = log;
    }

    public void failure(FailureKind kind, Throwable error) {
        if (logged.add(kind)) {
            if (error == null) {
                log.warn(
                        "model answer unusable, answering extractively until it recovers",
                        Map.of("cause", kind.name()));
            } else {
                log.error("model call failed (" + kind.name() + "), answering extractively until it recovers", error);
            }
        }
    }

    public void success() {
        if (!logged.isEmpty()) {
            logged.clear();
            log.info("model answers again", Map.of());
        }
    }
}
