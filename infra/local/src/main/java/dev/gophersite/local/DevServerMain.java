package dev.gophersite.local;

import dev.gophersite.common.lifecycle.ShutdownSignals;
import dev.gophersite.local.template.TableNames;
import dev.gophersite.local.template.TemplateException;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code infra/local/start}: the local stack in the foreground until Ctrl-C or SIGTERM.
 * {@code infra/local/start --seed} only creates the tables and loads content/ into the DynamoDB API at
 * {@code AWS_ENDPOINT_URL_DYNAMODB} (LocalStack for {@code sam local start-api}), then exits.
 */
public final class DevServerMain {
    /** Longest a stop signal waits for a start in progress; a start takes seconds. */
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private DevServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        boolean seedOnly = args.length == 1 && args[0].equals("--seed");
        if (args.length > 0 && !seedOnly) {
            System.err.println("usage: infra/local/start [--seed]");
            System.exit(64);
        }
        // Ctrl-C and SIGTERM stop the site before any shutdown hook runs: a function's model may be loading in
        // native code, which must end before ONNX Runtime's own hook tears its environment down (NativeWork). A
        // signal during start-up waits for the start to finish, then stops what it started.
        CompletableFuture<LocalSite> started = new CompletableFuture<>();
        if (!seedOnly) {
            MeaningReady.watch(System.nanoTime());
            ShutdownSignals.install(() -> stopWhenStarted(started));
        }
        LocalSite site;
        try {
            LocalSettings settings = LocalSettings.fromEnvironment();
            if (seedOnly) {
                seed(settings);
                return;
            }
            site = LocalSite.start(settings);
            started.complete(site);
        } catch (BindException e) {
            started.cancel(false);
            System.err.println("dev server not started: port " + System.getenv().getOrDefault("PORT", "3000")
                    + " is in use; stop what uses it or choose another with PORT=...");
            System.exit(2);
            return;
        } catch (TemplateException | IllegalArgumentException | IllegalStateException | IOException e) {
            started.cancel(false);
            System.err.println("dev server not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(site::close, "dev-server-stop"));
        site.awaitStop();
        System.exit(ShutdownSignals.exitStatus());
    }

    private static void stopWhenStarted(CompletableFuture<LocalSite> started) {
        try {
            started.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS).close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            // nothing was started, or it never finished starting: the shutdown hooks do what they can
        }
    }

    private static void seed(LocalSettings settings) {
        if (settings.dynamoEndpoint().isEmpty()) {
            throw new IllegalArgumentException("--seed writes to AWS_ENDPOINT_URL_DYNAMODB; set it, e.g. to"
                    + " http://localhost:4566 for the LocalStack of infra/docker-compose.yml");
        }
        SamTemplate template = SamTemplate.load(settings.template());
        try (LocalBackend backend = LocalBackend.start(
                template, TableNames.of(template), settings.dynamoEndpoint(), settings.region(), settings.content())) {
            Log.info("tables " + TableNames.of(template).values() + " ready at " + backend.endpoint() + " (region "
                    + settings.region() + ")");
        }
    }
}
