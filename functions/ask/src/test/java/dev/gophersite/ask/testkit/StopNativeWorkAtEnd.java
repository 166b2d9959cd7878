package dev.gophersite.ask.testkit;

import dev.gophersite.common.lifecycle.NativeWork;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before a test JVM of this module exits, stops the embedding model's native work and waits for it: a test that
 * builds an index leaves the model loading or embedding in the background, and the fork's exit must not race
 * ONNX Runtime's shutdown hook (see {@link NativeWork}). Registered through META-INF/services.
 */
public final class StopNativeWorkAtEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!NativeWork.stop(NativeWork.DEFAULT_WAIT)) {
            System.out.println("native work was still running " + NativeWork.DEFAULT_WAIT.toSeconds()
                    + " s after the tests ended; the JVM exits anyway");
        }
    }
}
