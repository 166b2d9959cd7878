package dev.gophersite.local;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

/**
 * The dev server's console: one timestamped line per event on stdout, problems on stderr. Stack traces are
 * written here, with their causes, so nothing prints them on its own.
 */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Log() {}

    public static void info(String message) {
        line(System.out, message);
    }

    public static void warn(String message) {
        line(System.err, message);
    }

    public static void error(String message, Throwable problem) {
        StringBuilder text = new StringBuilder(message);
        Set<Throwable> seen = new HashSet<>();
        String prefix = "\n  ";
        for (Throwable t = problem; t != null && seen.add(t); t = t.getCause()) {
            text.append(prefix).append(t);
            for (StackTraceElement frame : t.getStackTrace()) {
                text.append("\n      at ").append(frame);
            }
            prefix = "\n  caused by: ";
        }
        line(System.err, text.toString());
    }

    private static void line(PrintStream out, String message) {
        out.println(LocalTime.now(ZoneId.systemDefault()).format(TIME) + " " + message);
    }
}
