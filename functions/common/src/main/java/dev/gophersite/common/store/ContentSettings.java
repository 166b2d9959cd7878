package dev.gophersite.common.store;

import dev.gophersite.common.Env;
import java.time.Duration;

/**
 * Where the site's content is and how stale a function may let it get.
 *
 * @param pointerTtl how long the current-version pointer is trusted before it is read again; a content load
 *                   becomes visible within this time
 */
public record ContentSettings(String table, Duration pointerTtl) {
    public static final Duration DEFAULT_POINTER_TTL = Duration.ofSeconds(10);

    public static ContentSettings fromEnv() {
        return new ContentSettings(
                Env.string("TABLE_NAME", "gopher-site-content"),
                Env.millis("CONTENT_POINTER_TTL_MILLIS", DEFAULT_POINTER_TTL.toMillis()));
    }
}
