package dev.gophersite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fresh JVMs, timed from spawn to the first complete response, in interleaved rounds so drift hits every config. */
final class ColdStarts {
    private final Path java;
    private final Path probes;
    private final Path work;
    private final Map<String, String> env;
    private final int runs;
    private final Map<String, Path> aotCaches = new HashMap<>();

    ColdStarts(Path java, Path probes, Path work, Map<String, String> env, int runs) {
        this.java = java;
        this.probes = probes;
        this.work = work;
        this.env = env;
        this.runs = runs;
    }

    Map<String, Object> hello() throws IOException, InterruptedException {
        List<Double> tuned = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> tls = new ArrayList<>();
        Path tlsCache = work.resolve("tls.aot");
        Files.deleteIfExists(tlsCache);
        Processes.output(
                command(
                        Bench.concat(Bench.TUNED, List.of("-XX:AOTCacheOutput=" + tlsCache)),
                        probes.toString(),
                        List.of("dev.gophersite.bench.probe.TlsFloor")),
                env,
                120);
        List<String> tlsFlags = Bench.concat(Bench.TUNED, List.of("-XX:AOTCache=" + tlsCache));
        for (int i = 0; i < runs + 5; i++) {
            tuned.add(Processes.timeToReady(
                    command(Bench.TUNED, probes.toString(), List.of("dev.gophersite.bench.probe.Hello")), env));
            plain.add(Processes.timeToReady(
                    command(List.of(), probes.toString(), List.of("dev.gophersite.bench.probe.Hello")), env));
            tls.add(Processes.timeToReady(
                    command(tlsFlags, probes.toString(), List.of("dev.gophersite.bench.probe.TlsFloor")), env));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("median", Stats.round(Stats.of(tuned).median()));
        result.put("p90", Stats.round(Stats.of(tuned).p90()));
        result.put("flags", String.join(" ", Bench.TUNED));
        result.put("default_flags_median", Stats.round(Stats.of(plain).median()));
        result.put("tls_floor_median", Stats.round(Stats.of(tls).median()));
        result.put("tls_floor_note", "tuned flags and its own AOT cache, like the shipped config");
        return result;
    }

    Map<String, Object> function(Bench.Function function) throws IOException, InterruptedException {
        String classpath = function.jar() + ":" + probes;
        Path aot = work.resolve(function.name() + ".aot");
        Files.deleteIfExists(aot);
        long trainStart = System.nanoTime();
        List<String> train = new ArrayList<>(Bench.TUNED);
        train.add("-XX:AOTCacheOutput=" + aot);
        Processes.output(command(train, classpath, invocation(function)), lambdaEnv(function), 300);
        double trainMs = (System.nanoTime() - trainStart) / 1e6;
        aotCaches.put(function.name(), aot);

        Map<String, List<String>> configs = new LinkedHashMap<>();
        configs.put("naive", List.of());
        configs.put("lambda_c1", Bench.LAMBDA_DEFAULT);
        configs.put("tuned_flags", Bench.TUNED);
        configs.put("shipped", Bench.concat(Bench.TUNED, List.of("-XX:AOTCache=" + aot)));
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        configs.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        List<String> names = new ArrayList<>(configs.keySet());
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + round) % names.size());
                Map<String, String> childEnv = name.equals("naive") ? env : lambdaEnv(function);
                samples.get(name)
                        .add(Processes.timeToReady(
                                command(configs.get(name), classpath, invocation(function)), childEnv));
            }
            System.out.printf("cold %s round %d/%d%n", function.name(), round + 1, runs);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        samples.forEach((name, values) -> {
            Stats stats = Stats.of(values);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("median", Stats.round(stats.median()));
            s.put("p90", Stats.round(stats.p90()));
            s.put("min", Stats.round(stats.percentile(0)));
            s.put("flags", String.join(" ", configs.get(name)).replace(aot.toString(), function.name() + ".aot"));
            result.put(name, s);
        });
        result.put("aot_cache_mb", Stats.round(Bench.megabytes(aot)));
        result.put("aot_training_ms", Stats.round(trainMs));
        result.put(
                "event",
                String.join(
                        " ",
                        function.invocation().subList(1, function.invocation().size())));
        return result;
    }

    /** Medians per SDK start-up phase over fresh JVMs next to the pages jar, shipped flags (its AOT cache). */
    @SuppressWarnings("unchecked")
    Map<String, Object> sdkPhases(Path pagesJar, String table) throws IOException, InterruptedException {
        Path cache = work.resolve("sdk.aot");
        Files.deleteIfExists(cache);
        List<String> probe = List.of("dev.gophersite.bench.probe.SdkPhases", table);
        String classpath = pagesJar + ":" + probes;
        Processes.output(
                command(Bench.concat(Bench.TUNED, List.of("-XX:AOTCacheOutput=" + cache)), classpath, probe), env, 120);
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < runs; i++) {
            String out = Processes.output(
                    command(Bench.concat(Bench.TUNED, List.of("-XX:AOTCache=" + cache)), classpath, probe), env, 60);
            String line = out.lines()
                    .filter(l -> l.startsWith("ready {"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no result from SdkPhases: " + out));
            Map<String, Object> values = json.readValue(line.substring("ready ".length()), Map.class);
            values.forEach(
                    (k, v) -> phases.computeIfAbsent(k, x -> new ArrayList<>()).add(((Number) v).doubleValue()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        phases.forEach((k, v) -> result.put(k, Stats.round(Stats.of(v).median())));
        result.put("note", "medians over " + runs + " fresh JVMs; explicit region and environment credentials");
        return result;
    }

    /** Thousands of invocations in one warm JVM per route, shipped flags. */
    Map<String, Object> warm(List<Bench.Function> functions) throws IOException, InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Bench.Function function : functions) {
            for (List<String> route : routes(function)) {
                String label = route.get(1) + " " + route.get(2)
                        + (route.get(route.size() - 1).contains("Australia")
                                ? " (refused)"
                                : function.name().equals("ask") && route.get(1).equals("POST") ? " (extractive)" : "");
                result.put(label, warmRoute(function, route, lambdaEnv(function)));
            }
            if (function.name().equals("ask")) {
                // a model answer is cached; every later identical question is an answer-cache hit
                try (StubOllama ollama = new StubOllama()) {
                    Map<String, String> env = new HashMap<>(lambdaEnv(function));
                    env.put("MODEL_ENDPOINT", ollama.url());
                    Map<String, Object> hits = warmRoute(function, function.invocation(), env);
                    hits.put("model_calls", ollama.chats());
                    result.put("POST /ask (answer cache hit)", hits);
                }
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> warmRoute(Bench.Function function, List<String> route, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> flags = Bench.concat(
                Bench.TUNED,
                List.of(
                        "-XX:AOTCache=" + aotCaches.get(function.name()),
                        "-Dbench.settle.ms=" + (function.name().equals("ask") ? 10_000 : 0)));
        List<String> args = new ArrayList<>(List.of(Bench.PROBE, "warm", "3000"));
        args.addAll(route);
        String out = Processes.output(command(flags, function.jar() + ":" + probes, args), env, 600);
        return new LinkedHashMap<>(Processes.lastJsonLine(out, "{\"runs\"", "warm probe"));
    }

    private static List<List<String>> routes(Bench.Function function) {
        List<List<String>> routes = new ArrayList<>();
        routes.add(function.invocation());
        if (function.name().equals("pages")) {
            routes.add(List.of("dev.gophersite.pages.handler.PagesApiHandler", "GET", "/api/pages", "/api/pages"));
            routes.add(List.of(
                    "dev.gophersite.pages.handler.SiteHandler", "GET", "/essentials", "/{slug}", "slug=essentials"));
        } else if (function.name().equals("ask")) {
            routes.add(List.of(
                    "dev.gophersite.ask.handler.SearchHandler",
                    "GET",
                    "/api/search",
                    "/api/search",
                    "?q=goroutine stack size"));
            routes.add(List.of(
                    "dev.gophersite.ask.handler.AskHandler",
                    "POST",
                    "/ask",
                    "/ask",
                    "{\"question\":\"What is the capital of Australia?\"}"));
        }
        return routes;
    }

    private Map<String, String> lambdaEnv(Bench.Function function) {
        return Bench.lambdaEnv(env, function.name());
    }

    private static List<String> invocation(Bench.Function function) {
        List<String> args = new ArrayList<>(List.of(Bench.PROBE, "cold"));
        args.addAll(function.invocation());
        return args;
    }

    private List<String> command(List<String> flags, String classpath, List<String> mainAndArgs) {
        return Bench.javaCommand(java, flags, classpath, mainAndArgs);
    }
}
