package dev.gophersite.ask.fakes;

import dev.gophersite.ask.answer.AskSettings;

import java.time.Duration;

/** Settings for tests: a short model budget and no real endpoints unless given. */
public final class TestSettings {
    public static final String MODEL = "test-model";

    private TestSettings() {
    }

    public static AskSettings withModelAt(String baseUrl, Duration timeout) {
        return new AskSettings(baseUrl, MODEL, timeout, "", Duration.ofHours(1), "unused", Duration.ofMillis(100),
                Duration.ofSeconds(30));
    }

    public static AskSettings defaults() {
        return withModelAt("http://127.0.0.1:9", Duration.ofSeconds(2));
    }
}
