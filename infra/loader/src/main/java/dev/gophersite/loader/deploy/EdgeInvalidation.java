package dev.gophersite.loader.deploy;

import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Tells CloudFront to drop what a load made stale, so the next request for it reaches the functions. The caller
 * reference is the site version: running the same load again repeats the same batch, which CloudFront answers with
 * the invalidation it already has rather than a second one.
 */
public final class EdgeInvalidation {
    private final CloudFrontClient cloudFront;

    public EdgeInvalidation(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    /** @return the invalidation's id */
    public String invalidate(String distributionId, String siteVersion, List<String> paths) {
        return cloudFront
                .createInvalidation(b -> b.distributionId(distributionId)
                        .invalidationBatch(batch -> batch.callerReference("content-" + siteVersion)
                                .paths(p -> p.quantity(paths.size()).items(paths))))
                .invalidation()
                .id();
    }
}
