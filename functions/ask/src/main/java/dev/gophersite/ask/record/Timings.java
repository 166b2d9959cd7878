package dev.gophersite.ask.record;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Milliseconds per step of one answer, in the order they ran, for the response's {@code timingsMs}. */
public final class Timings {
    private final long start = System.nanoTime();
    private final Map<String, Long> millis = new LinkedHashMap<>();

    /** Runs a step and records how long it took. */
    public <T> T time(String step, Supplier<T> work) {
        long began = System.nanoTime();
        T result = work.get();
        millis.put(step, (System.nanoTime() - began) / 1_000_000);
        return result;
    }

    /** Records a step that began at {@code beganNanos} ({@link System#nanoTime}) and ends now. */
    public void took(String step, long beganNanos) {
        millis.put(step, (System.nanoTime() - beganNanos) / 1_000_000);
    }

    /** Records the time since the answer began, under {@code step}. */
    public void sinceStart(String step) {
        millis.put(step, (System.nanoTime() - start) / 1_000_000);
    }

    /** The steps so far, and the total. */
    public Map<String, Long> finished() {
        sinceStart("total");
        return Map.copyOf(millis);
    }
}
