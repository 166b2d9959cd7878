package dev.gophersite.ask.model;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.CompressingQueryTransformer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Calls the chat model within a fixed budget and turns every way it can fail into a {@link FailureKind}, so the
 * caller only decides between the model's answer and an extractive one. The HTTP client has its own timeouts;
 * the deadline here also bounds what they do not (a reply that trickles in, a stuck DNS lookup).
 */
public final class ModelClient {
    /** Past the HTTP timeout, so the client's own, more precise error normally wins. */
    private static final Duration DEADLINE_GRACE = Duration.ofMillis(750);

    private final Optional<ChatModel> model;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final CauseLog causes;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public sealed interface Outcome {}

    public record Answered(String text) implements Outcome {}

    public record Failed(FailureKind kind) implements Outcome {}

    /** @param model empty when none is configured: every call then fails at once with {@link FailureKind#NO_MODEL} */
    public ModelClient(Optional<ChatModel> model, Duration timeout, CircuitBreaker breaker, CauseLog causes) {
        this.model = model;
        this.timeout = timeout;
        this.breaker = breaker;
        this.causes = causes;
    }

    /** Whether a model is configured at all; with one, the model decides whether the passages answer a question. */
    public boolean configured() {
        return model.isPresent();
    }

    public Outcome generate(List<ChatMessage> messages) {
        return call(
                chat -> {
                    ChatResponse response =
                            chat.chat(ChatRequest.builder().messages(messages).build());
                    return response == null || response.aiMessage() == null
                            ? null
                            : response.aiMessage().text();
                },
                timeout);
    }

    /**
     * A follow-up rewritten by the model as a question that stands alone, with langchain4j's query transformer,
     * from the conversation's user turns only (the client's "assistant" turns are not the model's words). A short
     * budget: the answer still has to be written.
     */
    public Outcome standalone(String question, List<String> earlierUserTurns, Duration budget) {
        List<ChatMessage> memory =
                earlierUserTurns.stream().<ChatMessage>map(UserMessage::from).toList();
        return call(
                chat -> {
                    Collection<Query> rewritten = new CompressingQueryTransformer(chat)
                            .transform(Query.from(question, Metadata.from(UserMessage.from(question), "ask", memory)));
                    return rewritten.isEmpty()
                            ? null
                            : rewritten.iterator().next().text();
                },
                budget.compareTo(timeout) < 0 ? budget : timeout);
    }

    private Outcome call(Function<ChatModel, String> work, Duration budget) {
        if (model.isEmpty()) {
            return new Failed(FailureKind.NO_MODEL);
        }
        if (!breaker.allowsCall()) {
            return new Failed(FailureKind.CIRCUIT_OPEN);
        }
        ChatModel chat = model.get();
        Future<String> call = calls.submit(() -> work.apply(chat));
        String text;
        try {
            text = call.get(budget.plus(DEADLINE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            return failed(FailureKind.TIMEOUT, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(FailureKind.of(cause), cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed(FailureKind.OTHER);
        } catch (CancellationException e) {
            return failed(FailureKind.OTHER, e);
        }
        if (text == null || text.isBlank()) {
            return failed(FailureKind.EMPTY_REPLY, null);
        }
        breaker.recordSuccess();
        causes.success();
        return new Answered(text.strip());
    }

    /** For answers that arrived but cannot be used (no valid citation), which say nothing about the model's health. */
    public void unusable(FailureKind kind) {
        causes.failure(kind, null);
    }

    private Failed failed(FailureKind kind, Throwable error) {
        breaker.recordFailure(kind);
        causes.failure(kind, error);
        return new Failed(kind);
    }
}
