package dev.gophersite.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers Ollama's {@code POST /api/chat} with one cited sentence, so /ask takes its model path and caches it. */
final class StubOllama implements AutoCloseable {
    private static final String REPLY = "{\"model\":\"qwen2.5:0.5b-instruct\",\"created_at\":\"2026-11-29T00:00:00Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"A goroutine starts with a 2KB stack [1].\"},"
            + "\"done\":true,\"done_reason\":\"stop\",\"total_duration\":1000,\"prompt_eval_count\":10,\"eval_count\":10}";
    private final HttpServer server;
    private final AtomicInteger chats = new AtomicInteger();

    StubOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat", exchange -> {
            exchange.getRequestBody().readAllBytes();
            chats.incrementAndGet();
            byte[] body = REPLY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int chats() {
        return chats.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
