package dev.gophersite.common.lifecycle;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls into native libraries (the ONNX Runtime behind the embedding model) that must not be running when the
 * process exits. ONNX Runtime registers its own shutdown hook, which releases its environment; shutdown hooks run
 * concurrently, so a thread still inside {@code OrtSession.createSession} or an inference when the JVM begins to
 * exit takes it down with SIGSEGV, whatever another hook waits for. The only safe order is: stop starting native
 * calls, wait for those in flight, then exit. {@link #stop} does the first two; whoever ends the process calls it
 * first ({@link ShutdownSignals} for SIGINT and SIGTERM, the dev server before it closes a function, the test
 * JVMs before they exit). A shutdown hook of this class also waits for calls in flight, which covers an exit
 * nobody prepared (the library's own static destructors run after every hook has finished), though not the race
 * with ONNX Runtime's hook.
 *
 * <p>State is per class loader, as the dev server runs each execution environment in its own; there it calls
 * {@link #stop} by name in the environment's loader.
 */
public final class NativeWork {
    /** Longest a stop waits: a model load takes about a second, a batch of embeddings a fraction of one. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private static final NativeGate GATE = new NativeGate();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(DEFAULT_WAIT), "native-work-drain"));
        } catch (IllegalStateException exiting) {
            // first used while the JVM is already exiting: refuse everything from now on
            GATE.close(Duration.ZERO);
        }
    }

    private NativeWork() {}

    /** Thrown instead of starting a native call once the process is stopping. */
    public static final class Stopped extends IllegalStateException {
        Stopped() {
            super("the process is stopping; native work is not started");
        }
    }

    /** Runs {@code call}, counted as in flight, or throws {@link Stopped} without running it. */
    public static <T> T run(Supplier<T> call) {
        return GATE.run(call);
    }

    /**
     * Refuses native calls from now on and waits, at most {@code limit}, for those in flight to return.
     *
     * @return whether none is in flight any more
     */
    public static boolean stop(Duration limit) {
        return GATE.close(limit);
    }

    /** Whether {@link #stop} was called: no native call starts any more. */
    public static boolean stopped() {
        return GATE.closed();
    }

    /** How many native calls are running now. */
    public static int inFlight() {
        return GATE.inFlight();
    }
}
