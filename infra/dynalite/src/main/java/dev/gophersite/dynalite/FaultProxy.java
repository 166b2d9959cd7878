package dev.gophersite.dynalite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that can break the connection to a dependency on demand, for fault-injection tests:
 * refuse connections, reset them, add latency, answer garbage, or answer an HTTP error (e.g. DynamoDB throttling).
 * Between faults it forwards bytes unchanged, so recovery can be tested on the same client.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode {
        PASS,
        REFUSE,
        RESET,
        LATENCY,
        GARBAGE,
        HTTP_ERROR
    }

    private final InetSocketAddress target;
    private final int port;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile Mode mode = Mode.PASS;
    private volatile long latencyMillis;
    private volatile String httpError = "";

    public FaultProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = listen(0);
        this.port = server.getLocalPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int faultsInjected() {
        return faultsInjected.get();
    }

    public synchronized void pass() throws IOException {
        setMode(Mode.PASS);
    }

    /** Stops listening, so connections are refused, until another mode is set. */
    public synchronized void refuse() throws IOException {
        setMode(Mode.REFUSE);
        closeQuietly(server);
        dropOpenConnections();
    }

    public synchronized void reset() throws IOException {
        setMode(Mode.RESET);
    }

    public synchronized void latency(long millis) throws IOException {
        latencyMillis = millis;
        setMode(Mode.LATENCY);
    }

    public synchronized void garbage() throws IOException {
        setMode(Mode.GARBAGE);
    }

    /** Answers every request with this status and body, as an overloaded service would. */
    public synchronized void httpError(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        httpError = "HTTP/1.1 " + status + " Error\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\nx-amzn-RequestId: fault-proxy\r\nConnection: close\r\n\r\n" + body;
        setMode(Mode.HTTP_ERROR);
    }

    /** DynamoDB's answer when a table is over its throughput. */
    public void dynamoDbThrottling() throws IOException {
        httpError(
                400,
                "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                        + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}");
    }

    private void setMode(Mode next) throws IOException {
        if (mode == Mode.REFUSE && next != Mode.REFUSE) {
            server = listen(port);
        }
        // kept-alive connections would otherwise carry on in the old mode
        dropOpenConnections();
        mode = next;
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        threads.execute(() -> acceptLoop(socket));
        return socket;
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Mode current = mode;
        try {
            switch (current) {
                case RESET -> {
                    faultsInjected.incrementAndGet();
                    client.setSoLinger(true, 0);
                    client.close();
                }
                case GARBAGE -> {
                    faultsInjected.incrementAndGet();
                    readRequest(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    out.write("\u0000\u00ffnot http at all\r\n\r\n{{{".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    client.close();
                }
                case HTTP_ERROR -> {
                    faultsInjected.incrementAndGet();
                    readRequest(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    out.write(httpError.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    client.close();
                }
                default -> forward(client, current == Mode.LATENCY ? latencyMillis : 0);
            }
        } catch (IOException e) {
            closeQuietly(client);
        } finally {
            open.remove(client);
        }
    }

    private void forward(Socket client, long delay) throws IOException {
        if (delay > 0) {
            faultsInjected.incrementAndGet();
        }
        try (Socket upstream = new Socket()) {
            upstream.connect(target, 2000);
            open.add(upstream);
            threads.execute(() -> pump(client, upstream, 0));
            pump(upstream, client, delay);
        } finally {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, long delay) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (delay > 0) {
                    Thread.sleep(delay);
                    delay = 0;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away; closing both ends below ends the other pump too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Reads one HTTP request (headers and a Content-Length body) so the client sees an answer, not a reset. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            headers.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
        }
        int length = 0;
        for (String line : headers.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }

    private void dropOpenConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        dropOpenConnections();
        threads.shutdownNow();
    }
}
