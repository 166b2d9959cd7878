package dev.gophersite.common.log;

import dev.gophersite.common.Env;
import dev.gophersite.common.http.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One JSON object per line on stdout, which Lambda ships to CloudWatch Logs as is. Every line carries the id of
 * the request being handled, bound once per request by {@link #inRequest} (as Powertools binds MDC), so the domain
 * never passes it around. Loggers are named after the class that owns them.
 */
public final class JsonLog {
    private static final ScopedValue<String> REQUEST_ID = ScopedValue.newInstance();
    private static final int MAX_TEXT = (int) Env.number("LOG_MAX_TEXT", 80);
    /** Enough frames to name the method that failed and its callers in the project. */
    private static final int FRAMES = 5;

    private final String logger;
    private final PrintStream out;

    public JsonLog(Class<?> owner) {
        this(owner, System.out);
    }

    public JsonLog(Class<?> owner, PrintStream out) {
        this.logger = owner.getSimpleName();
        this.out = out;
    }

    /** Runs one request's work with its id bound for every line logged meanwhile, on this thread. */
    public static <T> T inRequest(String requestId, Supplier<T> work) {
        return ScopedValue.where(REQUEST_ID, requestId).call(work::get);
    }

    /** Shortens user text for logs so full questions (which may hold personal data) are not stored. */
    public static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT) + "…(" + text.length() + " chars)";
    }

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields);
    }

    /**
     * An error line with what it takes to find the fault without a stack trace in the log: the exception's type and
     * clipped message, its root cause's type and clipped message, and the root cause's top frames.
     */
    public void error(String message, Throwable error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (error != null) {
            Throwable root = rootCause(error);
            fields.put("errorType", error.getClass().getName());
            fields.put("errorMessage", clip(String.valueOf(error.getMessage())));
            fields.put(
                    "cause", root.getClass().getSimpleName() + (root == error ? "" : ": " + clip(root.getMessage())));
            fields.put("frames", frames(root));
        }
        write("ERROR", message, fields);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The top frames where the root cause was thrown, innermost first. */
    private static String frames(Throwable root) {
        StackTraceElement[] trace = root.getStackTrace();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
            StackTraceElement frame = trace[i];
            String type = frame.getClassName();
            out.append(i == 0 ? "" : " < ")
                    .append(type.substring(type.lastIndexOf('.') + 1))
                    .append('.')
                    .append(frame.getMethodName())
                    .append(':')
                    .append(frame.getLineNumber());
        }
        return out.toString();
    }

    private void write(String level, String message, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(160)
                .append("{\"time\":\"")
                .append(Instant.now())
                .append("\",\"level\":\"")
                .append(level)
                .append("\",\"logger\":")
                .append(Json.quote(logger))
                .append(",\"requestId\":")
                .append(Json.quote(REQUEST_ID.isBound() ? REQUEST_ID.get() : null))
                .append(",\"message\":")
                .append(Json.quote(message));
        if (fields != null) {
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                line.append(',').append(Json.quote(e.getKey())).append(':');
                Object v = e.getValue();
                if (v instanceof Number || v instanceof Boolean) {
                    line.append(v);
                } else {
                    line.append(Json.quote(v == null ? null : String.valueOf(v)));
                }
            }
        }
        out.println(line.append('}'));
    }
}
