package dev.gophersite.local;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Says when /ask's answers have their meaning. The ask function loads its embedding model in the background after
 * its environment starts, and a question waits (up to 10 s) for it, so the same question gets the same answer at
 * start and later; the function logs when the model is in, and this watches the dev server's output for that line
 * and prints, once, how long after start it came.
 */
final class MeaningReady extends FilterOutputStream {
    static final String MARK = "\"message\":\"index meaning added\"";
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.UTF_8);
    private final long started;
    private final PrintStream console;
    private boolean seen;
    private boolean said;
    private int matched;

    private MeaningReady(PrintStream console, long started) {
        super(console);
        this.console = console;
        this.started = started;
    }

    /** Watches standard output from now on; {@code started} is {@link System#nanoTime} at the start. */
    static void watch(long started) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new MeaningReady(original, started), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        console.write(b);
        if (!said && scan((byte) b)) {
            say();
        }
    }

    // Log lines pass through whole; only the scan goes byte by byte, and it stops once the news was told.
    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        for (int i = offset; i < end && !said; i++) {
            if (scan(bytes[i])) {
                console.write(bytes, offset, i + 1 - offset);
                say();
                console.write(bytes, i + 1, end - i - 1);
                return;
            }
        }
        console.write(bytes, offset, length);
    }

    // The mark sits inside a JSON log line; the news waits for that line's end so it gets a line of its own.
    private boolean scan(byte b) {
        if (!seen) {
            matched = b == MARK_BYTES[matched] ? matched + 1 : (b == MARK_BYTES[0] ? 1 : 0);
            seen = matched == MARK_BYTES.length;
            return false;
        }
        return b == '\n';
    }

    private void say() {
        said = true;
        console.printf(
                "meaning ready %.1f s after start: /ask answers as it will from now on%n",
                (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void flush() {
        console.flush();
    }
}
