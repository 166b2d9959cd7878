package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * A request input that was read, or why it is refused: the one result shape of every request reader, so no reader
 * throws for control flow.
 */
public sealed interface Parsed<T> {

    record Valid<T>(T value) implements Parsed<T> {}

    /** The 4xx to answer; {@code message} names the rule that failed, never the input. */
    record Invalid<T>(int status, String code, String message) implements Parsed<T> {

        public static <T> Invalid<T> badRequest(String message) {
            return new Invalid<>(400, "bad_request", message);
        }

        /** The same refusal, for a reader of another type that passes it on. */
        public <U> Invalid<U> as() {
            return new Invalid<>(status, code, message);
        }

        public APIGatewayProxyResponseEvent response() {
            return Responses.error(status, code, message);
        }
    }
}
