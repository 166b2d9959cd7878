package dev.gophersite.ask.generation;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls the chat model within a fixed budget and turns every way it can fail into a {@link FailureKind}, so the
 * caller only decides between the model's answer and an extractive one. The HTTP client has its own timeouts;
 * the deadline here also bounds what they do not (a reply that trickles in, a stuck DNS lookup).
 */
public final class ModelClient {
    /** Past the HTTP timeout, so the client's own, more precise error normally wins. */
    private static final Duration DEADLINE_GRACE = Duration.ofMillis(750);

    private final ChatModel model;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final CauseLog causes;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public sealed interface Outcome {
    }

    public record Answered(String text) implements Outcome {
    }

    public record Failed(FailureKind kind) implements Outcome {
    }

    public ModelClient(ChatModel model, Duration timeout, CircuitBreaker breaker, CauseLog causes) {
        this.model = model;
        this.timeout = timeout;
        this.breaker = breaker;
        this.causes = causes;
    }

    public Outcome generate(String requestId, List<ChatMessage> messages) {
        if (!breaker.allowsCall()) {
            return new Failed(FailureKind.CIRCUIT_OPEN);
        }
        Future<ChatResponse> call = calls.submit(() -> model.chat(ChatRequest.builder().messages(messages).build()));
        ChatResponse response;
        try {
            response = call.get(timeout.plus(DEADLINE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            return failed(requestId, FailureKind.TIMEOUT, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(requestId, FailureKind.of(cause), cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed(FailureKind.OTHER);
        } catch (CancellationException e) {
            return failed(requestId, FailureKind.OTHER, e);
        }
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            return failed(requestId, FailureKind.EMPTY_REPLY, null);
        }
        breaker.recordSuccess();
        causes.success(requestId);
        return new Answered(text.strip());
    }

    /** For answers that arrived but cannot be used (no valid citation), which say nothing about the model's health. */
    public void unusable(String requestId, FailureKind kind) {
        causes.failure(requestId, kind, null);
    }

    private Failed failed(String requestId, FailureKind kind, Throwable error) {
        breaker.recordFailure(kind);
        causes.failure(requestId, kind, error);
        return new Failed(kind);
    }
}
