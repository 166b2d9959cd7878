package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.project.Repo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/local/start} as a developer runs it: a real process that serves the site, and that SIGTERM stops
 * completely, dynalite's node process included, with the port freed.
 */
class StartScriptIT {
    @TempDir
    Path dir;

    Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void start_serves_the_site_and_sigterm_stops_it_with_its_children_and_frees_the_port() throws Exception {
        // given
        int port = freePort();
        Path output = dir.resolve("start.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Repo.root().resolve("infra/local/start").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        // the reactor has just built everything; a nested build inside `mvn verify` would only repeat it
        builder.environment().put("LOCAL_SKIP_BUILD", "1");
        builder.environment().put("MODEL_ENDPOINT", "http://127.0.0.1:9");
        long started = System.nanoTime();
        process = builder.start();

        // when
        awaitLine(output, "ready in", Duration.ofSeconds(60));
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        List<ProcessHandle> children = process.descendants().toList();
        List<String> commands = children.stream()
                .map(child -> child.info().command().orElse(""))
                .toList();
        int status = new Http(URI.create("http://127.0.0.1:" + port + "/"))
                .get("/api/pages")
                .statusCode();
        // the ask function's model loads in the background; the server says when its answers have their meaning
        awaitLine(output, "meaning ready", Duration.ofSeconds(60));
        process.destroy();
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);

        // then
        System.out.println("infra/local/start was ready after " + readyMillis + " ms");
        assertThat(status).isEqualTo(200);
        assertThat(commands).anySatisfy(command -> assertThat(command).endsWith("node"));
        assertThat(exited).isTrue();
        for (ProcessHandle child : children) {
            assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(Files.readString(output)).contains("dev server stopped");
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private void awaitLine(Path output, String text, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readString(output).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "infra/local/start exited with " + process.exitValue() + ":\n" + Files.readString(output));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("infra/local/start was not ready within " + limit + ":\n" + Files.readString(output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
