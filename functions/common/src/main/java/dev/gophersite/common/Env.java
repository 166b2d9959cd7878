package dev.gophersite.common;

import java.time.Duration;
import java.util.Map;

/**
 * Function configuration: environment variables set by template.yaml, with safe defaults. Every read goes
 * through {@link #get}, so the local dev server, which runs each function in its own class loader inside one
 * JVM, can give each function its own environment with {@link #useEnvironment}.
 */
public final class Env {
    private static volatile Map<String, String> environment = System.getenv();

    private Env() {
    }

    /** Replaces the process environment for this class loader's copy of the function. Local runtime only. */
    public static void useEnvironment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
    }

    public static String get(String name) {
        return environment.get(name);
    }

    public static String string(String name, String fallback) {
        String value = get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static Duration millis(String name, long fallback) {
        return Duration.ofMillis(number(name, fallback));
    }

    public static long number(String name, long fallback) {
        String value = get(name);
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
