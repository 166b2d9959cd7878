package dev.gophersite.loader.deploy;

import dev.gophersite.loader.ContentLoader;
import dev.gophersite.loader.ParsedPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Content into a deployed stack, then every function re-published so its SnapStart snapshot holds that content
 * and the configuration now deployed. Run after every {@code sam deploy} and every content change; with nothing
 * changed it publishes nothing new.
 */
public final class StackLoad {
    private final CloudFormationClient cloudFormation;
    private final DynamoDbClient dynamo;
    private final FunctionVersions versions;
    private final EdgeInvalidation edge;
    private final Duration pointerTtl;
    private final Clock clock;
    private final Consumer<String> log;

    /** @param invalidation the edge's invalidation id, when the stack has an edge and the load changed something */
    public record Result(
            StackOutputs stack,
            ContentLoader.Result content,
            List<FunctionVersions.Published> published,
            Optional<String> invalidation) {}

    /**
     * @param pointerTtl how long a warm function may still serve the version it read before the flip (template.yaml,
     *                   CONTENT_POINTER_TTL_MILLIS); the edge is invalidated only after it, or it could fetch the old
     *                   version again and keep it
     */
    public StackLoad(
            CloudFormationClient cloudFormation,
            DynamoDbClient dynamo,
            FunctionVersions versions,
            EdgeInvalidation edge,
            Duration pointerTtl,
            Clock clock,
            Consumer<String> log) {
        this.cloudFormation = cloudFormation;
        this.dynamo = dynamo;
        this.versions = versions;
        this.edge = edge;
        this.pointerTtl = pointerTtl;
        this.clock = clock;
        this.log = log;
    }

    public Result run(String stack, List<ParsedPage> pages) {
        StackOutputs outputs = StackOutputs.read(cloudFormation, stack);
        ContentLoader.Result content = new ContentLoader(dynamo, outputs.contentTable(), clock, log).load(pages);
        Instant flipped = clock.instant();
        List<FunctionVersions.Published> published = versions.republish(outputs.functions(), content.version());
        List<String> paths = EdgePaths.of(content.change());
        Optional<String> invalidation = Optional.empty();
        if (outputs.distributionId().isPresent() && !paths.isEmpty()) {
            waitUntil(flipped.plus(pointerTtl));
            invalidation = Optional.of(edge.invalidate(outputs.distributionId().get(), content.version(), paths));
            log.accept("edge invalidation " + invalidation.get() + " for " + paths);
        }
        return new Result(outputs, content, published, invalidation);
    }

    private void waitUntil(Instant instant) {
        Duration left = Duration.between(clock.instant(), instant);
        if (left.isPositive()) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before the edge was invalidated", e);
            }
        }
    }
}
