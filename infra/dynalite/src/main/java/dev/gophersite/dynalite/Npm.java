package dev.gophersite.dynalite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Installs a directory's pinned npm packages for the tests that need them (dynalite, axe-core). */
public final class Npm {
    private Npm() {}

    /**
     * {@code npm ci} in {@code dir}, its output captured and shown only on failure: a child that shares a test
     * JVM's standard streams corrupts the channel the test runner reads, and node may leave them non-blocking.
     */
    public static void ci(Path dir) throws IOException {
        Dynalite.run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
    }
}
