package dev.gophersite.ask.model;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chat model that ends each call by the request's deadline ({@link RequestDeadline}); outside a request it is the
 * model itself. A call cut short fails with {@link RequestTimeSpent}, which says the request ran out of time, not
 * that the model is unwell, so it does not count against the model.
 */
public final class DeadlineChatModel implements ChatModel {
    private final ChatModel model;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public DeadlineChatModel(ChatModel model) {
        this.model = model;
    }

    /** The request has no time left for a model call, or it ran out during one. */
    public static final class RequestTimeSpent extends RuntimeException {
        RequestTimeSpent(Duration left) {
            super("the request had " + Math.max(0, left.toMillis()) + " ms left for the model");
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Duration left = RequestDeadline.remaining().orElse(null);
        if (left == null) {
            return model.chat(request);
        }
        if (left.isNegative() || left.isZero()) {
            throw new RequestTimeSpent(left);
        }
        Future<ChatResponse> call = calls.submit(() -> model.chat(request));
        try {
            return call.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new RequestTimeSpent(left);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new RequestTimeSpent(Duration.ZERO);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return model.listeners();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }
}
