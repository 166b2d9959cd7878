package dev.gophersite.common.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Handles SIGINT and SIGTERM as the JVM would (exit with 128 + the signal's number, shutdown hooks run), but runs
 * {@code beforeExit} first, before any shutdown hook starts. Needed where work must end before the hooks run
 * rather than alongside them: see {@link NativeWork}. {@code sun.misc.Signal} is the JDK's supported way to do this
 * (module jdk.unsupported, kept for exactly such uses); there is no other hook that runs before the shutdown hooks.
 */
public final class ShutdownSignals {
    private static final List<String> SIGNALS = List.of("INT", "TERM");
    private static final AtomicInteger STATUS = new AtomicInteger();

    private ShutdownSignals() {}

    /**
     * @param beforeExit runs once on the signal's thread, then the process exits; it should be bounded, since the
     *                   sender may follow with SIGKILL
     */
    public static void install(Runnable beforeExit) {
        AtomicBoolean ran = new AtomicBoolean();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    STATUS.compareAndSet(0, 128 + signal.getNumber());
                    try {
                        if (ran.compareAndSet(false, true)) {
                            beforeExit.run();
                        }
                    } finally {
                        System.exit(STATUS.get());
                    }
                });
            } catch (IllegalArgumentException notHandled) {
                // the JVM runs with -Xrs or the platform lacks the signal: its default behaviour stays
            }
        }
    }

    /**
     * The status the process exits with after a signal, 0 before any: for a main thread that sees the work stop
     * and would otherwise end the process with 0 before the signal's thread exits with its own status.
     */
    public static int exitStatus() {
        return STATUS.get();
    }

    /** Stops native work, waiting at most {@code wait} for calls in flight, then exits. */
    public static void installForNativeWork(Duration wait) {
        install(() -> NativeWork.stop(wait));
    }
}
