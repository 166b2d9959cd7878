package dev.gophersite.common.log;

import dev.gophersite.common.http.Json;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line on stdout, which Lambda ships to CloudWatch Logs as is. Callers pass values they have
 * already trimmed: question text is logged only up to {@link #maxTextLength()}.
 */
public final class JsonLog {
    private static final int MAX_TEXT = (int) dev.gophersite.common.Env.number("LOG_MAX_TEXT", 80);
    private final String logger;
    private final PrintStream out;

    public JsonLog(String logger) {
        this(logger, System.out);
    }

    public JsonLog(String logger, PrintStream out) {
        this.logger = logger;
        this.out = out;
    }

    public static int maxTextLength() {
        return MAX_TEXT;
    }

    /** Shortens user text for logs so full questions (which may hold personal data) are not stored. */
    public static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT) + "…(" + text.length() + " chars)";
    }

    public void info(String requestId, String message, Map<String, ?> fields) {
        write("INFO", requestId, message, fields);
    }

    public void warn(String requestId, String message, Map<String, ?> fields) {
        write("WARN", requestId, message, fields);
    }

    public void error(String requestId, String message, Throwable error) {
        Map<String, ?> fields = error == null ? Map.of()
                : Map.of("errorType", error.getClass().getName(), "cause", String.valueOf(rootCause(error)));
        write("ERROR", requestId, message, fields);
    }

    private static String rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t == error ? "" : ": " + clip(t.getMessage()));
    }

    private void write(String level, String requestId, String message, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(160)
                .append("{\"time\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"logger\":").append(Json.quote(logger))
                .append(",\"requestId\":").append(Json.quote(requestId))
                .append(",\"message\":").append(Json.quote(message));
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
