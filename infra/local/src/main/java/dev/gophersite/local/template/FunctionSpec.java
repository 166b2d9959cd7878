package dev.gophersite.local.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} as the dev server runs it: Globals merged in, intrinsics resolved,
 * {@code code} absolute.
 */
public record FunctionSpec(
        String logicalId,
        String handler,
        Path code,
        Duration timeout,
        int memoryMb,
        Map<String, String> environment,
        List<ApiRoute> routes) {
    public FunctionSpec {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
    }

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** Java Lambda's default method when the handler names only a class. */
    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }
}
