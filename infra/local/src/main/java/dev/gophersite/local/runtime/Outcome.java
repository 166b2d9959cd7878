package dev.gophersite.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;

/** How one invocation ended. Messages are safe to show a client: no exception text, no stack traces. */
public sealed interface Outcome {
    record Response(APIGatewayProxyResponseEvent event) implements Outcome {}

    /** The function threw, failed its init, or broke the runtime; details went to the dev server log. */
    record FunctionError(String message) implements Outcome {}

    record Timeout(Duration limit) implements Outcome {}

    /** Every execution environment stayed busy for as long as the request was allowed to wait. */
    record Throttled(Duration waited) implements Outcome {}
}
