package dev.gophersite.ask.fakes;

import dev.gophersite.ask.handler.AskHandler;
import dev.gophersite.ask.handler.SearchHandler;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.model.ChatModels;
import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.IssuedAnswers;
import dev.gophersite.ask.wiring.AskSettings;
import dev.gophersite.ask.wiring.AskWiring;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.DynamoSettings;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.Optional;

/** Settings for tests: a short model budget and no real endpoints unless given; handlers wired as production does. */
public final class TestSettings {
    public static final String MODEL = "test-model";
    public static final Duration CIRCUIT_OPEN = Duration.ofSeconds(30);

    private TestSettings() {}

    public static AskSettings withModelAt(String baseUrl, Duration timeout) {
        return withModel(new ModelSettings(ModelSettings.Provider.OLLAMA, MODEL, baseUrl, timeout), CIRCUIT_OPEN);
    }

    public static AskSettings withModel(ModelSettings model, Duration circuitOpen) {
        return new AskSettings(
                new DynamoSettings(Optional.empty(), DynamoSettings.DEFAULT_CALL_BUDGET),
                new ContentSettings("unused", Duration.ofMillis(100)),
                model,
                Optional.empty(),
                Duration.ofHours(1),
                Optional.empty(),
                circuitOpen,
                AskSettings.Retrieval.LEXICAL);
    }

    public static AskSettings defaults() {
        return withModelAt("http://127.0.0.1:9", Duration.ofSeconds(2));
    }

    public static AskHandler handler(ContentStore store, ChatModel model, AnswerCache cache, AskSettings settings) {
        return new AskHandler(AskWiring.of(
                store,
                Optional.of(model),
                cache,
                IssuedAnswers.none(),
                settings,
                AskMetrics.none(),
                RetrievalOptions.bm25()));
    }

    /** SearchFunction's handler over the store, wired as SearchWiring wires it: no model, no cache, no writes. */
    public static SearchHandler searchHandler(ContentStore store) {
        return new SearchHandler(AskWiring.of(
                store,
                Optional.empty(),
                AnswerCache.none(),
                IssuedAnswers.none(),
                defaults(),
                AskMetrics.none(),
                RetrievalOptions.bm25()));
    }

    /** The handler over the shared content, with the real langchain4j Ollama client for {@link #MODEL}. */
    public static AskHandler ollamaHandler(String baseUrl, Duration timeout) {
        return handler(
                TestContent.store(),
                ChatModels.ollama(baseUrl, MODEL, timeout),
                AnswerCache.none(),
                withModelAt(baseUrl, timeout));
    }
}
