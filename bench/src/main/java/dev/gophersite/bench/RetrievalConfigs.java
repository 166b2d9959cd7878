package dev.gophersite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every retrieval configuration the evaluation scores, measured the same way: cold start to the first answer (C1
 * flags as Lambda applies them, and tuned flags with an AOT cache trained per configuration), the time until the
 * index has its meaning (what SnapStart priming waits for), warm POST /ask latency, and what the configuration adds
 * to the ask jar. Models the function does not bundle run with their jar next to it.
 */
final class RetrievalConfigs {
    static final List<String> CONFIGS =
            List.of("lexical", "all-minilm-l6-v2-q", "minilm-fused", "bge-small-en-v15-q", "e5-small-v2-q");
    static final String QUESTION = "How big is the stack a goroutine starts with?";
    static final int WARM_RUNS = 1000;
    private static final String PROBE = "dev.gophersite.bench.probe.MeaningProbe";

    private final Path java;
    private final Path probes;
    private final Path work;
    private final Map<String, String> env;
    private final int runs;
    private final Map<String, Path> modelJars;

    RetrievalConfigs(Path java, Path probes, Path work, Map<String, String> env, int runs, List<Path> classpath) {
        this.java = java;
        this.probes = probes;
        this.work = work;
        this.env = env;
        this.runs = runs;
        this.modelJars = new HashMap<>();
        for (String model : List.of("all-minilm-l6-v2-q", "bge-small-en-v15-q", "e5-small-v2-q")) {
            modelJars.put(
                    model,
                    classpath.stream()
                            .filter(p -> p.getFileName().toString().startsWith("langchain4j-embeddings-" + model + "-"))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no jar of " + model
                                    + " on the bench's classpath; it is a dependency of bench/pom.xml")));
        }
    }

    Map<String, Object> run(Path askJar) throws IOException, InterruptedException {
        Map<String, Path> aot = new LinkedHashMap<>();
        for (String config : CONFIGS) {
            Path cache = work.resolve("ask-" + config + ".aot");
            Files.deleteIfExists(cache);
            Processes.output(
                    command(
                            Bench.concat(Bench.TUNED, List.of("-XX:AOTCacheOutput=" + cache)),
                            askJar,
                            config,
                            List.of("cold", QUESTION)),
                    env,
                    300);
            aot.put(config, cache);
        }
        Map<String, List<Double>> c1 = new LinkedHashMap<>();
        Map<String, List<Double>> shipped = new LinkedHashMap<>();
        CONFIGS.forEach(c -> {
            c1.put(c, new ArrayList<>());
            shipped.put(c, new ArrayList<>());
        });
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < CONFIGS.size(); k++) {
                String config = CONFIGS.get((k + round) % CONFIGS.size());
                c1.get(config)
                        .add(Processes.timeToReady(
                                command(Bench.LAMBDA_DEFAULT, askJar, config, List.of("cold", QUESTION)), env));
                shipped.get(config)
                        .add(Processes.timeToReady(
                                command(
                                        Bench.concat(Bench.TUNED, List.of("-XX:AOTCache=" + aot.get(config))),
                                        askJar,
                                        config,
                                        List.of("cold", QUESTION)),
                                env));
            }
            System.out.printf("retrieval configs round %d/%d%n", round + 1, runs);
        }
        double withoutMiniLm = Bench.megabytes(askJar) - Bench.megabytes(modelJars.get("all-minilm-l6-v2-q"));
        Map<String, Object> result = new LinkedHashMap<>();
        for (String config : CONFIGS) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cold_lambda_c1_median", Stats.round(Stats.of(c1.get(config)).median()));
            r.put(
                    "cold_shipped_median",
                    Stats.round(Stats.of(shipped.get(config)).median()));
            String out = Processes.output(
                    command(Bench.TUNED, askJar, config, List.of(Integer.toString(WARM_RUNS), QUESTION)), env, 600);
            Processes.lastJsonLine(out, "{\"config\"", "MeaningProbe " + config).forEach((k, v) -> {
                if (!k.equals("config")) {
                    r.put(String.valueOf(k), v);
                }
            });
            String model = model(config);
            double modelMb = model == null ? 0.0 : Bench.megabytes(modelJars.get(model));
            r.put("ask_jar_mb", Stats.round(withoutMiniLm + modelMb));
            r.put("model_jar_mb", Stats.round(modelMb));
            result.put(config, r);
            System.out.println("retrieval config " + config + ": " + r);
        }
        result.put(
                "note",
                "cold = spawn to the first POST /ask answer, medians over " + runs + " fresh JVMs; the first "
                        + "answer waits (up to 10 s) for the meaning, so with a model it includes loading it and embedding the site; meaning_ready_ms = from the probe's "
                        + "start (JVM up) until the index has it (model loaded, every statement embedded); warm = "
                        + WARM_RUNS
                        + " POST /ask right after that, tuned flags without an AOT cache; ask_jar_mb = the shipped ask jar with "
                        + "MiniLM's model jar swapped for the configuration's (removed for lexical; the ONNX runtime stays), "
                        + "computed from the jar sizes");
        return result;
    }

    private static String model(String config) {
        return switch (config) {
            case "lexical" -> null;
            case "minilm-fused" -> "all-minilm-l6-v2-q";
            default -> config;
        };
    }

    private List<String> command(List<String> flags, Path askJar, String config, List<String> args) {
        String model = model(config);
        // the shipped jar bundles MiniLM; the other models are put next to it
        String classpath = askJar + ":" + probes
                + (model == null || model.equals("all-minilm-l6-v2-q") ? "" : ":" + modelJars.get(model));
        return Bench.javaCommand(java, flags, classpath, Bench.concat(List.of(PROBE, config), args));
    }
}
