package dev.gophersite.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The handler method as the Java runtime finds it: {@code (event[, Context])} taking the proxy event, or
 * {@code (InputStream, OutputStream[, Context])} taking its JSON. Other return types are converted through
 * JSON, as the runtime serializes whatever the handler returns.
 */
final class HandlerMethod {
    private final Method method;
    private final boolean stream;

    private HandlerMethod(Method method, boolean stream) {
        this.method = method;
        this.stream = stream;
    }

    static HandlerMethod find(Class<?> type, String name) {
        List<Method> named = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                // a RequestHandler<A, B> also has an (Object, Context) bridge: take the typed method
                .sorted(Comparator.comparing(Method::isBridge))
                .toList();
        for (Method m : named) {
            Class<?>[] p = m.getParameterTypes();
            boolean context = p.length > 0 && p[p.length - 1] == Context.class;
            int arguments = context ? p.length - 1 : p.length;
            if (arguments == 2 && p[0] == InputStream.class && p[1] == OutputStream.class) {
                return new HandlerMethod(m, true);
            }
            if (arguments == 1 && p[0].isAssignableFrom(APIGatewayProxyRequestEvent.class)) {
                return new HandlerMethod(m, false);
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no public method " + name
                + "(APIGatewayProxyRequestEvent[, Context]) or " + name + "(InputStream, OutputStream[, Context])");
    }

    boolean isStatic() {
        return Modifier.isStatic(method.getModifiers());
    }

    /** Calls the handler; whatever it throws is thrown unwrapped. */
    APIGatewayProxyResponseEvent call(Object target, APIGatewayProxyRequestEvent event, Context context)
            throws Throwable {
        boolean withContext = method.getParameterCount() == (stream ? 3 : 2);
        try {
            if (stream) {
                InputStream in = new ByteArrayInputStream(ProxyJson.MAPPER.writeValueAsBytes(event));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (withContext) {
                    method.invoke(target, in, out, context);
                } else {
                    method.invoke(target, in, out);
                }
                return out.size() == 0
                        ? null
                        : ProxyJson.MAPPER.readValue(out.toByteArray(), APIGatewayProxyResponseEvent.class);
            }
            Object result = withContext ? method.invoke(target, event, context) : method.invoke(target, event);
            if (result == null || result instanceof APIGatewayProxyResponseEvent) {
                return (APIGatewayProxyResponseEvent) result;
            }
            return ProxyJson.MAPPER.convertValue(result, APIGatewayProxyResponseEvent.class);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
