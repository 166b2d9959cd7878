package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.local.lambda.RuntimeStandIn;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Stopping a process while the ask function's embedding model loads in native code (ONNX Runtime) must end it
 * cleanly: the exit status of the signal, and no JVM crash report ({@code hs_err_pid*.log}) in its working
 * directory. Tried at several moments of start-up, for the dev server ({@code infra/local/start}) and for the
 * function as Lambda runs it (the handler's production constructor in a JVM of its own, then SIGTERM, which Lambda
 * sends before it shuts an environment down).
 */
@ExtendWith(DynaliteExtension.class)
class NativeShutdownIT {
    /** The line the ask function logs when its lexical index is built; the model starts loading right after. */
    private static final String INDEX_BUILT = "search index built";
    /** SIGTERM's exit status: 128 + 15. */
    private static final int SIGTERM_STATUS = 143;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    record Run(String moment, int status, List<String> crashReports, String output) {}

    @AfterEach
    void killLeftovers() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void dev_server_stopped_at_any_moment_of_start_up_exits_cleanly() throws Exception {
        List<Run> runs = new ArrayList<>();
        // during the tables and content load, when the site is ready, then through the model's load
        runs.add(devServer("1 s after start", null, Duration.ofSeconds(1)));
        runs.add(devServer("when ready", "ready in", Duration.ZERO));
        for (long millis : new long[] {0, 300, 600, 900, 1200}) {
            runs.add(devServer(millis + " ms after the index", INDEX_BUILT, Duration.ofMillis(millis)));
        }
        assertClean(runs);
    }

    @Test
    void ask_function_stopped_while_its_model_loads_exits_cleanly(Dynalite dynalite) throws Exception {
        String table = "native-shutdown-" + UUID.randomUUID();
        DynamoDbClient dynamo = LocalDynamo.client(dynalite.endpoint());
        Tables.ensure(
                dynamo,
                SamTemplate.load(Repo.root().resolve("template.yaml")),
                Map.of("ContentTable", table),
                System.out::println);
        new ContentLoader(dynamo, table).loadDirectory(Repo.root().resolve("content"));
        List<Run> runs = new ArrayList<>();
        for (long millis : new long[] {0, 400, 800, 1200}) {
            runs.add(function(millis + " ms after the index", table, dynalite, Duration.ofMillis(millis)));
        }
        assertClean(runs);
    }

    private static void assertClean(List<Run> runs) {
        runs.forEach(run -> System.out.println("NativeShutdownIT: " + run.moment() + " -> exit " + run.status()
                + (run.crashReports().isEmpty() ? "" : ", crash report " + run.crashReports())));
        for (Run run : runs) {
            assertThat(run.crashReports())
                    .as(run.moment() + ": JVM crash reports\n" + run.output())
                    .isEmpty();
            assertThat(run.output()).as(run.moment()).doesNotContain("A fatal error has been detected");
            assertThat(run.status())
                    .as(run.moment() + ": exit status\n" + run.output())
                    .isEqualTo(SIGTERM_STATUS);
        }
    }

    private Run devServer(String moment, String line, Duration after) throws Exception {
        Path work = Files.createDirectories(dir.resolve("dev-" + started.size()));
        ProcessBuilder builder = new ProcessBuilder(
                        Repo.root().resolve("infra/local/start").toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile());
        builder.environment().put("PORT", Integer.toString(freePort()));
        builder.environment().put("LOCAL_SKIP_BUILD", "1");
        builder.environment().put("MODEL_ENDPOINT", "http://127.0.0.1:9");
        return stopAt(moment, builder, work, line, after);
    }

    private Run function(String moment, String table, Dynalite dynalite, Duration after) throws Exception {
        Path work = Files.createDirectories(dir.resolve("fn-" + started.size()));
        String classpath =
                Repo.root().resolve("functions/ask/target/function.jar") + File.pathSeparator + testClasses();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        RuntimeStandIn.class.getName(),
                        "dev.gophersite.ask.handler.AskHandler")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "AskFunction");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("TABLE_NAME", table);
        env.put("DYNAMODB_ENDPOINT_URL", dynalite.endpoint().toString());
        env.put("MODEL_PROVIDER", "none");
        return stopAt(moment, builder, work, INDEX_BUILT, after);
    }

    /** Starts the process, waits for {@code line} (or not, when null), then {@code after}, then sends SIGTERM. */
    private Run stopAt(String moment, ProcessBuilder builder, Path work, String line, Duration after) throws Exception {
        Process process = builder.start();
        started.add(process);
        Path output = work.resolve("out.log");
        if (line != null) {
            awaitLine(process, output, line, Duration.ofSeconds(90));
        }
        Thread.sleep(after.toMillis());
        process.destroy();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        assertThat(exited)
                .as(moment + ": exited after SIGTERM\n" + Files.readString(output))
                .isTrue();
        List<String> reports;
        try (Stream<Path> files = Files.list(work)) {
            reports = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("hs_err_pid"))
                    .toList();
        }
        return new Run(moment, process.exitValue(), reports, Files.readString(output));
    }

    private static void awaitLine(Process process, Path output, String text, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readString(output).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "exited with " + process.exitValue() + " before '" + text + "':\n" + Files.readString(output));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no '" + text + "' within " + limit + ":\n" + Files.readString(output));
    }

    private static String testClasses() throws URISyntaxException {
        return Path.of(RuntimeStandIn.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
