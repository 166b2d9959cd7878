package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.template.SamLocalEnvironmentTest.Compose;
import dev.gophersite.template.SamLocalEnvironmentTest.ShellCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/sam-local.md end to end: {@code docker compose up}, the model pulled into the Ollama container,
 * LocalStack seeded with the guide's command, {@code sam local start-api} with the guide's flags (on a free port),
 * then a page and {@code POST /ask} through it; everything stopped afterwards.
 *
 * <p>Skipped, with a line starting {@code SKIPPED} on stdout and a JUnit assumption, unless {@code docker info}
 * succeeds and {@code sam --version} is at least {@link #MIN_SAM_CLI}, or when the model cannot be pulled: a
 * missing model is a skip with its reason, never a pass. Once the model is there, {@code /ask} must answer with
 * {@code mode: llm} and a source.
 */
class SamLocalIT {
    /**
     * The first SAM CLI release that knows the {@code java25} runtime, as issue 13 states it. Java 25 came with
     * aws/aws-sam-cli PR #8374 ("add Python 3.14 and Java 25 runtimes", merged 2025-10-29); the release number
     * itself was not confirmed from the release notes.
     */
    static final String MIN_SAM_CLI = "1.146.0";

    private static final Path ROOT = Repo.root();
    private static final Path SAM_LOG = ROOT.resolve("infra/template/target/sam-local-it.log");
    private static final String COMPOSE = SamLocalEnvironmentTest.COMPOSE_FILE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static boolean composeStarted;
    private static String network;
    private static Set<String> containersBeforeSam = Set.of();
    private static Process sam;
    private static int port;

    private static String skipReason;

    @BeforeAll
    static void startTheDocumentedStack() throws Exception {
        try {
            start();
        } catch (Skip skip) {
            skipReason = skip.getMessage();
            System.out.println("SKIPPED SamLocalIT: " + skipReason);
        }
    }

    private static void start() throws Exception {
        // what the guide needs
        Run docker = run(Duration.ofSeconds(30), Map.of(), List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        if (!docker.ok()) {
            skip("no Docker engine answers `docker info`: " + firstLine(docker.output()));
        }
        Run samVersion = run(Duration.ofSeconds(60), Map.of(), List.of("sam", "--version"));
        if (!samVersion.ok()) {
            skip("the `sam` command does not run: " + firstLine(samVersion.output()));
        }
        String version = versionOf(samVersion.output());
        if (version == null || compareVersions(version, MIN_SAM_CLI) < 0) {
            skip("SAM CLI " + version + " is older than " + MIN_SAM_CLI + ", the first that knows java25");
        }
        for (String jar : codeUris()) {
            if (!Files.isRegularFile(ROOT.resolve(jar))) {
                skip(jar + " is not built: run `mvn -B -DskipTests package` first");
            }
        }
        String guide = SamLocalEnvironmentTest.readGuide();
        ShellCommand seed = ShellCommand.find(guide, "infra/local/start --seed").orElseThrow();
        ShellCommand start = ShellCommand.find(guide, "sam local start-api").orElseThrow();
        network = Compose.load(ROOT.resolve(COMPOSE)).defaultNetwork();
        String model = SamLocalEnvironmentTest.readJson(ROOT.resolve(SamLocalEnvironmentTest.ENV_VARS_FILE))
                .path("AskFunction")
                .path("MODEL_ID")
                .asText();

        // compose up, waiting for the health checks
        composeStarted = true;
        Run up = run(
                Duration.ofMinutes(15), Map.of(), List.of("docker", "compose", "-f", COMPOSE, "up", "-d", "--wait"));
        assertThat(up.ok()).as("docker compose up:\n" + up.output()).isTrue();

        // the model, inside the ollama container
        Run pull = run(
                Duration.ofMinutes(20),
                Map.of(),
                List.of("docker", "compose", "-f", COMPOSE, "exec", "-T", "ollama", "ollama", "pull", model));
        if (!pull.ok()) {
            skip("`ollama pull " + model + "` failed in the ollama container: " + lastLine(pull.output()));
        }
        warmUp(model);

        // LocalStack seeded exactly as the guide says
        Run seeded = run(Duration.ofMinutes(15), seed.env(), executable(seed.words()));
        assertThat(seeded.ok()).as("guide seed command:\n" + seeded.output()).isTrue();

        // sam local start-api with the guide's flags, on a free port
        port = freePort();
        containersBeforeSam = containersOn(network);
        Files.createDirectories(SAM_LOG.getParent());
        ProcessBuilder builder = new ProcessBuilder(withPort(start.words(), port))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(SAM_LOG.toFile());
        builder.environment().putAll(start.env());
        sam = builder.start();
        awaitPort(port, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (sam != null) {
            stopSam();
        }
        if (network != null && sam != null) {
            // Lambda containers this run's sam left on the compose network would keep `down` from removing it
            Set<String> leftovers = new HashSet<>(containersOn(network));
            leftovers.removeAll(containersBeforeSam);
            leftovers.removeAll(composeContainers());
            if (!leftovers.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
                rm.addAll(leftovers);
                run(Duration.ofMinutes(1), Map.of(), rm);
            }
        }
        if (composeStarted) {
            Run down = run(Duration.ofMinutes(3), Map.of(), List.of("docker", "compose", "-f", COMPOSE, "down"));
            if (!down.ok()) {
                System.out.println("[SamLocalIT] docker compose down failed:\n" + down.output());
            }
        }
    }

    @Test
    void a_page_is_rendered_from_localstack_through_sam_local() throws Exception {
        // given
        assumeTrue(skipReason == null, skipReason);

        // when: the first request also pulls the java25 emulation image and starts the JVM
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(url("/history"))
                        .timeout(Duration.ofMinutes(8))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(page.statusCode()).as(page.body() + samLogTail()).isEqualTo(200);
        assertThat(page.body()).contains("Griesemer");
    }

    @Test
    void ask_answers_with_the_ollama_model_and_cites_a_source() throws Exception {
        // given
        assumeTrue(skipReason == null, skipReason);
        String question = JSON.writeValueAsString(Map.of("question", "How big is a goroutine's stack when it starts?"));

        // when
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url("/ask"))
                        .timeout(Duration.ofMinutes(8))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(question))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).as(response.body() + samLogTail()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        System.out.println("[SamLocalIT] " + body.path("mode").asText() + ": "
                + body.path("answer").asText());
        assertThat(body.path("mode").asText())
                .as("mode, with " + body.path("model").asText() + samLogTail())
                .isEqualTo("llm");
        assertThat(body.path("sources").isArray()).isTrue();
        assertThat(body.path("sources").size()).as("sources").isPositive();
    }

    // ---- steps ----

    private static void skip(String reason) {
        throw new Skip(reason);
    }

    /** A missing prerequisite: the tests are skipped with this reason, and what was started is stopped. */
    private static final class Skip extends RuntimeException {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Loads the model into Ollama's memory, so the first /ask does not spend its model budget on loading. */
    private static void warmUp(String model) {
        try {
            String body = JSON.writeValueAsString(Map.of("model", model, "prompt", "Say OK.", "stream", false));
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:11434/api/generate"))
                            .timeout(Duration.ofMinutes(3))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("[SamLocalIT] model warm-up answered " + response.statusCode());
        } catch (IOException e) {
            System.out.println("[SamLocalIT] model warm-up failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ctrl-C, as a person stops it (SAM cleans up its containers on SIGINT), then harder. */
    private static void stopSam() throws InterruptedException {
        if (sam.isAlive()) {
            List<String> kill = new ArrayList<>(List.of("kill", "-INT", Long.toString(sam.pid())));
            sam.descendants().forEach(child -> kill.add(Long.toString(child.pid())));
            run(Duration.ofSeconds(10), Map.of(), kill);
            if (!sam.waitFor(60, TimeUnit.SECONDS)) {
                sam.descendants().forEach(ProcessHandle::destroy);
                sam.destroy();
                if (!sam.waitFor(20, TimeUnit.SECONDS)) {
                    sam.descendants().forEach(ProcessHandle::destroyForcibly);
                    sam.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Set<String> containersOn(String network) {
        Run ps = run(
                Duration.ofSeconds(30),
                Map.of(),
                List.of("docker", "ps", "-aq", "--no-trunc", "--filter", "network=" + network));
        return ps.ok()
                ? Set.copyOf(ps.output()
                        .lines()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                : Set.of();
    }

    private static Set<String> composeContainers() {
        Run ps = run(
                Duration.ofSeconds(30),
                Map.of(),
                List.of("docker", "compose", "-f", COMPOSE, "ps", "-aq", "--no-trunc"));
        return ps.ok()
                ? Set.copyOf(ps.output()
                        .lines()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                : Set.of();
    }

    private static List<String> codeUris() {
        List<String> jars = new ArrayList<>();
        Template.functions()
                .values()
                .forEach(f -> jars.add(String.valueOf(SamTemplate.properties(f).get("CodeUri"))));
        return jars.stream().distinct().toList();
    }

    /** A guide command's words, with a repository-relative program made absolute. */
    private static List<String> executable(List<String> words) {
        List<String> command = new ArrayList<>(words);
        if (command.getFirst().contains("/") && !command.getFirst().startsWith("/")) {
            command.set(0, ROOT.resolve(command.getFirst()).toString());
        }
        return command;
    }

    static List<String> withPort(List<String> words, int port) {
        List<String> command = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < words.size(); i++) {
            if ((words.get(i).equals("--port") || words.get(i).equals("-p")) && i + 1 < words.size()) {
                command.add("--port");
                command.add(Integer.toString(port));
                i++;
                replaced = true;
            } else if (words.get(i).startsWith("--port=")) {
                command.add("--port=" + port);
                replaced = true;
            } else {
                command.add(words.get(i));
            }
        }
        if (!replaced) {
            command.add("--port");
            command.add(Integer.toString(port));
        }
        return command;
    }

    private static void awaitPort(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!sam.isAlive()) {
                throw new AssertionError("sam local start-api exited with " + sam.exitValue() + samLogTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("sam local start-api did not listen on " + port + " within " + timeout + samLogTail());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String samLogTail() {
        try {
            List<String> lines = Files.readAllLines(SAM_LOG, StandardCharsets.UTF_8);
            return "\n--- sam local (last lines of " + SAM_LOG + ") ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static String versionOf(String samVersionOutput) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)").matcher(samVersionOutput);
        return m.find() ? m.group() : null;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(
                    i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no output)");
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.getLast();
    }

    record Run(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    /** Runs a command in the repository root with a timeout; output and errors together. */
    static Run run(Duration timeout, Map<String, String> env, List<String> command) {
        Path out = null;
        try {
            out = Files.createTempFile("sam-local-it", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Run(
                        -1,
                        String.join(" ", command) + " timed out after " + timeout + "\n"
                                + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(-1, command.getFirst() + " could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        } finally {
            deleteQuietly(out);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }
}
