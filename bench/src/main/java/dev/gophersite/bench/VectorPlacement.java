package dev.gophersite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two places the issue allows for the statement vectors, measured in one run: computed at index build by every
 * cold function (shipped), or computed once by the loader, stored with the site version and read by every cold
 * function. Fresh JVMs, interleaved, the ask jar with tuned flags; see {@code StoredVectorsProbe}.
 */
final class VectorPlacement {
    private static final String PROBE = "dev.gophersite.bench.probe.StoredVectorsProbe";
    private static final List<String> MODES = List.of("embed", "read");

    private final Path java;
    private final Path probes;
    private final Map<String, String> env;
    private final int runs;

    VectorPlacement(Path java, Path probes, Map<String, String> env, int runs) {
        this.java = java;
        this.probes = probes;
        this.env = env;
        this.runs = runs;
    }

    Map<String, Object> run(Path askJar) throws IOException, InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loader", line(askJar, "store"));
        Map<String, Map<String, List<Double>>> phases = new LinkedHashMap<>();
        MODES.forEach(m -> phases.put(m, new LinkedHashMap<>()));
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < MODES.size(); k++) {
                String mode = MODES.get((k + round) % MODES.size());
                line(askJar, mode).forEach((name, value) -> {
                    if (value instanceof Number number && !name.equals("vectors")) {
                        phases.get(mode)
                                .computeIfAbsent(name, n -> new ArrayList<>())
                                .add(number.doubleValue());
                    }
                });
            }
            System.out.printf("vector placement round %d/%d%n", round + 1, runs);
        }
        phases.forEach((mode, values) -> {
            Map<String, Object> medians = new LinkedHashMap<>();
            values.forEach((name, list) ->
                    medians.put(name + "_median", Stats.round(Stats.of(list).median())));
            result.put(mode.equals("embed") ? "computed_at_index_build" : "stored_by_loader", medians);
        });
        result.put(
                "note",
                "fresh JVMs with tuned flags, medians over " + runs + "; index = pages read and the lexical "
                        + "index built; model_load = MiniLM loaded and one query embedded (needed either way, for the "
                        + "questions); vectors = every statement embedded, or the stored vectors queried and decoded");
        System.out.println("vector placement: " + result);
        return result;
    }

    private Map<String, Object> line(Path askJar, String mode) throws IOException, InterruptedException {
        String out = Processes.output(
                Bench.javaCommand(java, Bench.TUNED, askJar + ":" + probes, List.of(PROBE, mode)), env, 300);
        return Processes.lastJsonLine(out, "{\"mode\"", "StoredVectorsProbe " + mode);
    }
}
