package dev.gophersite.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.local.Log;
import dev.gophersite.local.template.FunctionSpec;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lambda execution environment: its own class loader, its own handler instance built by its own init,
 * and one thread that runs one invocation at a time. An environment whose invocation timed out, or whose
 * handler died with an {@link Error}, is discarded and never used again.
 */
final class ExecutionEnvironment {
    /** Lambda's limit for the init phase. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);

    private static final String ENV_CLASS = "dev.gophersite.common.Env";
    private static final String NATIVE_WORK_CLASS = "dev.gophersite.common.lifecycle.NativeWork";
    /** How long an environment's end waits for its native calls (a model load) to return; see NativeWork. */
    static final Duration NATIVE_WORK_WAIT = Duration.ofSeconds(10);

    private record Job(
            APIGatewayProxyRequestEvent event,
            LocalContext context,
            CompletableFuture<APIGatewayProxyResponseEvent> result) {}

    private final FunctionSpec spec;
    private final String name;
    private final FunctionClassLoader loader;
    private final SynchronousQueue<Job> inbox = new SynchronousQueue<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean discarded;
    private Object handler;
    private HandlerMethod method;

    private ExecutionEnvironment(FunctionSpec spec, int number, ClassLoader host) {
        this.spec = spec;
        this.name = spec.logicalId() + "#" + number;
        this.loader = new FunctionClassLoader(name, spec.code(), host);
        this.thread = Thread.ofPlatform().daemon().name("lambda-" + name).unstarted(this::run);
    }

    /** Starts the environment and runs its init; fails with a client-safe message if the init fails. */
    static ExecutionEnvironment start(FunctionSpec spec, int number, ClassLoader host) throws InitException {
        ExecutionEnvironment environment = new ExecutionEnvironment(spec, number, host);
        environment.thread.start();
        try {
            environment.ready.get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return environment;
        } catch (TimeoutException e) {
            environment.discard();
            throw new InitException(
                    spec.logicalId() + " init did not finish within " + INIT_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            Log.error("[" + spec.logicalId() + "] init failed in " + environment.name, e.getCause());
            throw new InitException(spec.logicalId() + " init failed: "
                    + e.getCause().getClass().getName() + " (details in the dev server log)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            environment.discard();
            throw new InitException(spec.logicalId() + " init was interrupted");
        }
    }

    Outcome invoke(APIGatewayProxyRequestEvent event, String requestId) {
        long timeoutNanos = spec.timeout().toNanos();
        Job job = new Job(
                event,
                new LocalContext(spec, requestId, name, System.nanoTime() + timeoutNanos),
                new CompletableFuture<>());
        try {
            if (discarded || !inbox.offer(job, 1, TimeUnit.SECONDS)) {
                discard();
                return new Outcome.FunctionError(spec.logicalId() + " execution environment is gone");
            }
            return new Outcome.Response(job.result().get(timeoutNanos, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            Log.warn("[" + spec.logicalId() + "] request " + requestId + " timed out after "
                    + spec.timeout().toSeconds() + " s; " + name + " discarded");
            discard();
            return new Outcome.Timeout(spec.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            Log.error("[" + spec.logicalId() + "] request " + requestId + " failed", cause);
            if (cause instanceof Error) {
                discard();
            }
            return new Outcome.FunctionError(spec.logicalId() + " failed with "
                    + cause.getClass().getName() + " (details in the dev server log)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard();
            return new Outcome.FunctionError("the dev server is stopping");
        }
    }

    boolean usable() {
        return !discarded;
    }

    /** Stops the environment for good: its thread is interrupted and its class loader closed once it ends. */
    void discard() {
        discarded = true;
        thread.interrupt();
    }

    /**
     * Discards the environment and waits, at most {@code limit}, until it has ended: its native work stopped and
     * its class loader closed. What the dev server does before it exits.
     */
    void shutdown(Duration limit) {
        discard();
        try {
            if (!thread.join(limit)) {
                Log.warn("[" + spec.logicalId() + "] " + name + " did not end within " + limit.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Thread.currentThread().setContextClassLoader(loader);
        try {
            init();
            ready.complete(null);
        } catch (Throwable t) {
            ready.completeExceptionally(t instanceof InvocationTargetException ite ? ite.getCause() : t);
            close();
            return;
        }
        try {
            while (!discarded) {
                Job job = inbox.take();
                try {
                    job.result().complete(method.call(handler, job.event(), job.context()));
                } catch (Throwable t) {
                    job.result().completeExceptionally(t);
                }
            }
        } catch (InterruptedException e) {
            // discarded while idle
        } finally {
            close();
        }
    }

    private void init() throws ReflectiveOperationException {
        try {
            Class<?> env = Class.forName(ENV_CLASS, true, loader);
            if (env.getClassLoader() == loader) {
                env.getMethod("useEnvironment", Map.class).invoke(null, spec.environment());
            }
        } catch (ClassNotFoundException e) {
            // a function without gopher-common reads no environment through Env
        }
        Class<?> type = Class.forName(spec.handlerClass(), true, loader);
        method = HandlerMethod.find(type, spec.handlerMethod());
        handler = method.isStatic() ? null : type.getDeclaredConstructor().newInstance();
    }

    private void close() {
        // the interrupt that discarded the environment must not cut the wait short
        Thread.interrupted();
        stopNativeWork();
        try {
            loader.close();
        } catch (IOException e) {
            Log.warn("[" + spec.logicalId() + "] could not close " + name + ": " + e.getMessage());
        }
    }

    /**
     * Stops the function's calls into native libraries, waiting for those in flight, before its class loader
     * closes and before the process may exit: a thread inside ONNX Runtime then would crash the whole JVM. Only a
     * function that has used the class has anything to stop.
     */
    private void stopNativeWork() {
        Class<?> type = loader.loaded(NATIVE_WORK_CLASS);
        if (type == null) {
            return;
        }
        try {
            if (!(Boolean) type.getMethod("stop", Duration.class).invoke(null, NATIVE_WORK_WAIT)) {
                Log.warn("[" + spec.logicalId() + "] native work in " + name + " still running after "
                        + NATIVE_WORK_WAIT.toSeconds() + " s");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warn("[" + spec.logicalId() + "] could not stop native work in " + name + ": " + e);
        }
    }

    static final class InitException extends Exception {
        InitException(String message) {
            super(message);
        }
    }
}
