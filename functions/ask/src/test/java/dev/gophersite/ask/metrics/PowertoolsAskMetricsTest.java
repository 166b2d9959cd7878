package dev.gophersite.ask.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.ask.record.Answer;
import dev.gophersite.ask.record.Mode;
import dev.gophersite.ask.record.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowertoolsAskMetricsTest {

    @Test
    void writes_one_emf_line_with_mode_latency_score_and_cache_metrics() {
        // given
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Answer answer = new Answer(
                "a1b2c3d4e5",
                "Goroutines start with 2 KB [1].",
                true,
                Mode.LLM,
                List.of(new Source("essentials", "Essentials", "Goroutines", "/essentials#goroutines", "text", 7.25)),
                "qwen",
                Map.of("generation", 840L, "total", 900L),
                false);

        // when
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new PowertoolsAskMetrics().answered(answer);
        } finally {
            System.setOut(original);
        }

        // then
        String emf = captured.toString(StandardCharsets.UTF_8);
        assertThat(emf)
                .contains(
                        "\"_aws\"",
                        "\"CloudWatchMetrics\"",
                        "\"AnswersLlm\":1",
                        "\"ModelLatency\":840",
                        "\"RetrievalTopScore\":7.25",
                        "\"AnswerCacheHits\":0");
        assertThat(emf).doesNotContain("Goroutines start with");
    }
}
