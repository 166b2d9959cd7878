package dev.gophersite.common;

import java.time.Duration;
import java.util.Map;

/**
 * Function configuration: environment variables set by template.yaml, with defaults for what is unset. A value that
 * is set but cannot be read fails the function's initialisation, naming the variable and what it accepts: a typo in
 * a setting must not run a configuration nobody chose. Every read goes through {@link #get}, so the local dev
 * server, which runs each function in its own class loader inside one JVM, can give each function its own
 * environment with {@link #useEnvironment}.
 */
public final class Env {
    private static volatile Map<String, String> environment = System.getenv();

    private Env() {}

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

    /** @throws IllegalArgumentException when the variable is set to something other than a whole number */
    public static long number(String name, long fallback) {
        String value = get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number; found '" + value.strip() + "'");
        }
    }

    /**
     * One of an enum's constants, named in any case ({@code lexical} for {@code LEXICAL}).
     *
     * @throws IllegalArgumentException when the variable names none of them
     */
    public static <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String value = string(name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(name + " must be one of "
                + java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                        .toList()
                + "; found '" + value + "'");
    }
}
