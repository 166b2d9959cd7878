package dev.gophersite.local;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Calls back once per burst of changes in a directory: editors save with several events (temp file, rename,
 * modify), so the callback waits for {@code quiet} without events before it runs.
 */
public final class ContentWatcher implements AutoCloseable {
    private final WatchService watch;
    private final Thread thread;

    private ContentWatcher(WatchService watch, Duration quiet, Runnable onChange) {
        this.watch = watch;
        this.thread = Thread.ofPlatform().daemon().name("content-watcher").unstarted(() -> run(quiet, onChange));
    }

    public static ContentWatcher start(Path dir, Duration quiet, Runnable onChange) throws IOException {
        WatchService watch = FileSystems.getDefault().newWatchService();
        dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        ContentWatcher watcher = new ContentWatcher(watch, quiet, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void run(Duration quiet, Runnable onChange) {
        try {
            while (true) {
                drain(watch.take());
                WatchKey more;
                while ((more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            Log.warn("content watcher did not close cleanly: " + e.getMessage());
        }
        thread.interrupt();
    }
}
