package dev.gophersite.ask.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.handler.AskHandler;
import dev.gophersite.ask.model.ChatModels;
import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.wiring.AskSettings;
import dev.gophersite.dynalite.FaultProxy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TCP faults between /ask and an Ollama-protocol server: every fault gives the extractive answer within the
 * model budget, and the same function answers with the model again once the fault is gone.
 */
class OllamaFaultIT {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Duration CIRCUIT_OPEN = Duration.ofMillis(300);
    private static OllamaStub ollama;
    private static FaultProxy proxy;

    enum Fault {
        REFUSE,
        RESET,
        LATENCY,
        GARBAGE,
        HTTP_503
    }

    @BeforeAll
    static void start() throws IOException {
        ollama = new OllamaStub();
        ollama.replies(TestSettings.MODEL, "A goroutine starts with a 2KB stack [1].");
        proxy = new FaultProxy(URI.create(ollama.baseUrl()));
    }

    @AfterAll
    static void stop() {
        System.out.println("OllamaFaultIT: " + proxy.faultsInjected() + " faults injected");
        proxy.close();
        ollama.close();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void fault_gives_an_extractive_answer_within_budget_and_the_model_comes_back(Fault fault) throws Exception {
        // given
        String base = proxy.endpoint().toString();
        AskSettings settings = TestSettings.withModel(
                new ModelSettings(ModelSettings.Provider.OLLAMA, TestSettings.MODEL, base, TIMEOUT), CIRCUIT_OPEN);
        AskHandler handler = TestSettings.handler(
                TestContent.store(),
                ChatModels.ollama(base, TestSettings.MODEL, TIMEOUT),
                AnswerCache.none(),
                settings);
        assertThat(SampleQuestion.ask(handler).get("mode").asText()).isEqualTo("llm");

        // when
        switch (fault) {
            case REFUSE -> proxy.refuse();
            case RESET -> proxy.reset();
            case LATENCY -> proxy.latency(TIMEOUT.toMillis() + 2000);
            case GARBAGE -> proxy.garbage();
            case HTTP_503 -> proxy.httpError(503, "application/json", "{\"error\":\"server busy\"}");
        }
        long start = System.nanoTime();
        JsonNode during;
        try {
            during = SampleQuestion.ask(handler);
        } finally {
            proxy.pass();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(during.get("mode").asText()).as(fault + " mode").isEqualTo("extractive");
        assertThat(during.get("sources").size()).isPositive();
        assertThat(millis).as(fault + " within the model budget").isLessThan(TIMEOUT.toMillis() + 1500);
        Thread.sleep(CIRCUIT_OPEN.toMillis() + 100);
        assertThat(SampleQuestion.ask(handler).get("mode").asText())
                .as(fault + " recovered")
                .isEqualTo("llm");
    }
}
