package dev.gophersite.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLogTest {

    @Test
    void an_error_line_carries_the_clipped_message_and_the_top_frames_of_its_cause() throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLog log = new JsonLog(JsonLogTest.class, new PrintStream(out, true, StandardCharsets.UTF_8));
        RuntimeException error = new IllegalStateException(
                "wrapping " + "x".repeat(500), new UncheckedIOException(new java.io.IOException("disk on fire")));

        // when
        log.error("it failed", error);

        // then
        JsonNode line = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(line.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("errorMessage").asText())
                .startsWith("wrapping xxx")
                .contains("chars)")
                .hasSizeLessThan(120);
        assertThat(line.get("cause").asText()).isEqualTo("IOException: disk on fire");
        assertThat(line.get("frames").asText())
                .startsWith("JsonLogTest.an_error_line_carries_the_clipped_message_and_the_top_frames_of_its_cause:");
        assertThat(line.get("frames").asText().split(" < ")).hasSizeBetween(2, 5);
    }
}
