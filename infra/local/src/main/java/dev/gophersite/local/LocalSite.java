package dev.gophersite.local;

import dev.gophersite.loader.ContentChange;
import dev.gophersite.loader.deploy.EdgePaths;
import dev.gophersite.local.edge.EdgeConfig;
import dev.gophersite.local.edge.EdgeProxy;
import dev.gophersite.local.http.DevServer;
import dev.gophersite.local.http.RouteTable;
import dev.gophersite.local.runtime.Functions;
import dev.gophersite.local.template.ApiRoute;
import dev.gophersite.local.template.FunctionSpec;
import dev.gophersite.local.template.TableNames;
import dev.gophersite.local.template.TemplateReader;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
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
    /** Variable values a local run needs differently from AWS; the process environment still overrides them. */
    public static final Map<String, String> LOCAL_DEFAULTS = Map.of("CONTENT_POINTER_TTL_MILLIS", "500");
    /**
     * Template parameters a local run sets differently from a deployment: the model is an Ollama on this machine,
     * if one answers, rather than Bedrock. {@code MODEL_PROVIDER}, {@code MODEL_ENDPOINT} and {@code MODEL_ID} in
     * the shell still override what these resolve to.
     */
    public static final Map<String, String> LOCAL_PARAMETERS =
            Map.of("ModelProvider", "ollama", "OllamaBaseUrl", "http://localhost:11434");

    private static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(10);
    private static final Duration RELOAD_QUIET = Duration.ofMillis(200);
    private static final Duration POINTER_MARGIN = Duration.ofMillis(200);
    private static final Duration OLLAMA_PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final List<FunctionSpec> functionSpecs;
    private final Functions functions;
    private final LocalBackend backend;
    private final DevServer server;
    private final Optional<ContentWatcher> watcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Optional<String> stage;
    private final Optional<EdgeProxy> edge;

    private LocalSite(
            List<FunctionSpec> functionSpecs,
            Functions functions,
            LocalBackend backend,
            DevServer server,
            Optional<ContentWatcher> watcher,
            Optional<String> stage,
            Optional<EdgeProxy> edge) {
        this.stage = stage;
        this.edge = edge;
        this.functionSpecs = functionSpecs;
        this.functions = functions;
        this.backend = backend;
        this.server = server;
        this.watcher = watcher;
    }

    /** Reads the template, so a function it cannot serve fails here, before anything is started. */
    public static List<FunctionSpec> functionsOf(SamTemplate template, LocalSettings settings) {
        TemplateReader.Result result = new TemplateReader(
                        template,
                        new TemplateReader.Settings(
                                TableNames.of(template),
                                settings.region(),
                                LOCAL_PARAMETERS,
                                LOCAL_DEFAULTS,
                                settings.processEnv()))
                .read();
        result.notes().forEach(Log::info);
        return result.functions();
    }

    public static LocalSite start(LocalSettings settings) throws IOException {
        long started = System.nanoTime();
        SamTemplate template = SamTemplate.load(settings.template());
        List<FunctionSpec> specs = functionsOf(template, settings);
        List<ApiRoute> routes =
                specs.stream().flatMap(spec -> spec.routes().stream()).toList();
        Functions functions = Functions.start(specs, settings.poolSize(), MAX_QUEUE_WAIT);
        CompletableFuture<String> model = CompletableFuture.supplyAsync(() -> describeModel(specs));

        List<AutoCloseable> opened = new ArrayList<>(List.of(functions));
        try {
            LocalBackend backend = LocalBackend.start(
                    template,
                    TableNames.of(template),
                    settings.dynamoEndpoint(),
                    settings.region(),
                    settings.content());
            opened.add(backend);
            // with the edge, the API sits behind it under the distribution's origin path, on a port of its own
            Optional<EdgeConfig> edgeConfig = settings.edge()
                    ? Optional.of(EdgeConfig.fromTemplate(template)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "EDGE=1 needs the template's " + "AWS::CloudFront::Distribution")))
                    : Optional.empty();
            Optional<String> stage = edgeConfig.map(LocalSite::originStage).or(settings::stage);
            DevServer server = DevServer.start(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.edge() ? 0 : settings.port()),
                    new RouteTable(routes),
                    functions,
                    settings.logRequests(),
                    stage);
            opened.add(server);
            Optional<EdgeProxy> edge = Optional.empty();
            if (edgeConfig.isPresent()) {
                edge = Optional.of(EdgeProxy.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()),
                        edgeConfig.get(),
                        URI.create("http://127.0.0.1:" + server.port() + "/"),
                        Clock.systemUTC()));
                opened.add(edge.get());
            }
            Optional<EdgeProxy> edgeToInvalidate = edge;
            Duration pointerTtl = pointerTtl(specs);
            Optional<ContentWatcher> watcher = settings.watchContent()
                    ? Optional.of(ContentWatcher.start(settings.content(), RELOAD_QUIET, () -> {
                        Log.info(backend.reloadContent());
                        edgeToInvalidate.ifPresent(proxy -> invalidateAfter(pointerTtl, proxy, backend.lastChange()));
                    }))
                    : Optional.empty();
            LocalSite site = new LocalSite(specs, functions, backend, server, watcher, stage, edge);
            functions.warmInBackground();
            site.printSummary(settings, model.join(), Duration.ofNanos(System.nanoTime() - started));
            return site;
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable resource : opened.reversed()) {
                closeQuietly(resource);
            }
            throw e;
        }
    }

    /** The site's address: the root, or {@code /<stage>/} when served under a stage; the edge's root with one. */
    public URI url() {
        if (edge.isPresent()) {
            return URI.create("http://127.0.0.1:" + edge.get().port() + "/");
        }
        return URI.create("http://127.0.0.1:" + server.port()
                + stage.map(name -> "/" + name).orElse("") + "/");
    }

    public int port() {
        return edge.map(EdgeProxy::port).orElse(server.port());
    }

    /** The emulated edge, with {@code EDGE=1}. */
    public Optional<EdgeProxy> edge() {
        return edge;
    }

    /**
     * What the loader does after a load on AWS: once every function has re-read the content pointer, the edge drops
     * what the load changed. Sooner, a function still serving the old version would refill the edge with it.
     */
    private static void invalidateAfter(Duration pointerTtl, EdgeProxy proxy, ContentChange change) {
        try {
            Thread.sleep(pointerTtl.plus(POINTER_MARGIN));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        invalidate(proxy, change);
    }

    /** The longest time any function keeps the content pointer, as the template and the local defaults set it. */
    static Duration pointerTtl(List<FunctionSpec> specs) {
        return specs.stream()
                .map(spec -> spec.environment().get("CONTENT_POINTER_TTL_MILLIS"))
                .filter(value -> value != null && value.matches("\\d+"))
                .map(value -> Duration.ofMillis(Long.parseLong(value)))
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    static void invalidate(EdgeProxy proxy, ContentChange change) {
        List<String> paths = EdgePaths.of(change);
        if (!paths.isEmpty()) {
            Log.info("edge: invalidated " + proxy.edge().invalidate(paths) + " kept responses for " + paths);
        }
    }

    /** {@code /prod} as a stage name; the local API serves under it as the real one does. */
    private static String originStage(EdgeConfig config) {
        String path = config.originPath();
        return path.startsWith("/") ? path.substring(1) : path;
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
        edge.ifPresent(EdgeProxy::close);
        server.close();
        functions.close();
        backend.close();
        stopped.countDown();
        Log.info("dev server stopped");
    }

    private void printSummary(LocalSettings settings, String model, Duration took) {
        StringBuilder out = new StringBuilder("gopher-site dev server\n");
        out.append("  site:     ").append(url()).append('\n');
        edge.ifPresent(proxy -> out.append(
                        "  edge:     CloudFront as template.yaml declares it (EDGE=1), in front of http://127.0.0.1:")
                .append(server.port())
                .append(stage.map(name -> "/" + name).orElse(""))
                .append("/\n"));
        out.append("  dynamodb: ")
                .append(backend.endpoint())
                .append(backend.ownsDynamo() ? " (dynalite, in memory)" : " (AWS_ENDPOINT_URL_DYNAMODB)")
                .append('\n');
        out.append("  content:  version ")
                .append(backend.contentVersion())
                .append(settings.watchContent() ? ", reloaded when " + settings.content() + " changes" : "")
                .append('\n');
        out.append("  model:    ").append(model).append('\n');
        out.append("  routes:\n");
        for (FunctionSpec spec : functionSpecs) {
            for (ApiRoute route : spec.routes()) {
                out.append(String.format("    %-7s %-22s %s%n", route.method(), route.path(), spec.logicalId()));
            }
        }
        out.append(String.format("ready in %.1f s (Ctrl-C stops)", took.toMillis() / 1000.0));
        System.out.println(out);
    }

    /** The model /ask will use, from the variables the function gets, and whether it answers. */
    private static String describeModel(List<FunctionSpec> specs) {
        Map<String, String> env = specs.stream()
                .filter(spec -> spec.environment().containsKey("MODEL_PROVIDER"))
                .findFirst()
                .map(FunctionSpec::environment)
                .orElse(Map.of());
        String provider = env.getOrDefault("MODEL_PROVIDER", "none");
        String id = env.getOrDefault("MODEL_ID", "");
        String endpoint = env.getOrDefault("MODEL_ENDPOINT", "");
        return switch (provider) {
            case "ollama" ->
                endpoint.isBlank()
                        ? "none (MODEL_ENDPOINT is empty); /ask answers extractively"
                        : "ollama " + OllamaProbe.describe(endpoint, id, OLLAMA_PROBE_TIMEOUT);
            case "bedrock" -> "bedrock " + id + " with this shell's AWS credentials";
            default -> "none; /ask answers extractively from the pages";
        };
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            Log.warn("while stopping: " + e.getMessage());
        }
    }
}
