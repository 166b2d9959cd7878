package dev.gophersite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bench/run}: cold start, warm latency and load figures in one run on this machine, written to
 * {@code bench/results/latest.json}, {@code latest.md} and {@code latest.png}. Every figure carries its conditions.
 */
public final class Bench {
    static final String PROBE = "dev.gophersite.bench.probe.Invoke";
    /** What Lambda's java25 runtime applies by itself when SnapStart is off: C1 only. */
    static final List<String> LAMBDA_DEFAULT = List.of("-XX:TieredStopAtLevel=1");

    static final List<String> TUNED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    record Function(String name, Path jar, List<String> invocation) {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("edge") || args[0].equals("cost"))) {
            partial(Repo.root(), args[0].equals("edge"));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path root = Repo.root();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path probes;
        try (Stream<Path> built = Files.list(root.resolve("bench/target"))) {
            probes = built.filter(p -> p.toString().endsWith("-probes.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build first: mvn -pl bench -am package"));
        }
        Path work = Files.createDirectories(root.resolve("bench/target/run"));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("conditions", Conditions.describe(java, runs));

        List<Function> functions = List.of(
                new Function(
                        "pages",
                        root.resolve("functions/pages/target/function.jar"),
                        List.of(
                                "dev.gophersite.pages.handler.PagesApiHandler",
                                "GET",
                                "/api/pages/history",
                                "/api/pages/{slug}",
                                "slug=history")),
                new Function(
                        "ask",
                        root.resolve("functions/ask/target/function.jar"),
                        List.of(
                                "dev.gophersite.ask.handler.AskHandler",
                                "POST",
                                "/ask",
                                "/ask",
                                "{\"question\":\"How big is the stack a goroutine starts with?\"}")));

        try (Dynalite dynalite = Dynalite.start();
                ServerSocket closedForOllama = new ServerSocket(0)) {
            DynamoDbClient admin = LocalDynamo.client(dynalite.endpoint());
            Map<String, String> tables = Map.of(
                    "ContentTable",
                    "bench-content",
                    "AnswerCacheTable",
                    "bench-answers",
                    "FeedbackTable",
                    "bench-feedback");
            Tables.ensure(admin, SamTemplate.load(root.resolve("template.yaml")), tables, System.out::println);
            new ContentLoader(admin, "bench-content").loadDirectory(root.resolve("content"));
            int ollamaPort = closedForOllama.getLocalPort();
            closedForOllama.close();

            Map<String, String> env = new HashMap<>();
            env.put("AWS_REGION", LocalDynamo.REGION);
            env.put("AWS_ACCESS_KEY_ID", LocalDynamo.ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", LocalDynamo.SECRET_KEY);
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
            env.put("TABLE_NAME", "bench-content");
            env.put("ANSWER_CACHE_TABLE", "bench-answers");
            // nothing listens there: /ask answers extractively, as it does when Ollama is down
            env.put("MODEL_ENDPOINT", "http://127.0.0.1:" + ollamaPort);
            env.put("JAVA_TOOL_OPTIONS", "");

            ColdStarts cold = new ColdStarts(java, probes, work, env, runs);
            results.put("jvm_hello_ms", cold.hello());
            Map<String, Object> perFunction = new LinkedHashMap<>();
            for (Function function : functions) {
                perFunction.put(function.name(), cold.function(function));
            }
            results.put("cold", perFunction);
            results.put(
                    "sdk_startup_phases_ms", cold.sdkPhases(functions.getFirst().jar(), "bench-content"));
            results.put("warm_in_process", cold.warm(functions));
            results.put("jar_mb", jarSizes(root, functions));
            // bench/run starts this JVM on the bench's classpath, which holds the models' jars
            List<Path> classpath = Arrays.stream(
                            System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(Path::of)
                    .toList();
            results.put(
                    "retrieval_configs",
                    new RetrievalConfigs(java, probes, work, lambdaEnv(env, "ask"), runs, classpath)
                            .run(functions.stream()
                                    .filter(f -> f.name().equals("ask"))
                                    .findFirst()
                                    .orElseThrow()
                                    .jar()));
            results.put(
                    "vector_placement",
                    new VectorPlacement(java, probes, lambdaEnv(env, "ask"), runs)
                            .run(functions.stream()
                                    .filter(f -> f.name().equals("ask"))
                                    .findFirst()
                                    .orElseThrow()
                                    .jar()));
        }
        results.put("dev_server", new DevServerLoad(root, work).run());
        // prompt sizes first: MiniLM's native tokenizer loads once per JVM, and the replay's dev server would
        // otherwise load it in its ask function's class loader
        results.put("ask_prompt", new PromptSizes(root).run());
        results.put("edge_replay", new EdgeReplay(root).run());
        results.put("targets", Targets.check(results));

        Path out = Files.createDirectories(root.resolve("bench/results"));
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("latest.json").toFile(), results);
        Files.writeString(out.resolve("latest.md"), Report.markdown(results));
        Chart.write(results, out.resolve("latest.png"));
        System.out.println(Report.markdown(results));
        System.out.println("wrote bench/results/latest.json, latest.md, latest.png at " + Instant.now());
        CostModel.main(new String[0]);
    }

    /**
     * {@code bench/run edge}: only the edge replay and the prompt sizes (a few minutes rather than the whole run),
     * written into the existing latest.json beside the other figures, then the cost tables; {@code bench/run cost}:
     * only the cost tables, from latest.json as it is.
     */
    @SuppressWarnings("unchecked")
    private static void partial(Path root, boolean measure) throws Exception {
        if (measure) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Path latest = root.resolve("bench/results/latest.json");
            Map<String, Object> results = json.readValue(latest.toFile(), LinkedHashMap.class);
            // prompt sizes first: MiniLM's native tokenizer loads once per JVM (see main)
            results.put("ask_prompt", new PromptSizes(root).run());
            results.put("edge_replay", new EdgeReplay(root).run());
            json.writeValue(latest.toFile(), results);
            Files.writeString(root.resolve("bench/results/latest.md"), Report.markdown(results));
            System.out.println("wrote edge_replay and ask_prompt into bench/results/latest.json and latest.md at "
                    + Instant.now());
        }
        CostModel.main(new String[0]);
    }

    private static Map<String, Object> jarSizes(Path root, List<Function> functions) throws IOException {
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (Function f : functions) {
            sizes.put(f.name(), Stats.round(megabytes(f.jar())));
        }
        sizes.put("feedback", Stats.round(megabytes(root.resolve("functions/feedback/target/function.jar"))));
        return sizes;
    }

    static Map<String, String> lambdaEnv(Map<String, String> env, String function) {
        Map<String, String> lambda = new HashMap<>(env);
        lambda.put("AWS_LAMBDA_FUNCTION_NAME", "gopher-site-" + function);
        return lambda;
    }

    /** {@code java FLAGS -cp CLASSPATH MAIN ARGS…}: a fresh JVM as every measurement starts one. */
    static List<String> javaCommand(Path java, List<String> flags, String classpath, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classpath);
        command.addAll(mainAndArgs);
        return command;
    }

    static double megabytes(Path file) throws IOException {
        return Files.size(file) / 1024.0 / 1024.0;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
