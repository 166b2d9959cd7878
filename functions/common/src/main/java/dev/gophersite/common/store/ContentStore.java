package dev.gophersite.common.store;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.SiteIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read access to the current site. Implementations throw {@link StoreUnavailableException} or {@link StoreException}. */
public interface ContentStore {

    /** The current site version; cheap to call on every request. */
    String currentVersion();

    SiteIndex index();

    Optional<Page> page(String slug);

    /** Every page of the current version with its sections, for building a retrieval index. */
    List<Page> allPages();

    /** Re-read the current version on next use, e.g. after a SnapStart restore; cached versions stay valid. */
    default void forgetCurrentVersion() {}

    /**
     * Since when the version being served could not be confirmed because the store fails; empty while it is
     * current. Responses built from it say so ({@code Responses.markStale}).
     */
    default Optional<Instant> staleSince() {
        return Optional.empty();
    }
}
