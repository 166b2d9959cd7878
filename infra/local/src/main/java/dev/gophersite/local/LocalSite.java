package dev.gophersite.local;

import dev.gophersite.infra.SamTemplate;
import dev.gophersite.local.http.DevServer;
import dev.gophersite.local.http.RouteTable;
import dev.gophersite.local.runtime.Functions;
import dev.gophersite.local.template.ApiRoute;
import dev.gophersite.local.template.FunctionSpec;
import dev.gophersite.local.template.TableNames;
import dev.gophersite.local.template.TemplateReader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole local stack: the template's functions and routes, the DynamoDB backend with content loaded, the
 * HTTP server, and the content watcher. {@link #close} stops all of it, dynalite's node process included.
 */
public final class LocalSite implements AutoCloseable {
    /** Values a local run needs differently from AWS; the process environment still overrides them. */
    public static final Map<String, String> LOCAL_DEFAULTS = Map.of("CONTENT_POINTER_TTL_MILLIS", "500");
    private static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(10);
    private static final Duration RELOAD_QUIET = Duration.ofMillis(200);
    private static final Duration OLLAMA_PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final String OLLAMA_DEFAULT = "http://localhost:11434";

    private final List<FunctionSpec> functionSpecs;
    private final Functions functions;
    private final LocalBackend backend;
    private final DevServer server;
    private final Optional<ContentWatcher> watcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private LocalSite(List<FunctionSpec> functionSpecs, Functions functions, LocalBackend backend, DevServer server,
                      Optional<ContentWatcher> watcher) {
        this.functionSpecs = functionSpecs;
        this.functions = functions;
        this.backend = backend;
        this.server = server;
        this.watcher = watcher;
    }

    /** Reads the template, so a function it cannot serve fails here, before anything is started. */
    public static List<FunctionSpec> functionsOf(SamTemplate template, LocalSettings settings) {
        TemplateReader.Result result = new TemplateReader(template, new TemplateReader.Settings(
                TableNames.of(template), settings.region(), LOCAL_DEFAULTS, settings.processEnv())).read();
        result.notes().forEach(Log::info);
        return result.functions();
    }

    public static LocalSite start(LocalSettings settings) throws IOException {
        long started = System.nanoTime();
        SamTemplate template = SamTemplate.load(settings.template());
        List<FunctionSpec> specs = functionsOf(template, settings);
        List<ApiRoute> routes = specs.stream().flatMap(spec -> spec.routes().stream()).toList();
        Functions functions = Functions.start(specs, settings.poolSize(), MAX_QUEUE_WAIT);
        CompletableFuture<String> ollama = CompletableFuture.supplyAsync(
                () -> OllamaProbe.describe(setting(specs, settings, "OLLAMA_BASE_URL", OLLAMA_DEFAULT),
                        setting(specs, settings, "OLLAMA_MODEL", ""), OLLAMA_PROBE_TIMEOUT));

        List<AutoCloseable> opened = new ArrayList<>(List.of(functions));
        try {
            LocalBackend backend = LocalBackend.start(template, TableNames.of(template), settings.dynamoEndpoint(),
                    settings.region(), settings.content());
            opened.add(backend);
            DevServer server = DevServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()),
                    new RouteTable(routes), functions, settings.logRequests());
            opened.add(server);
            Optional<ContentWatcher> watcher = settings.watchContent()
                    ? Optional.of(ContentWatcher.start(settings.content(), RELOAD_QUIET,
                            () -> Log.info(backend.reloadContent())))
                    : Optional.empty();
            LocalSite site = new LocalSite(specs, functions, backend, server, watcher);
            functions.warmInBackground();
            site.printSummary(settings, ollama.join(), Duration.ofNanos(System.nanoTime() - started));
            return site;
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable resource : opened.reversed()) {
                closeQuietly(resource);
            }
            throw e;
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    public int port() {
        return server.port();
    }

    public LocalBackend backend() {
        return backend;
    }

    public Functions functions() {
        return functions;
    }

    public List<FunctionSpec> functionSpecs() {
        return functionSpecs;
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        watcher.ifPresent(ContentWatcher::close);
        server.close();
        functions.close();
        backend.close();
        stopped.countDown();
        Log.info("dev server stopped");
    }

    private void printSummary(LocalSettings settings, String ollama, Duration took) {
        StringBuilder out = new StringBuilder("gopher-site dev server\n");
        out.append("  site:     ").append(url()).append('\n');
        out.append("  dynamodb: ").append(backend.endpoint())
                .append(backend.ownsDynamo() ? " (dynalite, in memory)" : " (AWS_ENDPOINT_URL_DYNAMODB)").append('\n');
        out.append("  content:  version ").append(backend.contentVersion())
                .append(settings.watchContent() ? ", reloaded when " + settings.content() + " changes" : "").append('\n');
        out.append("  ollama:   ").append(ollama).append('\n');
        out.append("  routes:\n");
        for (FunctionSpec spec : functionSpecs) {
            for (ApiRoute route : spec.routes()) {
                out.append(String.format("    %-7s %-22s %s%n", route.method(), route.path(), spec.logicalId()));
            }
        }
        out.append(String.format("ready in %.1f s (Ctrl-C stops)", took.toMillis() / 1000.0));
        System.out.println(out);
    }

    /** A variable as the functions will see it, so the probe checks the Ollama /ask will call. */
    private static String setting(List<FunctionSpec> specs, LocalSettings settings, String name, String fallback) {
        for (FunctionSpec spec : specs) {
            String value = spec.environment().get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return settings.processEnv().getOrDefault(name, fallback);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            Log.warn("while stopping: " + e.getMessage());
        }
    }
}
