package dev.gophersite.ask.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
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
    SERVER_ERROR(false),
    MALFORMED_REPLY(false),
    EMPTY_REPLY(false),
    UNCITED_REPLY(false),
    CIRCUIT_OPEN(false),
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
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnresolvedModelServerException || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return UNREACHABLE;
            }
            if (t instanceof ModelNotFoundException) {
                return MODEL_NOT_FOUND;
            }
            if (kind == OTHER) {
                if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                        || t instanceof java.util.concurrent.TimeoutException) {
                    kind = TIMEOUT;
                } else if (t instanceof InternalServerException) {
                    kind = SERVER_ERROR;
                } else if (t instanceof JsonProcessingException) {
                    kind = MALFORMED_REPLY;
                }
            }
        }
        return kind;
    }
}
