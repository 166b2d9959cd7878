package dev.gophersite.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dev server as users start it, timed to ready, then loaded with wrk at 50 connections per route. */
final class DevServerLoad {
    private static final int CONNECTIONS = 50;
    private static final int WARM_UP_SECONDS = 3;
    private final Path root;
    private final Path work;

    DevServerLoad(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    Map<String, Object> run() throws IOException, InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            result.put("skipped", "wrk is not installed (apt-get install wrk)");
            return result;
        }
        int port;
        int ollama;
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            ollama = b.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("infra/local/start").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("dev-server.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("MODEL_ENDPOINT", "http://127.0.0.1:" + ollama);
        // bench/run built everything already; time the start itself
        builder.environment().put("LOCAL_SKIP_BUILD", "1");
        String base = "http://127.0.0.1:" + port;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long start = System.nanoTime();
        Process server = builder.start();
        try {
            double readyMs = awaitReady(http, base + "/", start, server);
            result.put("time_to_ready_ms", Stats.round(readyMs));
            result.put(
                    "time_to_ready_note",
                    "infra/local/start with every jar already built: dynalite, tables, content load, routes");
            for (int i = 0; i < 300; i++) {
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/pages/history"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            double rssBefore = Processes.rssMiB(server.pid());
            Path askScript = work.resolve("ask.lua");
            Files.writeString(
                    askScript,
                    "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                            + "wrk.body = '{\"question\":\"How big is the stack a goroutine starts with?\"}'\n");
            Map<String, Object> routes = new LinkedHashMap<>();
            routes.put("GET /api/pages/{slug}", wrk(base + "/api/pages/history", null, 30));
            routes.put("GET /{slug}", wrk(base + "/essentials", null, 10));
            routes.put("GET /api/search", wrk(base + "/api/search?q=goroutine", null, 10));
            routes.put("POST /ask (extractive)", wrk(base + "/ask", askScript, 30));
            result.put("wrk", routes);
            result.put("connections", CONNECTIONS);
            result.put("rss_mib_before", Stats.round(rssBefore));
            result.put("rss_mib_after", Stats.round(Processes.rssMiB(server.pid())));
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        return result;
    }

    private static double awaitReady(HttpClient http, String url, long start, Process server)
            throws IOException, InterruptedException {
        long deadline = start + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException(
                        "dev server exited with " + server.exitValue() + "; see bench/target/run/dev-server.log");
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e6;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(25);
        }
        throw new IOException("dev server not ready within 180 s");
    }

    /**
     * One wrk run per route, after a short unmeasured run at the same concurrency: the dev server creates
     * execution environments on demand, as Lambda does, and their cold starts are measured separately.
     */
    private Map<String, Object> wrk(String url, Path script, int seconds) throws IOException, InterruptedException {
        run(url, script, WARM_UP_SECONDS);
        return run(url, script, seconds);
    }

    private Map<String, Object> run(String url, Path script, int seconds) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.add("-s");
            command.add(script.toString());
        }
        command.add(url);
        String out = Processes.output(command, Map.of(), seconds + 60);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", seconds);
        for (String q : List.of("50", "75", "90", "99")) {
            Matcher m = Pattern.compile("^\\s+" + q + "%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                    .matcher(out);
            if (m.find()) {
                r.put("p" + q + "_ms", Stats.round(toMs(Double.parseDouble(m.group(1)), m.group(2))));
            }
        }
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        r.put("requests_per_s", rps.find() ? Math.round(Double.parseDouble(rps.group(1))) : null);
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
        r.put("requests", total.find() ? Long.parseLong(total.group(1)) : null);
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        long errors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        r.put("errors", errors);
        return r;
    }

    private static double toMs(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
