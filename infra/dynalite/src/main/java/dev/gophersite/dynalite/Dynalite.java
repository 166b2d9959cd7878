package dev.gophersite.dynalite;

import dev.gophersite.project.Repo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pinned dynalite (see {@code infra/dynalite/package-lock.json}) as an in-memory child process on a free
 * loopback port. Installs it with {@code npm ci} on first use. The process dies with this JVM.
 */
public final class Dynalite implements AutoCloseable {
    private static final int MIN_NODE_MAJOR = 20;
    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static Dynalite start() {
        return start(Repo.root().resolve("infra/dynalite"), 0);
    }

    public static Dynalite start(Path dir, int port) {
        try {
            requireNode();
            Path cli = dir.resolve("node_modules/dynalite/cli.js");
            if (!Files.exists(cli)) {
                Npm.ci(dir);
            }
            int chosen = port > 0 ? port : freePort();
            Process process = new ProcessBuilder(
                            "node",
                            cli.toString(),
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(chosen),
                            "--createTableMs",
                            "0",
                            "--deleteTableMs",
                            "0",
                            "--updateTableMs",
                            "0")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "dynalite-stop"));
            awaitListening(process, chosen);
            return new Dynalite(process, URI.create("http://127.0.0.1:" + chosen));
        } catch (IOException e) {
            throw new IllegalStateException("could not start dynalite from " + dir + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitListening(Process process, int port) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains("listening")) {
                        drainInBackground(out);
                        return null;
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e.getMessage());
            }
            return seen.toString();
        });
        try {
            String failure = ready.get(20, TimeUnit.SECONDS);
            if (failure != null) {
                throw new IOException("dynalite exited before listening on port " + port + ":\n" + failure);
            }
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("dynalite did not start listening on port " + port + " within 20 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting dynalite");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("dynalite start failed", e.getCause());
        }
    }

    private static void drainInBackground(BufferedReader out) {
        Thread drain = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // dynalite only logs with --verbose; keep its pipe from filling up regardless
                        }
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                },
                "dynalite-output");
        drain.setDaemon(true);
        drain.start();
    }

    private static void requireNode() throws IOException {
        String version;
        try {
            version = run(Path.of("."), List.of("node", "--version"), 10).trim();
        } catch (IOException e) {
            throw new IOException(
                    "Node.js " + MIN_NODE_MAJOR + "+ is needed to run dynalite, and `node` was not found", e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
        if (major < MIN_NODE_MAJOR) {
            throw new IOException("Node.js " + MIN_NODE_MAJOR + "+ is needed to run dynalite; found " + version);
        }
    }

    static String run(Path dir, List<String> command, int timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
