package dev.gophersite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where and how the numbers were taken, so a reader can judge and reproduce them. */
final class Conditions {
    private Conditions() {}

    static Map<String, Object> describe(Path java, int runs) throws IOException {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("date", Instant.now().toString());
        c.put("cpu", cpuModel());
        c.put("cores", Runtime.getRuntime().availableProcessors());
        c.put("memory_gib", Math.round(memoryKib() / 1024.0 / 1024.0));
        c.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        c.put(
                "java",
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version") + " at "
                        + java);
        c.put("cold_runs_per_config", runs);
        c.put(
                "cold_measure",
                "wall time from process spawn to the first complete handler response (one line on stdout), "
                        + "fresh JVM per run, DynamoDB = dynalite on loopback over HTTP");
        c.put("note", "machines here are noisy: compare ratios from the same run, not absolute numbers across runs");
        return c;
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static long memoryKib() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        return 0;
    }
}
