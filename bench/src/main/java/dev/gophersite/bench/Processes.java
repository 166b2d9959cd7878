package dev.gophersite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs child processes and times them from spawn to a line on their stdout. Their stderr goes to a file of its own
 * and is shown only when something fails: merged into stdout, a warning that a background thread prints (the JVM's
 * note on the ONNX runtime's native load) can land in the middle of the line being waited for.
 */
final class Processes {
    private Processes() {}

    /** Milliseconds from spawn until the child prints a line starting with {@code ready}; fails otherwise. */
    static double timeToReady(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("probe-", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            StringBuilder seen = new StringBuilder();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ready")) {
                        double ms = (System.nanoTime() - start) / 1e6;
                        process.waitFor(10, TimeUnit.SECONDS);
                        if (!line.contains("status=2") && !line.equals("ready")) {
                            throw new IOException("probe answered " + line + " for " + command);
                        }
                        return ms;
                    }
                    seen.append(line).append('\n');
                }
            } finally {
                process.destroyForcibly();
            }
            throw new IOException("no ready line from " + command + ":\n" + seen + Files.readString(errors));
        } finally {
            Files.delete(errors);
        }
    }

    static String output(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile("probe-", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException(
                        "exit " + process.exitValue() + " from " + command + ":\n" + out + Files.readString(errors));
            }
            return out;
        } finally {
            Files.delete(errors);
        }
    }

    /**
     * The last line of a probe's output that starts with {@code start} (a JSON object's first key), read as JSON;
     * the probe's own log lines come before it.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> lastJsonLine(String out, String start, String probe) throws IOException {
        String line = out.lines()
                .filter(l -> l.startsWith(start))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("no result from " + probe + ": " + out));
        return new ObjectMapper().readValue(line, Map.class);
    }

    /** Resident set size of a process in MiB, from /proc. */
    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
