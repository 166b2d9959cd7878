package dev.gophersite.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.gophersite.local.Log;
import dev.gophersite.local.template.FunctionSpec;
import dev.gophersite.local.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's functions, each with its pool of execution environments. Creating it checks every function
 * can run (jar present, handler class and method in it) so a broken template fails at start, not on the
 * first request.
 */
public final class Functions implements AutoCloseable {
    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();

    private Functions() {}

    /**
     * @param poolSize execution environments per function
     * @param maxWait  how long a request may wait for a free environment; at most each function's timeout
     */
    public static Functions start(List<FunctionSpec> specs, int poolSize, Duration maxWait) {
        ClassLoader host = Functions.class.getClassLoader();
        Functions functions = new Functions();
        for (FunctionSpec spec : specs) {
            check(spec, host);
            Duration wait = maxWait.compareTo(spec.timeout()) < 0 ? maxWait : spec.timeout();
            functions.pools.put(spec.logicalId(), new FunctionPool(spec, poolSize, wait, host));
        }
        return functions;
    }

    public Outcome invoke(String functionId, APIGatewayProxyRequestEvent event, String requestId) {
        FunctionPool pool = pools.get(functionId);
        if (pool == null) {
            throw new IllegalArgumentException("no function " + functionId);
        }
        return pool.invoke(event, requestId);
    }

    /** Runs one init per function in the background, so the first request does not pay for it. */
    public void warmInBackground() {
        pools.forEach((id, pool) -> Thread.ofVirtual().name("warm-" + id).start(() -> {
            try {
                pool.warm();
            } catch (ExecutionEnvironment.InitException e) {
                Log.warn("[" + id + "] " + e.getMessage());
            }
        }));
    }

    public int environments(String functionId) {
        FunctionPool pool = pools.get(functionId);
        return pool == null ? 0 : pool.environments();
    }

    @Override
    public void close() {
        pools.values().forEach(FunctionPool::close);
    }

    private static void check(FunctionSpec spec, ClassLoader host) {
        String id = spec.logicalId();
        if (!Files.exists(spec.code())) {
            throw new TemplateException(
                    id,
                    "CodeUri " + spec.code() + " does not exist; build the functions with"
                            + " `mvn -B -DskipTests install` (infra/local/start does when they are missing)");
        }
        try (FunctionClassLoader loader = new FunctionClassLoader(id + "-check", spec.code(), host)) {
            Class<?> type = Class.forName(spec.handlerClass(), false, loader);
            HandlerMethod method = HandlerMethod.find(type, spec.handlerMethod());
            if (!method.isStatic()) {
                // only its existence matters: the runtime constructs the handler later, per environment
                var _ = type.getConstructor();
            }
        } catch (ClassNotFoundException e) {
            throw new TemplateException(id, "handler class " + spec.handlerClass() + " is not in " + spec.code());
        } catch (NoSuchMethodException e) {
            throw new TemplateException(id, spec.handlerClass() + " needs a public no-argument constructor");
        } catch (LinkageError e) {
            throw new TemplateException(
                    id, spec.handlerClass() + " cannot be loaded from " + spec.code() + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(id, e.getMessage(), e);
        } catch (IOException e) {
            throw new TemplateException(id, "cannot read " + spec.code() + ": " + e.getMessage(), e);
        }
    }
}
