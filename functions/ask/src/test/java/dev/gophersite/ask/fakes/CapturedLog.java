package dev.gophersite.ask.fakes;

import dev.gophersite.common.log.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A {@link JsonLog} whose lines the test can read. */
public final class CapturedLog {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(CapturedLog.class, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    public JsonLog log() {
        return log;
    }

    public List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    public long linesContaining(String fragment) {
        return lines().stream().filter(line -> line.contains(fragment)).count();
    }
}
