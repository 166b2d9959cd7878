package dev.gophersite.ask.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.fakes.FakeChatModel;
import dev.gophersite.ask.fakes.InMemoryAnswerCache;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.fakes.TimedContext;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.CachedAnswer;
import dev.gophersite.ask.wiring.AskSettings;
import dev.gophersite.ask.wiring.AskWiring;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.DynamoSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One deadline per request: with every DynamoDB call taking its whole budget and a model that never answers, the
 * slowest /ask still ends before the function's timeout, with an extractive answer. The durations are scaled down
 * from the deployed ones (a 25 s timeout, a 3 s call budget, a 10 s model budget and a 4 s rewrite) so the test
 * runs in seconds; the rule is the same.
 */
class RequestDeadlineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_BUDGET = Duration.ofMillis(500);
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(6);
    /** Longer than the function's whole timeout, as the deployed 10 s is longer than what is left after a rewrite. */
    private static final Duration MODEL_BUDGET = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"post-ask-with-history.json", "post-ask.json"})
    void the_slowest_request_ends_before_the_function_times_out(String fixture) throws IOException {
        // given every store call at its limit, and a model that answers after the function would be gone; a
        // follow-up (post-ask-with-history) also has its question rewritten by the model first
        FakeChatModel neverInTime = FakeChatModel.slow(Duration.ofMinutes(5), "Too late [1].");
        AskHandler handler = handler(neverInTime);
        TimedContext context = new TimedContext(FUNCTION_TIMEOUT);
        long start = System.nanoTime();

        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(event(fixture), context);

        // then
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(FUNCTION_TIMEOUT);
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
        // the model paths ran: the answer was attempted, and the follow-up's rewrite first
        assertThat(body.get("timingsMs").has("generation")).isTrue();
        assertThat(body.get("timingsMs").has("rewrite")).isEqualTo(fixture.contains("history"));
        assertThat(neverInTime.calls()).isLessThanOrEqualTo(1);
    }

    @Test
    void with_time_to_spare_the_model_answers_as_before() throws IOException {
        // given
        FakeChatModel model = FakeChatModel.answering("Each goroutine starts with a 2KB stack [1].");
        AskHandler handler = handler(model);

        // when
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(event("post-ask.json"), new TimedContext(Duration.ofSeconds(25)));

        // then
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("mode").asText()).isEqualTo("llm");
        assertThat(body.get("answer").asText()).contains("2KB");
    }

    @Test
    void the_reserve_covers_the_two_writes_after_the_model_and_the_reply() {
        // when
        AskWiring wiring = wiring(FakeChatModel.answering("unused"));

        // then a deployed function (25 s, 3 s per call) leaves the model at most 18 s after the request starts
        assertThat(wiring.deadline().reserve())
                .isEqualTo(CALL_BUDGET.multipliedBy(2).plusSeconds(1));
    }

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }

    private static AskHandler handler(FakeChatModel model) {
        return new AskHandler(wiring(model));
    }

    private static AskWiring wiring(FakeChatModel model) {
        AskSettings settings = new AskSettings(
                new DynamoSettings(Optional.empty(), CALL_BUDGET),
                new ContentSettings("unused", Duration.ofMillis(100)),
                new ModelSettings(
                        ModelSettings.Provider.OLLAMA, TestSettings.MODEL, "http://127.0.0.1:9", MODEL_BUDGET),
                Optional.empty(),
                Duration.ofHours(1),
                Optional.empty(),
                TestSettings.CIRCUIT_OPEN,
                AskSettings.Retrieval.LEXICAL);
        return AskWiring.of(
                new AtItsLimit(TestContent.store()),
                Optional.of(model),
                new CacheAtItsLimit(),
                (answerId, question) -> pause(),
                settings,
                AskMetrics.none(),
                RetrievalOptions.bm25());
    }

    private static void pause() {
        try {
            Thread.sleep(CALL_BUDGET);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every read as slow as DynamoDB may be before its budget ends it. */
    private record AtItsLimit(ContentStore store) implements ContentStore {
        @Override
        public String currentVersion() {
            pause();
            return store.currentVersion();
        }

        @Override
        public SiteIndex index() {
            pause();
            return store.index();
        }

        @Override
        public Optional<Page> page(String slug) {
            pause();
            return store.page(slug);
        }

        @Override
        public List<Page> allPages() {
            pause();
            return store.allPages();
        }
    }

    private static final class CacheAtItsLimit implements AnswerCache {
        private final InMemoryAnswerCache cache = new InMemoryAnswerCache();

        @Override
        public Optional<CachedAnswer> get(String key) {
            pause();
            return cache.get(key);
        }

        @Override
        public void put(String key, CachedAnswer answer) {
            pause();
            cache.put(key, answer);
        }
    }
}
