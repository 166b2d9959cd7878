package dev.gophersite.ask.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Why a model call gave no usable answer. Kinds that will not fix themselves within seconds open the circuit
 * breaker, so the following requests answer extractively at once instead of waiting on the same failure.
 */
public enum FailureKind {
    UNREACHABLE(true),
    MODEL_NOT_FOUND(true),
    TIMEOUT(true),
    /** The provider's quota (Bedrock throttling, 429): retrying at once only adds to it. */
    THROTTLED(true),
    /** Credentials or permissions refused, or the model not enabled for the account (401/403). */
    ACCESS_DENIED(true),
    /** The provider refused the request itself (400: an unknown model id, a parameter it does not take). */
    REJECTED(true),
    SERVER_ERROR(false),
    MALFORMED_REPLY(false),
    EMPTY_REPLY(false),
    /** The model answered, but nothing it said is supported by the passages. */
    UNSUPPORTED_REPLY(false),
    CIRCUIT_OPEN(false),
    /** No model is configured; not a failure of one, so it is neither logged per request nor counted. */
    NO_MODEL(false),
    /** The request may not spend a model call (a GET); not a failure either. */
    NOT_ALLOWED(false),
    OTHER(false);

    private final boolean opensCircuit;

    FailureKind(boolean opensCircuit) {
        this.opensCircuit = opensCircuit;
    }

    public boolean opensCircuit() {
        return opensCircuit;
    }

    /** Classifies by the exception chain, since the HTTP client and langchain4j wrap the cause differently. */
    public static FailureKind of(Throwable error) {
        FailureKind kind = OTHER;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof HttpConnectTimeoutException
                    || t instanceof UnresolvedModelServerException
                    || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return UNREACHABLE;
            }
            if (t instanceof ModelNotFoundException) {
                return MODEL_NOT_FOUND;
            }
            if (t instanceof RateLimitException) {
                return THROTTLED;
            }
            if (t instanceof AuthenticationException) {
                return ACCESS_DENIED;
            }
            if (t instanceof InvalidRequestException) {
                return REJECTED;
            }
            if (kind == OTHER) {
                if (t instanceof TimeoutException
                        || t instanceof HttpTimeoutException
                        || t instanceof java.util.concurrent.TimeoutException
                        || t instanceof SocketTimeoutException) {
                    kind = TIMEOUT;
                } else if (t instanceof InternalServerException) {
                    kind = SERVER_ERROR;
                } else if (t instanceof JsonProcessingException
                        // the AWS SDK's own, relocated Jackson
                        || (t instanceof IOException && t.getClass().getName().contains(".jackson."))) {
                    kind = MALFORMED_REPLY;
                }
            }
        }
        return kind;
    }
}
