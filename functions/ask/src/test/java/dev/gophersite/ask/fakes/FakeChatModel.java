package dev.gophersite.ask.fakes;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A chat model that records every request and answers with the replies it was given, in order. */
public final class FakeChatModel implements ChatModel {
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Supplier<String>> replies = new ArrayDeque<>();
    private Supplier<String> fallback = () -> "Go compiles fast [1].";

    public static FakeChatModel answering(String reply) {
        FakeChatModel model = new FakeChatModel();
        model.fallback = () -> reply;
        return model;
    }

    public static FakeChatModel failingWith(RuntimeException error) {
        FakeChatModel model = new FakeChatModel();
        model.fallback = () -> {
            throw error;
        };
        return model;
    }

    /** Replies after {@code delay}, as a model too slow for the budget would. */
    public static FakeChatModel slow(Duration delay, String reply) {
        FakeChatModel model = new FakeChatModel();
        model.fallback = () -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pretending to think", e);
            }
            return reply;
        };
        return model;
    }

    public FakeChatModel thenReply(String reply) {
        replies.add(() -> reply);
        return this;
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Supplier<String> next = replies.isEmpty() ? fallback : replies.poll();
        return ChatResponse.builder().aiMessage(AiMessage.from(next.get())).build();
    }

    public List<ChatRequest> requests() {
        return requests;
    }

    public int calls() {
        return requests.size();
    }

    public List<ChatMessage> lastMessages() {
        return requests.getLast().messages();
    }

    /** The text of the last request's final user message: the numbered passages and the question. */
    public String lastUserText() {
        return ((UserMessage) lastMessages().getLast()).singleText();
    }
}
